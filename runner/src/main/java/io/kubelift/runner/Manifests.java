package io.kubelift.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kubelift.model.KubeliftException;
import io.kubelift.model.ManifestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Kubernetes objects of a Kustomize directory as kustomize would assemble them, for the subset
 * kubelift writes: {@code resources} (files and nested directories), {@code namespace}, {@code
 * configMapGenerator} and {@code secretGenerator} (files, envs, literals; names without hash
 * suffix) and {@code images}. A directory without kustomization.yaml contributes every {@code
 * *.yaml} file in it. Secret values are read here and only handed to the container engine.
 */
final class Manifests {
    static final ObjectMapper YAML =
            YAMLMapper.builder()
                    .enable(
                            com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature
                                    .MINIMIZE_QUOTES)
                    .disable(
                            com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature
                                    .WRITE_DOC_START_MARKER)
                    .build();

    final List<ObjectNode> objects = new ArrayList<>();
    final Map<String, Map<String, String>> secrets = new LinkedHashMap<>();
    String namespace;

    static Manifests load(Path dir) {
        Manifests m = new Manifests();
        m.loadDir(dir, true);
        if (m.namespace == null) {
            m.namespace = "default";
        }
        return m;
    }

    private void loadDir(Path dir, boolean top) {
        Path k = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(k)) {
            k = dir.resolve("kustomization.yml");
        }
        if (!Files.isRegularFile(k)) {
            if (!Files.isDirectory(dir)) {
                throw KubeliftException.badInput(
                        dir.toString(),
                        "no such directory",
                        "run `kubelift generate` or `convert` first");
            }
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p :
                        s.filter(
                                        f ->
                                                f.toString().endsWith(".yaml")
                                                        || f.toString().endsWith(".yml"))
                                .sorted()
                                .toList()) {
                    loadFile(p);
                }
            } catch (IOException e) {
                throw KubeliftException.badInput(
                        dir.toString(), "cannot list: " + e.getMessage(), null);
            }
            return;
        }
        JsonNode kust = readOne(k);
        if (top && kust.hasNonNull("namespace")) {
            namespace = kust.get("namespace").asText();
        }
        for (JsonNode r : kust.path("resources")) {
            Path p = dir.resolve(r.asText()).normalize();
            if (Files.isDirectory(p)) {
                loadDir(p, false);
            } else {
                loadFile(p);
            }
        }
        for (JsonNode g : kust.path("configMapGenerator")) {
            ObjectNode cm = YAML.createObjectNode();
            cm.put("apiVersion", "v1").put("kind", "ConfigMap");
            cm.putObject("metadata").put("name", g.path("name").asText());
            ObjectNode data = cm.putObject("data");
            generatorData(dir, k, g).forEach(data::put);
            objects.add(cm);
        }
        for (JsonNode g : kust.path("secretGenerator")) {
            secrets.put(g.path("name").asText(), generatorData(dir, k, g));
        }
        JsonNode images = kust.path("images");
        if (images.isArray() && !images.isEmpty()) {
            for (ObjectNode o : objects) {
                rewriteImages(o, images);
            }
        }
    }

    /**
     * Key → value of a generator's {@code files} ({@code [key=]path}), {@code envs}/{@code env} and
     * {@code literals}.
     */
    private static Map<String, String> generatorData(Path dir, Path kust, JsonNode g) {
        Map<String, String> data = new LinkedHashMap<>();
        for (JsonNode f : g.path("files")) {
            String spec = f.asText();
            int eq = spec.indexOf('=');
            String key = eq < 0 ? Path.of(spec).getFileName().toString() : spec.substring(0, eq);
            data.put(key, readText(dir.resolve(eq < 0 ? spec : spec.substring(eq + 1))));
        }
        List<JsonNode> envs = new ArrayList<>();
        g.path("envs").forEach(envs::add);
        if (g.hasNonNull("env")) {
            envs.add(g.get("env"));
        }
        for (JsonNode e : envs) {
            Path envFile = dir.resolve(e.asText());
            String[] lines = readText(envFile).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    throw KubeliftException.badInput(
                            envFile + ":" + (i + 1), "expected KEY=VALUE", "fix the env file");
                }
                data.put(line.substring(0, eq).strip(), line.substring(eq + 1));
            }
        }
        for (JsonNode l : g.path("literals")) {
            String s = l.asText();
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw KubeliftException.badInput(
                        kust.toString(), "generator literal is not KEY=VALUE", "fix " + kust);
            }
            data.put(s.substring(0, eq), s.substring(eq + 1));
        }
        return data;
    }

    /**
     * kustomize's images transformer: a container image named {@code name} gets {@code newName},
     * {@code newTag}/{@code digest}.
     */
    private static void rewriteImages(ObjectNode o, JsonNode images) {
        for (JsonNode containers : o.findParents("image")) {
            if (!(containers instanceof ObjectNode c) || !c.get("image").isTextual()) {
                continue;
            }
            String image = c.get("image").asText();
            String name = image.replaceFirst("@.*$", "").replaceFirst(":[^:/]+$", "");
            for (JsonNode rule : images) {
                if (rule.path("name").asText().equals(name)) {
                    String newName = rule.path("newName").asText(name);
                    if (rule.hasNonNull("digest")) {
                        c.put("image", newName + "@" + rule.get("digest").asText());
                    } else if (rule.hasNonNull("newTag")) {
                        c.put("image", newName + ":" + rule.get("newTag").asText());
                    } else {
                        c.put("image", newName + image.substring(name.length()));
                    }
                }
            }
        }
    }

    private void loadFile(Path p) {
        objects.addAll(ManifestFiles.objects(readText(p), p.toString()));
    }

    private static JsonNode readOne(Path p) {
        List<JsonNode> docs = ManifestFiles.documents(readText(p), p.toString());
        return docs.isEmpty() ? YAML.createObjectNode() : docs.get(0);
    }

    private static String readText(Path p) {
        return ManifestFiles.read(p, p.toString());
    }
}
