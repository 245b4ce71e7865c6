package io.kubelift.checker.k8s;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed YAML/JSON value that remembers the 1-based line it starts on (for a mapping value, the
 * line of its key), so that findings can point at the exact line of a manifest.
 */
public final class YamlNode {
    private final Object
            value; // String (scalar text), null, Map<String, YamlNode> or List<YamlNode>
    private final int line;

    YamlNode(Object value, int line) {
        this.value = value;
        this.line = line;
    }

    static YamlNode scalar(String text, int line) {
        return new YamlNode(text, line);
    }

    public int line() {
        return line;
    }

    public boolean isMap() {
        return value instanceof Map;
    }

    public boolean isList() {
        return value instanceof List;
    }

    public boolean isScalar() {
        return value == null || value instanceof String;
    }

    /** The scalar text (numbers and booleans as written), or null for a null, a map or a list. */
    public String text() {
        return value instanceof String s ? s : null;
    }

    @SuppressWarnings("unchecked")
    public Map<String, YamlNode> map() {
        return isMap() ? Collections.unmodifiableMap((Map<String, YamlNode>) value) : Map.of();
    }

    @SuppressWarnings("unchecked")
    public List<YamlNode> list() {
        return isList() ? Collections.unmodifiableList((List<YamlNode>) value) : List.of();
    }

    /** The node at a path of mapping keys, if every step exists. */
    public Optional<YamlNode> at(String... path) {
        YamlNode n = this;
        for (String key : path) {
            YamlNode next = n.map().get(key);
            if (next == null) {
                return Optional.empty();
            }
            n = next;
        }
        return Optional.of(n);
    }

    /** The scalar text at a path, or null. */
    public String textAt(String... path) {
        return at(path).map(YamlNode::text).orElse(null);
    }

    /** The list at a path, or an empty list. */
    public List<YamlNode> listAt(String... path) {
        return at(path).map(YamlNode::list).orElse(List.of());
    }

    /** The mapping at a path as key → scalar text (non-scalars left out). */
    public Map<String, String> stringsAt(String... path) {
        Map<String, String> out = new LinkedHashMap<>();
        at(path).ifPresent(
                        n ->
                                n.map()
                                        .forEach(
                                                (k, v) -> {
                                                    if (v.text() != null) {
                                                        out.put(k, v.text());
                                                    }
                                                }));
        return out;
    }

    public boolean isTrue(String... path) {
        return "true".equalsIgnoreCase(textAt(path));
    }

    public boolean isFalse(String... path) {
        return "false".equalsIgnoreCase(textAt(path));
    }

    /** The line of the node at the path, or of the deepest ancestor that exists. */
    public int lineOf(String... path) {
        YamlNode n = this;
        for (String key : path) {
            YamlNode next = n.map().get(key);
            if (next == null) {
                return n.line;
            }
            n = next;
        }
        return n.line;
    }
}
