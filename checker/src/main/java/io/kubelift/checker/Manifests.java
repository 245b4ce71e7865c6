package io.kubelift.checker;

import io.kubelift.model.KubeliftException;
import java.io.IOException;
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
 * Reads manifest files: one file, or every {@code *.yaml}, {@code *.yml} and {@code *.json} below a directory
 * (hidden directories and kustomization files skipped; symbolic links are not followed; files larger than
 * {@link #MAX_FILE_BYTES} are refused). Paths are relative to the given directory with '/' separators.
 */
public final class Manifests {
    public static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
    public static final int MAX_FILES = 10_000;
    private static final Set<String> KUSTOMIZATION = Set.of("kustomization.yaml", "kustomization.yml", "kustomization");

    private Manifests() {
    }

    public static List<ManifestSource> load(Path fileOrDir) {
        if (!Files.exists(fileOrDir, LinkOption.NOFOLLOW_LINKS)) {
            throw KubeliftException.badInput(fileOrDir.toString(), "no such file or directory",
                    "pass a manifest file or a directory of Kubernetes YAML");
        }
        if (!Files.isDirectory(fileOrDir)) {
            Path name = fileOrDir.getFileName();
            return List.of(read(fileOrDir, name == null ? fileOrDir.toString() : name.toString()));
        }
        List<ManifestSource> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(fileOrDir)) { // does not follow links
            List<Path> files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !hidden(fileOrDir.relativize(p)))
                    .filter(Manifests::isManifestName)
                    .sorted().toList();
            if (files.size() > MAX_FILES) {
                throw KubeliftException.badInput(fileOrDir.toString(), "holds more than " + MAX_FILES + " YAML/JSON files",
                        "point kubelift check at the directory of one app's manifests");
            }
            for (Path p : files) {
                out.add(read(p, fileOrDir.relativize(p).toString().replace('\\', '/')));
            }
        } catch (IOException e) {
            throw KubeliftException.badInput(fileOrDir.toString(), "cannot be listed: " + e.getMessage(), null);
        }
        return out;
    }

    private static boolean hidden(Path rel) {
        for (Path part : rel) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    static boolean isManifestName(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (KUSTOMIZATION.contains(name)) {
            return false;
        }
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    private static ManifestSource read(Path file, String rel) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw KubeliftException.badInput(rel, "is larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MiB",
                        "manifests that large are not checked; split the file");
            }
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return new ManifestSource(rel, text);
        } catch (NoSuchFileException e) {
            throw KubeliftException.badInput(rel, "no such file", null);
        } catch (CharacterCodingException e) {
            throw KubeliftException.badInput(rel, "is not UTF-8 text", "manifests are UTF-8 YAML or JSON");
        } catch (IOException e) {
            throw KubeliftException.badInput(rel, "cannot be read: " + e.getMessage(), null);
        }
    }

}
