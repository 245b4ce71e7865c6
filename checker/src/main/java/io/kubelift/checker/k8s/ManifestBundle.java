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

    /** Each file's lines, split once (a check asks for a line per finding: N findings, N files). */
    private final Map<String, List<String>> lines = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Indexes made once, so a check asking per object stays linear in the number of documents
     * (issue #15: 1,000 documents took 71 s).
     */
    private final Map<String, List<KubeObject>> byKind = new java.util.HashMap<>();

    private final List<KubeObject> withPods;

    /** namespace NUL label=value → the objects whose pod templates carry that label. */
    private final Map<String, List<KubeObject>> podsByLabel = new java.util.HashMap<>();

    private ManifestBundle(List<KubeObject> objects, Map<String, String> texts) {
        this.objects = List.copyOf(objects);
        this.texts = Collections.unmodifiableMap(texts);
        List<KubeObject> pods = new ArrayList<>();
        for (KubeObject o : this.objects) {
            byKind.computeIfAbsent(o.kind(), k -> new ArrayList<>()).add(o);
            if (o.hasPods()) {
                pods.add(o);
                o.podLabels()
                        .forEach(
                                (k, v) ->
                                        podsByLabel
                                                .computeIfAbsent(
                                                        o.namespaceOrEmpty()
                                                                + "\u0000"
                                                                + k
                                                                + "="
                                                                + v,
                                                        x -> new ArrayList<>())
                                                .add(o));
            }
        }
        this.withPods = List.copyOf(pods);
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
        return Collections.unmodifiableList(byKind.getOrDefault(kind, List.of()));
    }

    public List<KubeObject> withPods() {
        return withPods;
    }

    /**
     * The objects with pods in {@code namespace} whose pod labels {@code selector} selects (a
     * non-empty selector), found through the label index instead of a scan of every object.
     */
    public List<KubeObject> podsSelectedBy(String namespace, Map<String, String> selector) {
        if (selector.isEmpty()) {
            return withPods.stream().filter(w -> w.namespaceOrEmpty().equals(namespace)).toList();
        }
        Map.Entry<String, String> first = selector.entrySet().iterator().next();
        return podsByLabel
                .getOrDefault(
                        namespace + "\u0000" + first.getKey() + "=" + first.getValue(), List.of())
                .stream()
                .filter(w -> selects(selector, w.podLabels()))
                .toList();
    }

    /**
     * The lines of a manifest file (without line ends), split once per file; empty when unknown.
     */
    public List<String> lines(String file) {
        String text = texts.get(file);
        if (text == null) {
            return List.of();
        }
        return lines.computeIfAbsent(file, f -> List.of(text.split("\r?\n", -1)));
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
