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
 * Reads manifest files: one file, or every {@code *.yaml}, {@code *.yml} and {@code *.json} below a
 * directory (hidden directories and kustomization files skipped; symbolic links are not followed;
 * files larger than {@link #MAX_FILE_BYTES} are refused). Paths are relative to the given directory
 * with '/' separators.
 */
public final class Manifests {
    public static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
    public static final int MAX_FILES = 10_000;
    private static final Set<String> KUSTOMIZATION =
            Set.of("kustomization.yaml", "kustomization.yml", "kustomization");

    private Manifests() {}

    public static List<ManifestSource> load(Path fileOrDir) {
        return load(fileOrDir, true);
    }

    /**
     * Like {@link #load(Path)}; a Kustomize directory is rendered ({@link Kustomize}) and so is
     * every overlay below a directory that holds Kustomize directories (each kustomization no other
     * one uses), so that an overlay is checked together with its bases. {@code useTools}: render
     * with kubectl/kustomize when on the PATH.
     */
    public static List<ManifestSource> load(Path fileOrDir, boolean useTools) {
        if (Files.isDirectory(fileOrDir, LinkOption.NOFOLLOW_LINKS)) {
            if (Kustomize.isKustomization(fileOrDir)) {
                return Kustomize.render(fileOrDir, fileOrDir, null, useTools);
            }
            List<Path> kustomized = kustomizationDirs(fileOrDir);
            if (!kustomized.isEmpty()) {
                List<ManifestSource> out = new ArrayList<>();
                List<Path> roots = Kustomize.roots(kustomized);
                for (Path root : roots) {
                    String label =
                            roots.size() == 1
                                    ? null
                                    : fileOrDir.relativize(root).toString().replace('\\', '/');
                    out.addAll(Kustomize.render(root, fileOrDir, label, useTools));
                }
                for (ManifestSource plain : loadPlain(fileOrDir)) {
                    if (kustomized.stream()
                            .noneMatch(
                                    k ->
                                            fileOrDir
                                                            .resolve(plain.path())
                                                            .normalize()
                                                            .startsWith(
                                                                    k.toAbsolutePath().normalize())
                                                    || fileOrDir
                                                            .resolve(plain.path())
                                                            .startsWith(k))) {
                        out.add(plain);
                    }
                }
                return out;
            }
        }
        return loadPlain(fileOrDir);
    }

    private static List<Path> kustomizationDirs(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(
                            p ->
                                    Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                                            && !hidden(dir.relativize(p))
                                            && Kustomize.isKustomization(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw KubeliftException.badInput(
                    dir.toString(), "cannot be listed: " + e.getMessage(), null);
        }
    }

    /** Every manifest file as it is, without rendering kustomizations. */
    public static List<ManifestSource> loadPlain(Path fileOrDir) {
        if (!Files.exists(fileOrDir, LinkOption.NOFOLLOW_LINKS)) {
            throw KubeliftException.badInput(
                    fileOrDir.toString(),
                    "no such file or directory",
                    "pass a manifest file or a directory of Kubernetes YAML");
        }
        if (!Files.isDirectory(fileOrDir)) {
            Path name = fileOrDir.getFileName();
            return List.of(read(fileOrDir, name == null ? fileOrDir.toString() : name.toString()));
        }
        List<ManifestSource> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(fileOrDir)) { // does not follow links
            List<Path> files =
                    walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                            .filter(p -> !hidden(fileOrDir.relativize(p)))
                            .filter(Manifests::isManifestName)
                            .sorted()
                            .toList();
            if (files.size() > MAX_FILES) {
                throw KubeliftException.badInput(
                        fileOrDir.toString(),
                        "holds more than " + MAX_FILES + " YAML/JSON files",
                        "point kubelift check at the directory of one app's manifests");
            }
            for (Path p : files) {
                out.add(read(p, fileOrDir.relativize(p).toString().replace('\\', '/')));
            }
        } catch (IOException e) {
            throw KubeliftException.badInput(
                    fileOrDir.toString(), "cannot be listed: " + e.getMessage(), null);
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
                throw KubeliftException.badInput(
                        rel,
                        "is larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MiB",
                        "manifests that large are not checked; split the file");
            }
            byte[] bytes = Files.readAllBytes(file);
            String text =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .decode(java.nio.ByteBuffer.wrap(bytes))
                            .toString();
            return new ManifestSource(rel, text);
        } catch (NoSuchFileException e) {
            throw KubeliftException.badInput(rel, "no such file", null);
        } catch (CharacterCodingException e) {
            throw KubeliftException.badInput(
                    rel, "is not UTF-8 text", "manifests are UTF-8 YAML or JSON");
        } catch (IOException e) {
            throw KubeliftException.badInput(rel, "cannot be read: " + e.getMessage(), null);
        }
    }
}
