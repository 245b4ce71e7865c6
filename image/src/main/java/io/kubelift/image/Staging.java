package io.kubelift.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A directory that mirrors bytes Jib must read from disk. A file is only rewritten when its content
 * changed, so its modification time stays and Jib's layer cache still matches on the next build.
 */
final class Staging {
    private final Path root;

    Staging(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path write(String relative, byte[] content) {
        Path p = root.resolve(relative).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("path leaves the staging dir: " + relative);
        }
        try {
            if (Files.isRegularFile(p)
                    && Files.size(p) == content.length
                    && Arrays.equals(Files.readAllBytes(p), content)) {
                return p;
            }
            Files.createDirectories(p.getParent());
            Path tmp = Files.createTempFile(p.getParent(), ".stage", ".tmp");
            Files.write(tmp, content);
            Files.move(
                    tmp,
                    p,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An empty directory, the source Jib needs for a directory entry. */
    Path emptyDir() {
        Path p = root.resolve(".empty");
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Deletes staged files that are no longer part of the build. */
    void retainOnly(Set<Path> keep) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                if (!keep.contains(p)) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
