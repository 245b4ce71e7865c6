package io.kubelift.checker.k8s;

import io.kubelift.checker.ManifestSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All Kubernetes objects of the checked manifests, plus their file texts (for snippets and
 * suppressions).
 */
public final class ManifestBundle {
    private final List<KubeObject> objects;
    private final Map<String, String> texts;

    private ManifestBundle(List<KubeObject> objects, Map<String, String> texts) {
        this.objects = List.copyOf(objects);
        this.texts = Collections.unmodifiableMap(texts);
    }

    /**
     * Parses every source; documents without apiVersion and kind (not Kubernetes objects) are
     * skipped.
     */
    public static ManifestBundle parse(List<ManifestSource> sources) {
        List<KubeObject> objects = new ArrayList<>();
        Map<String, String> texts = new LinkedHashMap<>();
        for (ManifestSource s : sources) {
            texts.put(s.path(), s.text());
            for (YamlNode doc : YamlDocuments.parse(s.text(), s.path())) {
                KubeObject.of(s.path(), doc)
                        .ifPresent(
                                o -> {
                                    if (o.kind().endsWith("List")) {
                                        for (YamlNode item : doc.listAt("items")) {
                                            KubeObject.of(s.path(), item).ifPresent(objects::add);
                                        }
                                    } else {
                                        objects.add(o);
                                    }
                                });
            }
        }
        return new ManifestBundle(objects, texts);
    }

    public List<KubeObject> objects() {
        return objects;
    }

    public boolean isEmpty() {
        return objects.isEmpty();
    }

    public List<KubeObject> ofKind(String kind) {
        return objects.stream().filter(o -> o.kind().equals(kind)).toList();
    }

    public List<KubeObject> withPods() {
        return objects.stream().filter(KubeObject::hasPods).toList();
    }

    /** The text of a manifest file, or null. */
    public String text(String file) {
        return texts.get(file);
    }

    /**
     * True when every key of {@code selector} has the same value in {@code labels} (an empty
     * selector selects all).
     */
    public static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector.entrySet().stream()
                .allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }
}
