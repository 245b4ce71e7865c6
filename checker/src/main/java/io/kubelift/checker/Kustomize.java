package io.kubelift.checker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.kubelift.model.KubeliftException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a Kustomize directory the way {@code kubectl apply -k} would, so that an overlay is
 * checked with its bases, patches and generators. With {@code kubectl} (or {@code kustomize}) on
 * the PATH it runs {@code kubectl kustomize}; without, it resolves {@code resources}/{@code bases},
 * {@code namespace}, {@code commonLabels} and ConfigMap/Secret generators itself, and refuses (with
 * a hint) a kustomization that has patches or components it cannot apply.
 *
 * <p>Each rendered object is attributed to the file it came from (found by kind and name in the
 * kustomization's resources), relative to the checked directory; its line numbers are those of the
 * rendered object. Secret values are replaced by {@code ****} before anything else sees them.
 */
final class Kustomize {
    static final Set<String> FILE_NAMES =
            Set.of("kustomization.yaml", "kustomization.yml", "Kustomization");
    private static final ObjectMapper YAML =
            new ObjectMapper(
                    YAMLFactory.builder()
                            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                            .build());
    private static final int MAX_DEPTH = 20;

    private Kustomize() {}

    /** The kustomization file of {@code dir}, or null. */
    public static Path fileOf(Path dir) {
        for (String n : FILE_NAMES) {
            Path p = dir.resolve(n);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /** True when {@code dir} is a Kustomize directory. */
    public static boolean isKustomization(Path dir) {
        return Files.isDirectory(dir) && fileOf(dir) != null;
    }

    /**
     * The rendered objects of the kustomization in {@code dir}, each as a source whose path names
     * its origin file relative to {@code checkedRoot} (plus {@code " @ROOT"} when {@code label} is
     * given, to keep several renderings of one base apart).
     */
    public static List<ManifestSource> render(
            Path dir, Path checkedRoot, String label, boolean useTools) {
        Map<String, String> origins =
                new LinkedHashMap<>(); // "Kind/name" → origin file, from the resolver
        List<JsonNode> own =
                resolve(
                        dir.toAbsolutePath().normalize(),
                        origins,
                        0,
                        new LinkedHashSet<>(),
                        !useTools || tool() == null);
        List<JsonNode> objects = useTools && tool() != null ? runTool(dir) : own;
        Map<String, StringBuilder> byOrigin = new LinkedHashMap<>();
        Path root = checkedRoot.toAbsolutePath().normalize();
        for (JsonNode o : objects) {
            if (!o.isObject()) {
                continue;
            }
            mask((ObjectNode) o);
            String origin = originOf(o, origins);
            String rel =
                    origin == null
                            ? root.relativize(dir.toAbsolutePath().normalize())
                                    .resolve("kustomization.yaml")
                                    .toString()
                            : root.relativize(Path.of(origin)).toString();
            String path =
                    rel.replace(File.separatorChar, '/') + (label == null ? "" : " @" + label);
            StringBuilder sb = byOrigin.computeIfAbsent(path, k -> new StringBuilder());
            if (sb.length() > 0) {
                sb.append("---\n");
            }
            try {
                sb.append(YAML.writeValueAsString(o));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        List<ManifestSource> out = new ArrayList<>();
        byOrigin.forEach((p, text) -> out.add(new ManifestSource(p, text.toString())));
        return out;
    }

    private static String originOf(JsonNode o, Map<String, String> origins) {
        String kind = o.path("kind").asText();
        String name = o.path("metadata").path("name").asText();
        String exact = origins.get(kind + "/" + name);
        if (exact != null) {
            return exact;
        }
        // name prefixes/suffixes (namePrefix, the hash of generated ConfigMaps and Secrets)
        String best = null;
        int bestLen = 0;
        for (Map.Entry<String, String> e : origins.entrySet()) {
            String k = e.getKey();
            if (k.startsWith(kind + "/")) {
                String n = k.substring(kind.length() + 1);
                if (!n.isEmpty() && name.contains(n) && n.length() > bestLen) {
                    best = e.getValue();
                    bestLen = n.length();
                }
            }
        }
        return best;
    }

    /** Secret values never leave this class. */
    private static void mask(ObjectNode o) {
        if (!"Secret".equals(o.path("kind").asText())) {
            return;
        }
        for (String field : List.of("data", "stringData")) {
            if (o.get(field) instanceof ObjectNode data) {
                Iterator<String> names = data.fieldNames();
                List<String> keys = new ArrayList<>();
                names.forEachRemaining(keys::add);
                keys.forEach(k -> data.put(k, "****"));
            }
        }
    }

    /** {@code kubectl} or {@code kustomize} on the PATH, or null. */
    static String[] tool() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            if (Files.isExecutable(Path.of(dir, "kubectl"))) {
                return new String[] {Path.of(dir, "kubectl").toString(), "kustomize"};
            }
            if (Files.isExecutable(Path.of(dir, "kustomize"))) {
                return new String[] {Path.of(dir, "kustomize").toString(), "build"};
            }
        }
        return null;
    }

    private static List<JsonNode> runTool(Path dir) {
        String[] tool = tool();
        try {
            Path err = Files.createTempFile("kubelift-kustomize", ".err");
            try {
                Process p =
                        new ProcessBuilder(tool[0], tool[1], dir.toAbsolutePath().toString())
                                .redirectError(err.toFile())
                                .start();
                p.getOutputStream().close();
                byte[] out = p.getInputStream().readAllBytes();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw KubeliftException.badInput(
                            dir.toString(), "kustomize did not finish in 120 s", null);
                }
                if (p.exitValue() != 0) {
                    String msg = Files.readString(err, StandardCharsets.UTF_8).strip();
                    throw KubeliftException.badInput(
                            dir.toString(),
                            "cannot be rendered by "
                                    + tool[0]
                                    + " "
                                    + tool[1]
                                    + ": "
                                    + (msg.length() > 400 ? msg.substring(0, 400) + "…" : msg),
                            "fix the kustomization (kubectl kustomize "
                                    + dir
                                    + " shows the same error)");
                }
                return readDocs(new String(out, StandardCharsets.UTF_8), dir.toString());
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw KubeliftException.badInput(
                    dir.toString(), "cannot run " + tool[0] + ": " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KubeliftException.badInput(dir.toString(), "interrupted while rendering", null);
        }
    }

    private static List<JsonNode> readDocs(String text, String where) {
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(text)) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode n = it.next();
                if (n != null && !n.isNull() && !n.isMissingNode()) {
                    docs.add(n);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw KubeliftException.badInput(
                    where,
                    "is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""),
                    "fix the syntax");
        }
        return docs;
    }

    /**
     * Resolves the kustomization in {@code dir}: its resources (files and directories), and, when
     * {@code apply}, namespace, commonLabels and generators. Records the origin file of every
     * object in {@code origins}.
     */
    private static List<JsonNode> resolve(
            Path dir, Map<String, String> origins, int depth, Set<Path> seen, boolean apply) {
        Path file = fileOf(dir);
        if (file == null) {
            throw KubeliftException.badInput(
                    dir.toString(),
                    "is listed as a kustomize resource but has no kustomization.yaml",
                    "point resources at manifest files or Kustomize directories");
        }
        if (depth > MAX_DEPTH || !seen.add(dir)) {
            throw KubeliftException.badInput(
                    file.toString(),
                    "its resources form a cycle or nest deeper than " + MAX_DEPTH,
                    "remove the cycle between kustomizations");
        }
        JsonNode k =
                readDocs(read(file), file.toString()).stream()
                        .findFirst()
                        .orElse(YAML.createObjectNode());
        List<JsonNode> objects = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        k.path("bases").forEach(n -> refs.add(n.asText()));
        k.path("resources").forEach(n -> refs.add(n.asText()));
        for (String ref : refs) {
            if (ref.contains("://") || ref.startsWith("github.com/")) {
                if (apply) {
                    throw KubeliftException.badInput(
                            file.toString(),
                            "uses the remote resource " + ref,
                            "install kubectl (or kustomize) so kubelift can render it, or vendor the resource");
                }
                continue;
            }
            Path p = dir.resolve(ref).normalize();
            if (Files.isDirectory(p)) {
                objects.addAll(resolve(p, origins, depth + 1, seen, apply));
            } else if (Files.isRegularFile(p)) {
                for (JsonNode doc : readDocs(read(p), p.toString())) {
                    if (doc.isObject() && doc.has("kind")) {
                        origins.putIfAbsent(
                                doc.path("kind").asText()
                                        + "/"
                                        + doc.path("metadata").path("name").asText(),
                                p.toString());
                        objects.add(doc);
                    }
                }
            } else {
                throw KubeliftException.badInput(
                        file.toString(),
                        "lists the resource " + ref + ", which does not exist",
                        "fix the path in resources");
            }
        }
        objects.addAll(generated(k, dir, file, origins, apply));
        if (!apply) {
            return objects;
        }
        for (String unsupported :
                List.of(
                        "patches",
                        "patchesStrategicMerge",
                        "patchesJson6902",
                        "components",
                        "replacements",
                        "vars",
                        "images",
                        "replicas",
                        "helmCharts",
                        "transformers",
                        "generators")) {
            if (k.has(unsupported) && !k.get(unsupported).isEmpty()) {
                throw KubeliftException.badInput(
                        file.toString(),
                        "uses '"
                                + unsupported
                                + "', which kubelift only renders through kubectl or kustomize",
                        "install kubectl (or kustomize) on the PATH and run kubelift check again");
            }
        }
        String ns = k.path("namespace").asText(null);
        JsonNode labels = k.path("commonLabels");
        for (JsonNode o : objects) {
            if (o instanceof ObjectNode obj) {
                ObjectNode meta = obj.with("metadata");
                if (ns != null && !ns.isBlank() && !"Namespace".equals(obj.path("kind").asText())) {
                    meta.put("namespace", ns);
                }
                if (labels.isObject()) {
                    meta.with("labels").setAll((ObjectNode) labels.deepCopy());
                }
            }
        }
        return objects;
    }

    private static List<JsonNode> generated(
            JsonNode k, Path dir, Path file, Map<String, String> origins, boolean apply) {
        List<JsonNode> out = new ArrayList<>();
        for (String gen : List.of("configMapGenerator", "secretGenerator")) {
            for (JsonNode g : k.path(gen)) {
                String name = g.path("name").asText();
                String kind = gen.startsWith("secret") ? "Secret" : "ConfigMap";
                origins.putIfAbsent(kind + "/" + name, file.toString());
                if (!apply) {
                    continue;
                }
                ObjectNode o = YAML.createObjectNode().put("apiVersion", "v1").put("kind", kind);
                o.with("metadata").put("name", name);
                ObjectNode data = o.with("data");
                for (JsonNode lit : g.path("literals")) {
                    String s = lit.asText();
                    int eq = s.indexOf('=');
                    if (eq > 0) {
                        data.put(s.substring(0, eq), s.substring(eq + 1));
                    }
                }
                for (JsonNode env : g.path("envs")) {
                    Path p = dir.resolve(env.asText()).normalize();
                    for (String line : read(p).split("\n")) {
                        String l = line.strip();
                        Matcher m = ENV_LINE.matcher(l);
                        if (m.matches()) {
                            data.put(m.group(1), m.group(2));
                        }
                    }
                }
                for (JsonNode f : g.path("files")) {
                    String s = f.asText();
                    int eq = s.indexOf('=');
                    Path p = dir.resolve(eq > 0 ? s.substring(eq + 1) : s).normalize();
                    String key = eq > 0 ? s.substring(0, eq) : p.getFileName().toString();
                    data.put(key, read(p));
                }
                out.add(o);
            }
        }
        return out;
    }

    private static final Pattern ENV_LINE = Pattern.compile("([A-Za-z_][A-Za-z0-9_.\\-]*)=(.*)");

    private static String read(Path p) {
        try {
            if (Files.size(p) > Manifests.MAX_FILE_BYTES) {
                throw KubeliftException.badInput(
                        p.toString(), "is larger than 4 MiB", "split the file");
            }
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw KubeliftException.badInput(
                    p.toString(),
                    "cannot be read: " + e.getMessage(),
                    "fix the path in the kustomization");
        }
    }

    /**
     * The Kustomize directories below {@code root} that no other kustomization below it uses (the
     * overlays one applies), sorted.
     */
    static List<Path> roots(List<Path> kustomizationDirs) {
        Set<Path> used = new LinkedHashSet<>();
        for (Path d : kustomizationDirs) {
            try {
                Map<String, String> origins = new LinkedHashMap<>();
                collectUsed(
                        d.toAbsolutePath().normalize(), used, 0, new LinkedHashSet<>(), origins);
            } catch (KubeliftException e) {
                // reported when the root itself is rendered
            }
        }
        return kustomizationDirs.stream()
                .filter(d -> !used.contains(d.toAbsolutePath().normalize()))
                .sorted()
                .toList();
    }

    private static void collectUsed(
            Path dir, Set<Path> used, int depth, Set<Path> seen, Map<String, String> origins) {
        Path file = fileOf(dir);
        if (file == null || depth > MAX_DEPTH || !seen.add(dir)) {
            return;
        }
        JsonNode k =
                readDocs(read(file), file.toString()).stream()
                        .findFirst()
                        .orElse(YAML.createObjectNode());
        List<String> refs = new ArrayList<>();
        k.path("bases").forEach(n -> refs.add(n.asText()));
        k.path("resources").forEach(n -> refs.add(n.asText()));
        k.path("components").forEach(n -> refs.add(n.asText()));
        for (String ref : refs) {
            Path p = dir.resolve(ref).normalize();
            if (Files.isDirectory(p)) {
                used.add(p);
                collectUsed(p, used, depth + 1, seen, origins);
            }
        }
    }
}
