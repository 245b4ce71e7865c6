package io.kubelift.cli;

import io.kubelift.model.AtomicWriter;
import io.kubelift.model.KubeliftException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Checks where a command will write before it does any work, so {@code convert APP -o some-file}
 * fails at once instead of after the whole analysis. The writers check again when they write (the
 * file system may change meanwhile).
 */
final class OutputPaths {
    private OutputPaths() {}

    /**
     * An output directory: absent (created later), or a directory kubelift wrote, or empty, or
     * {@code force}.
     */
    static void directory(Path dir, boolean force) {
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw KubeliftException.badInput(
                        dir.toString(),
                        "exists and is not a directory",
                        "-o names a directory kubelift fills with several files; choose a new or empty directory");
            }
            if (!force
                    && !Files.isRegularFile(dir.resolve(AtomicWriter.MANIFEST))
                    && !isEmpty(dir)) {
                throw KubeliftException.badInput(
                        dir.toString(),
                        "exists and was not written by kubelift",
                        "choose an empty or new output directory, or pass --force to replace it");
            }
        }
        writableParent(dir);
    }

    /**
     * A directory kubelift writes a few named files into (merge's summary.json, index.html): not a
     * file.
     */
    static void plainDirectory(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw KubeliftException.badInput(
                    dir.toString(), "exists and is not a directory", "choose a directory for -o");
        }
        writableParent(dir);
    }

    /** An output file (a plan): not a directory, and its directory can be created and written. */
    static void file(Path file) {
        if (Files.isDirectory(file)) {
            throw KubeliftException.badInput(
                    file.toString(),
                    "is a directory",
                    "-o names the plan file to write, e.g. " + file.resolve("plan.yaml"));
        }
        writableParent(file);
    }

    /** The nearest existing ancestor must be a writable directory (kubelift creates the rest). */
    private static void writableParent(Path p) {
        Path a = p.toAbsolutePath().normalize().getParent();
        while (a != null && !Files.exists(a, LinkOption.NOFOLLOW_LINKS)) {
            a = a.getParent();
        }
        if (a == null) {
            return;
        }
        if (!Files.isDirectory(a)) {
            throw KubeliftException.badInput(
                    a.toString(),
                    "is a file, so " + p + " cannot be created under it",
                    "choose another output path");
        }
        if (!Files.isWritable(a)) {
            throw KubeliftException.badInput(
                    a.toString(),
                    "is not writable, so " + p + " cannot be created",
                    "choose another output path or fix the directory's permissions");
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
