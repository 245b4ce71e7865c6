package io.kubelift.checker;

import io.kubelift.checker.k8s.KubeObject;
import io.kubelift.checker.k8s.ManifestBundle;
import io.kubelift.checker.k8s.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What {@code kubelift generate} wrote (manifests and start scripts), read the way a container sees
 * it: which app files a ConfigMap replaces (and with what text), which paths a volume is mounted
 * at, which app scripts are still run, and whether any generated text still holds a literal. App
 * checks ask it whether their problem survives the migration, so "fixed by generate" is a
 * measurement of the output, never a promise.
 *
 * <p>Secrets (objects of kind Secret, {@code secrets/*.env} files) are not searched: holding a
 * credential is their job. Comments (XML, {@code #} lines) are not searched either: a host named in
 * a comment configures nothing.
 */
public final class GeneratedOutput {
    private static final Pattern XML_COMMENT = Pattern.compile("(?s)<!--.*?-->");

    private final Map<String, String> files;
    private final ManifestBundle manifests;
    private final Map<String, String> mountedFiles =
            new TreeMap<>(); // absolute path in the container → text
    private final List<String> mountPaths = new ArrayList<>();
    private final List<String> searchable =
            new ArrayList<>(); // comment-free texts of non-secret output
    private final List<String> commands = new ArrayList<>(); // what the containers run

    private GeneratedOutput(Map<String, String> files) {
        this.files = files;
        List<ManifestSource> yaml = new ArrayList<>();
        files.forEach(
                (path, text) -> {
                    if (isManifest(path)) {
                        yaml.add(new ManifestSource(path, text));
                    } else if (!isSecretFile(path)) {
                        searchable.add(stripComments(text));
                        if (path.startsWith("scripts/") || path.contains("/scripts/")) {
                            commands.add(stripComments(text));
                        }
                    }
                });
        this.manifests = ManifestBundle.parse(yaml);
        for (KubeObject o : manifests.objects()) {
            if (o.kind().equals("Secret")) {
                continue;
            }
            collectScalars(o.root(), searchable);
            indexMounts(o);
        }
    }

    /** The generated files, path (relative to the output directory, '/'-separated) → text. */
    public static GeneratedOutput of(Map<String, String> files) {
        return new GeneratedOutput(new TreeMap<>(files));
    }

    public static GeneratedOutput of(List<ManifestSource> files) {
        Map<String, String> m = new TreeMap<>();
        files.forEach(f -> m.put(f.path(), f.text()));
        return new GeneratedOutput(m);
    }

    /**
     * The manifests among the generated files (kustomization files left out), for the manifest
     * checks.
     */
    public List<ManifestSource> manifestSources() {
        return files.entrySet().stream()
                .filter(e -> isManifest(e.getKey()))
                .map(e -> new ManifestSource(e.getKey(), e.getValue()))
                .toList();
    }

    public ManifestBundle manifests() {
        return manifests;
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    private static boolean isManifest(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"))
                && !path.startsWith("scripts/")
                && !name.startsWith("kustomization.")
                && !name.equals("command.json");
    }

    private static boolean isSecretFile(String path) {
        return path.contains("/secrets/") || path.endsWith(".env");
    }

    /**
     * The text that replaces the app file {@code appFile} (relative to the app root) in the
     * container: a ConfigMap entry mounted at a path ending in that file. Empty when nothing
     * replaces it (the image then holds the original).
     */
    public Optional<String> replacementOf(String appFile) {
        if (appFile == null || appFile.isBlank()) {
            return Optional.empty();
        }
        String suffix = "/" + trimSlashes(appFile);
        for (Map.Entry<String, String> e : mountedFiles.entrySet()) {
            if (e.getKey().endsWith(suffix)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * True when a generated start script or container command still runs (names) the app script
     * {@code appFile}.
     */
    public boolean runs(String appFile) {
        if (appFile == null || appFile.isBlank()) {
            return false;
        }
        Pattern p =
                Pattern.compile(
                        "(^|[\\s\"'/=:$}])"
                                + Pattern.quote(trimSlashes(appFile))
                                + "($|[\\s\"';&|)])",
                        Pattern.MULTILINE);
        return commands.stream().anyMatch(c -> p.matcher(c).find());
    }

    /** True when a volume is mounted at {@code path} or at a directory above it. */
    public boolean mounts(String path) {
        if (path == null || !path.startsWith("/")) {
            return false;
        }
        String p = trimTrailing(path);
        return mountPaths.stream()
                .map(GeneratedOutput::trimTrailing)
                .anyMatch(m -> p.equals(m) || p.startsWith(m.endsWith("/") ? m : m + "/"));
    }

    /**
     * True when a generated file other than a Secret still holds {@code token} as a whole word (not
     * as part of a longer host name or path), outside comments.
     */
    public boolean holds(String token) {
        if (token == null || token.isBlank()) {
            return false;
        }
        Pattern p = wordPattern(token);
        return searchable.stream().anyMatch(t -> p.matcher(t).find());
    }

    /** True when {@code text} holds {@code token} as a whole word, outside comments. */
    public static boolean holds(String text, String token) {
        return text != null
                && token != null
                && !token.isBlank()
                && wordPattern(token).matcher(stripComments(text)).find();
    }

    static Pattern wordPattern(String token) {
        return Pattern.compile(
                "(?<![A-Za-z0-9_.\\-])"
                        + Pattern.quote(token)
                        + "(?![A-Za-z0-9_\\-]|\\.[A-Za-z0-9])");
    }

    /**
     * The text without XML comments and without lines that are {@code #} or {@code //} comments.
     */
    public static String stripComments(String text) {
        if (text == null) {
            return "";
        }
        String t = XML_COMMENT.matcher(text).replaceAll(" ");
        StringBuilder sb = new StringBuilder(t.length());
        for (String line : t.split("\n", -1)) {
            String s = line.stripLeading();
            if (s.startsWith("#") || s.startsWith("//") || s.startsWith("!")) {
                sb.append('\n');
                continue;
            }
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    private static void collectScalars(YamlNode n, List<String> out) {
        if (n.isMap()) {
            n.map().values().forEach(v -> collectScalars(v, out));
        } else if (n.isList()) {
            n.list().forEach(v -> collectScalars(v, out));
        } else if (n.text() != null) {
            out.add(n.text().indexOf('\n') >= 0 ? stripComments(n.text()) : n.text());
        }
    }

    private void indexMounts(KubeObject o) {
        Optional<YamlNode> spec = o.podSpec();
        if (spec.isEmpty()) {
            return;
        }
        Map<String, YamlNode> volumes = new LinkedHashMap<>();
        for (YamlNode v : spec.get().listAt("volumes")) {
            if (v.textAt("name") != null) {
                volumes.put(v.textAt("name"), v);
            }
        }
        for (KubeObject.Container c : o.containers()) {
            StringBuilder cmd = new StringBuilder();
            for (String key : List.of("command", "args")) {
                c.node()
                        .listAt(key)
                        .forEach(s -> cmd.append(s.text() == null ? "" : s.text()).append(' '));
            }
            commands.add(cmd.toString());
            for (YamlNode m : c.node().listAt("volumeMounts")) {
                String mountPath = m.textAt("mountPath");
                if (mountPath == null) {
                    continue;
                }
                mountPaths.add(mountPath);
                YamlNode vol = volumes.get(m.textAt("name"));
                String cm = vol == null ? null : vol.textAt("configMap", "name");
                if (cm == null) {
                    continue;
                }
                Map<String, String> data = configMapData(cm, o.namespaceOrEmpty());
                String subPath = m.textAt("subPath");
                Map<String, String> items = new LinkedHashMap<>();
                vol.listAt("configMap", "items")
                        .forEach(i -> items.put(i.textAt("path"), i.textAt("key")));
                if (subPath != null) {
                    String key = items.getOrDefault(subPath, subPath);
                    if (data.containsKey(key)) {
                        mountedFiles.put(mountPath, data.get(key));
                    }
                } else if (items.isEmpty()) {
                    data.forEach(
                            (k, text) -> mountedFiles.put(trimTrailing(mountPath) + "/" + k, text));
                } else {
                    items.forEach(
                            (path, key) -> {
                                if (path != null && data.containsKey(key)) {
                                    mountedFiles.put(
                                            trimTrailing(mountPath) + "/" + path, data.get(key));
                                }
                            });
                }
            }
        }
    }

    private Map<String, String> configMapData(String name, String namespace) {
        for (KubeObject cm : manifests.ofKind("ConfigMap")) {
            if (name.equals(cm.name())
                    && (cm.namespaceOrEmpty().isEmpty()
                            || namespace.isEmpty()
                            || cm.namespaceOrEmpty().equals(namespace))) {
                return cm.root().stringsAt("data");
            }
        }
        return Map.of();
    }

    private static String trimSlashes(String s) {
        String t = s.replace('\\', '/');
        while (t.startsWith("./")) {
            t = t.substring(2);
        }
        while (t.startsWith("/")) {
            t = t.substring(1);
        }
        return t;
    }

    private static String trimTrailing(String s) {
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
