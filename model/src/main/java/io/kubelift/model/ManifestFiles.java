package io.kubelift.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The one reader of Kubernetes manifest files, shared by every module that reads them (core tells
 * manifests from an app, the runner assembles a Kustomize directory): which files are manifests,
 * their text (UTF-8, at most {@link #MAX_FILE_BYTES}, links not followed) and their objects
 * (multi-document YAML or JSON, read with the plan codec's limits on aliases, depth and size).
 * Errors are {@link KubeliftException}s naming the file.
 */
public final class ManifestFiles {
    public static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
    private static final int MAX_FILES = 5000;
    private static final Set<String> KUSTOMIZATION =
            Set.of("kustomization.yaml", "kustomization.yml", "kustomization");

    private ManifestFiles() {}

    /** A {@code *.yaml}, {@code *.yml} or {@code *.json} file that is not a kustomization. */
    public static boolean isManifestName(Path p) {
        Path fn = p.getFileName();
        String name = fn == null ? "" : fn.toString().toLowerCase(Locale.ROOT);
        return !KUSTOMIZATION.contains(name) && isYamlOrJson(name);
    }

    private static boolean isYamlOrJson(String lowerName) {
        return lowerName.endsWith(".yaml")
                || lowerName.endsWith(".yml")
                || lowerName.endsWith(".json");
    }

    /**
     * Tells Kubernetes YAML from an application: a YAML/JSON file is manifests; a directory is
     * manifests when every file below it (dotfiles, READMEs and {@code *.env} aside) is YAML or
     * JSON and at least one holds a document with both {@code apiVersion:} and {@code kind:}.
     */
    public static boolean looksLikeManifests(Path target) {
        if (Files.isRegularFile(target)) {
            return isYamlOrJson(target.getFileName().toString().toLowerCase(Locale.ROOT));
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        boolean sawManifest = false;
        try (Stream<Path> s = Files.walk(target)) {
            Path[] files =
                    s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                            .limit(MAX_FILES)
                            .toArray(Path[]::new);
            for (Path p : files) {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                if (name.startsWith(".")
                        || name.endsWith(".env")
                        || name.startsWith("readme")
                        || name.endsWith(".md")
                        || target.relativize(p).toString().startsWith(".")) {
                    continue;
                }
                if (!isYamlOrJson(name)) {
                    return false;
                }
                if (!sawManifest && Files.size(p) < MAX_FILE_BYTES) {
                    String text = Files.readString(p);
                    sawManifest = text.contains("apiVersion:") && text.contains("kind:");
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
        return sawManifest;
    }

    /**
     * The file's text; {@code shownAs} is how errors name it (e.g. its path relative to the
     * directory given).
     */
    public static String read(Path file, String shownAs) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw KubeliftException.badInput(
                        shownAs,
                        "is larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MiB",
                        "manifests that large are not read; split the file");
            }
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw KubeliftException.badInput(shownAs, "no such file", "regenerate the manifests");
        } catch (CharacterCodingException e) {
            throw KubeliftException.badInput(
                    shownAs, "is not UTF-8 text", "manifests are UTF-8 YAML or JSON");
        } catch (IOException e) {
            throw KubeliftException.badInput(shownAs, "cannot be read: " + e.getMessage(), null);
        }
    }

    /**
     * The objects (documents that are mappings with a {@code kind}) of a YAML or JSON text, in
     * order.
     */
    public static List<ObjectNode> objects(String text, String shownAs) {
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode n : documents(text, shownAs)) {
            if (n instanceof ObjectNode o && o.hasNonNull("kind")) {
                out.add(o);
            }
        }
        return out;
    }

    /** Every document of a YAML (or JSON) text, in order. */
    public static List<JsonNode> documents(String text, String shownAs) {
        List<JsonNode> out = new ArrayList<>();
        try (JsonParser parser = PlanCodec.yaml().getFactory().createParser(text);
                MappingIterator<JsonNode> it =
                        PlanCodec.yaml().readValues(parser, JsonNode.class)) {
            while (it.hasNext()) {
                JsonNode n = it.next();
                if (n != null) {
                    out.add(n);
                }
            }
        } catch (IOException | RuntimeException e) {
            String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw KubeliftException.badInput(
                    shownAs, "not valid YAML: " + first, "fix or regenerate the manifests");
        }
        return out;
    }
}
