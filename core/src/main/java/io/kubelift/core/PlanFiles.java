package io.kubelift.core;

import io.kubelift.model.AtomicWriter;
import io.kubelift.model.KubeliftException;
import io.kubelift.model.MigrationPlan;
import io.kubelift.model.PlanCodec;
import io.kubelift.model.PlanMerge;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a plan file for {@code analyze -o FILE} the way {@code convert} writes its output: the
 * file's hash goes into {@code .kubelift/manifest.json} beside it (so {@code generate FILE -o DIR}
 * accepts the directory, and an edit shows), and the plan as written is kept in {@code
 * .kubelift/plans/NAME} as the base of a later {@code --merge}. A plan a person edited, or one
 * kubelift did not write, is not overwritten without {@code force}.
 */
final class PlanFiles {
    /** How {@code analyze -o} treats an existing plan file. */
    enum Mode {
        /** refuse to overwrite a plan a person edited or kubelift did not write */
        PROTECT,
        /** overwrite */
        FORCE,
        /** keep the person's edits and add what the analysis finds ({@link PlanMerge}) */
        MERGE
    }

    private static final String BASES = ".kubelift/plans/";

    private PlanFiles() {}

    /**
     * The plan to write: {@code analysed} itself, or merged into the person's plan in MERGE mode.
     */
    static MigrationPlan planToWrite(Path file, MigrationPlan analysed, Mode mode) {
        if (mode != Mode.MERGE || !Files.isRegularFile(file)) {
            return analysed;
        }
        MigrationPlan ours = PlanCodec.read(file);
        Path base = baseOf(file);
        MigrationPlan b = Files.isRegularFile(base) ? PlanCodec.read(base) : null;
        return PlanMerge.merge(b, ours, analysed);
    }

    /**
     * Fails when writing {@code file} in {@code mode} would lose a person's plan (called before any
     * work, and on write).
     */
    static void check(Path file, Mode mode) {
        Path abs = file.toAbsolutePath().normalize();
        try {
            Map<String, String> manifest =
                    Files.isDirectory(abs.getParent())
                            ? AtomicWriter.readManifest(abs.getParent())
                            : null;
            check(file, abs, manifest, mode);
        } catch (IOException e) {
            throw KubeliftException.badInput(
                    file.toString(), "cannot be read: " + e.getMessage(), null);
        }
    }

    private static void check(Path file, Path abs, Map<String, String> manifest, Mode mode)
            throws IOException {
        String name = abs.getFileName().toString();
        if (Files.isDirectory(abs)) {
            throw KubeliftException.badInput(
                    file.toString(),
                    "is a directory",
                    "name the plan file to write, e.g. " + file.resolve("plan.yaml"));
        }
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && mode == Mode.PROTECT) {
            String recorded = manifest == null ? null : manifest.get(name);
            if (recorded == null) {
                throw KubeliftException.badInput(
                        file.toString(),
                        "exists and was not written by this kubelift",
                        "pass --merge to keep what it says and add what the analysis finds, --force to overwrite it, "
                                + "or choose another file");
            }
            if (!recorded.equals(AtomicWriter.sha256(Files.readAllBytes(abs)))) {
                throw KubeliftException.badInput(
                        file.toString(),
                        "was edited after kubelift wrote it",
                        "pass --merge to keep your edits and add what the analysis finds, or --force to overwrite them");
            }
        }
    }

    static void write(Path file, String text, Mode mode) {
        Path abs = file.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        String name = abs.getFileName().toString();
        try {
            Map<String, String> manifest =
                    Files.isDirectory(dir) ? AtomicWriter.readManifest(dir) : null;
            check(file, abs, manifest, mode);
            Files.createDirectories(dir);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            replace(abs, bytes);
            Path base = baseOf(abs);
            Files.createDirectories(base.getParent());
            replace(base, bytes);
            Map<String, String> files = new TreeMap<>(manifest == null ? Map.of() : manifest);
            files.put(name, AtomicWriter.sha256(bytes));
            Map<String, Object> doc = new TreeMap<>();
            doc.put("files", files);
            doc.put("generator", "kubelift");
            Path schema =
                    dir.resolve(
                            PlanCodec.SCHEMA_FILE); // the plan's first line points editors at it
            replace(
                    schema,
                    io.kubelift.model.PlanSchema.generate().getBytes(StandardCharsets.UTF_8));
            files.put(PlanCodec.SCHEMA_FILE, AtomicWriter.sha256(Files.readAllBytes(schema)));
            replace(
                    dir.resolve(AtomicWriter.MANIFEST),
                    PlanCodec.toJson(doc).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw KubeliftException.badInput(
                    file.toString(),
                    "cannot write: " + e.getMessage(),
                    "check the directory is writable and the disk has space");
        }
    }

    private static Path baseOf(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.getParent().resolve(BASES + abs.getFileName());
    }

    /** Writes {@code bytes} to {@code target} through a temporary sibling and an atomic rename. */
    static void replace(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(
                    tmp,
                    target,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
