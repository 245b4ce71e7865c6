package io.kubelift.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Tells Kubernetes YAML from an application: a YAML/JSON file is manifests; a directory is manifests when every
 * file below it (dotfiles, READMEs and {@code *.env} aside) is YAML or JSON and at least one holds a document with
 * both {@code apiVersion:} and {@code kind:}.
 */
final class ManifestDetection {
    private static final int MAX_FILES = 5000;

    private ManifestDetection() {
    }

    static boolean looksLikeManifests(Path target) {
        if (Files.isRegularFile(target)) {
            return isYaml(target);
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        boolean sawManifest = false;
        try (Stream<Path> s = Files.walk(target)) {
            Path[] files = s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).limit(MAX_FILES).toArray(Path[]::new);
            for (Path p : files) {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                if (name.startsWith(".") || name.endsWith(".env") || name.startsWith("readme") || name.endsWith(".md")
                        || target.relativize(p).toString().startsWith(".")) {
                    continue;
                }
                if (!isYaml(p)) {
                    return false;
                }
                if (!sawManifest && Files.size(p) < 4 * 1024 * 1024) {
                    String text = Files.readString(p);
                    sawManifest = text.contains("apiVersion:") && text.contains("kind:");
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
        return sawManifest;
    }

    private static boolean isYaml(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }
}
