package io.kubelift.checker.k8s;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kubelift.model.KubeliftException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a multi-document YAML (or JSON) text into {@link YamlNode} trees that keep line numbers.
 */
final class YamlDocuments {
    private static final YAMLFactory YAML = YAMLFactory.builder().build();
    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** Deepest nesting accepted; deeper input is rejected rather than risking a stack overflow. */
    private static final int MAX_DEPTH = 200;

    private YamlDocuments() {}

    /** Every top-level document of {@code text}; {@code name} is used in error messages. */
    public static List<YamlNode> parse(String text, String name) {
        boolean json = name.endsWith(".json");
        List<YamlNode> docs = new ArrayList<>();
        try (JsonParser p = (json ? JSON : YAML).createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                docs.add(read(p, t, line(p), 0, name));
            }
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? name : name + ":" + loc.getLineNr();
            throw KubeliftException.badInput(
                    where,
                    "is not valid " + (json ? "JSON" : "YAML") + ": " + syntaxProblem(e),
                    "fix the syntax or pass only Kubernetes manifests");
        } catch (IOException e) {
            throw KubeliftException.badInput(name, "cannot be read: " + e.getMessage(), null);
        }
        return docs;
    }

    /**
     * What is wrong, without the input: parser messages quote the offending line (SnakeYAML's
     * snippet with a caret, Jackson's "Unrecognized token 'x'"), and the line may be a Secret's
     * value. Only the parser's own words are kept; the location is given separately.
     */
    static String syntaxProblem(JsonProcessingException e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException m) {
                String problem = withoutQuotedInput(firstLine(m.getProblem()));
                return m.getContext() == null
                        ? problem
                        : withoutQuotedInput(firstLine(m.getContext())) + ": " + problem;
            }
        }
        return withoutQuotedInput(firstLine(e.getOriginalMessage()));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "syntax error";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    /**
     * Replaces quoted input longer than one character ({@code 'SEKRIT'}, {@code "x y"}) by {@code
     * '…'}; single characters ({@code '\t'}, {@code ':'}) say what is wrong and hold no value.
     */
    private static String withoutQuotedInput(String s) {
        return s.replaceAll("'[^']{2,}'", "'…'").replaceAll("\"[^\"]{2,}\"", "\"…\"");
    }

    private static int line(JsonParser p) {
        return Math.max(1, p.currentTokenLocation().getLineNr());
    }

    private static YamlNode read(JsonParser p, JsonToken t, int line, int depth, String name)
            throws IOException {
        if (depth > MAX_DEPTH) {
            throw KubeliftException.badInput(
                    name + ":" + line,
                    "nests deeper than " + MAX_DEPTH + " levels",
                    "this is not a Kubernetes manifest");
        }
        switch (t) {
            case START_OBJECT -> {
                Map<String, YamlNode> map = new LinkedHashMap<>();
                JsonToken k;
                while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = line(p);
                    JsonToken v = p.nextToken();
                    map.put(key, read(p, v, keyLine, depth + 1, name));
                }
                if (k != JsonToken.END_OBJECT) {
                    throw KubeliftException.badInput(name + ":" + line(p), "unexpected " + k, null);
                }
                return new YamlNode(map, line);
            }
            case START_ARRAY -> {
                List<YamlNode> list = new ArrayList<>();
                JsonToken v;
                while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (v == null) {
                        throw KubeliftException.badInput(name, "ends inside a list", null);
                    }
                    list.add(read(p, v, line(p), depth + 1, name));
                }
                return new YamlNode(list, line);
            }
            case VALUE_NULL -> {
                return YamlNode.scalar(null, line);
            }
            default -> {
                return YamlNode.scalar(p.getText(), line);
            }
        }
    }
}
