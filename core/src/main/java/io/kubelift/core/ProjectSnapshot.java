package io.kubelift.core;

import io.kubelift.model.KubeliftException;
import io.kubelift.model.ProjectDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The project's own files, staged for analysis under its build directory ({@code
 * target/kubelift-app/}): the project directory without its build output (which holds copies of
 * resources and kubelift's own generated scripts, which must not be mistaken for the app's),
 * without hidden directories ({@code .git}, {@code .idea}), {@code node_modules}, and nested Maven
 * projects (modules are analysed on their own). Paths inside the snapshot are the same as in the
 * project, so evidence points at the real files.
 */
final class ProjectSnapshot {
    static final String DIR = "kubelift-app";

    private ProjectSnapshot() {}

    static Path buildDir(ProjectDescriptor project) {
        Path classes = project.classesDir();
        if (classes != null && classes.toAbsolutePath().getParent() != null) {
            return classes.toAbsolutePath().normalize().getParent();
        }
        return project.baseDir().toAbsolutePath().normalize().resolve("target");
    }

    static Path stage(ProjectDescriptor project) {
        Path base = project.baseDir().toAbsolutePath().normalize();
        Path build = buildDir(project);
        Path target = build.resolve(DIR);
        try {
            delete(target);
            Files.createDirectories(target);
            Files.walkFileTree(
                    base,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(
                                Path dir, BasicFileAttributes attrs) throws IOException {
                            if (skipped(base, build, dir)) {
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            Files.createDirectories(
                                    target.resolve(base.relativize(dir).toString()));
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                                throws IOException {
                            if (attrs.isRegularFile()) {
                                Files.copy(
                                        file,
                                        target.resolve(base.relativize(file).toString()),
                                        StandardCopyOption.REPLACE_EXISTING,
                                        StandardCopyOption.COPY_ATTRIBUTES);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            return FileVisitResult
                                    .CONTINUE; // unreadable files are not the app's concern here;
                            // the analyzer reports what it cannot read
                        }
                    });
            return target;
        } catch (IOException | UncheckedIOException e) {
            throw KubeliftException.badInput(
                    target.toString(),
                    "cannot stage the project for analysis: " + e.getMessage(),
                    "check that the build directory is writable");
        }
    }

    /**
     * Whether a directory of the project stays out of the snapshot (build output, hidden,
     * node_modules, nested module).
     */
    private static boolean skipped(Path base, Path build, Path dir) {
        if (dir.equals(base)) {
            return false;
        }
        String name = dir.getFileName().toString();
        return dir.startsWith(build)
                || name.startsWith(".")
                || name.equals("node_modules")
                || Files.isRegularFile(dir.resolve("pom.xml"));
    }

    /**
     * Feeds what {@link #stage} would copy into {@code md}, in a fixed order: every directory and
     * regular file of the snapshot by relative path, with each file's size and bytes. Equal digests
     * mean an equal snapshot, without writing one.
     */
    static void digest(ProjectDescriptor project, MessageDigest md) {
        Path base = project.baseDir().toAbsolutePath().normalize();
        try {
            digest(base, buildDir(project), base, md);
        } catch (IOException | UncheckedIOException e) {
            // unreadable now: a nonce, so that this digest matches no recorded one and the caller
            // does the full work
            update(md, "unhashable " + java.util.UUID.randomUUID() + "\n");
        }
    }

    private static void digest(Path base, Path build, Path dir, MessageDigest md)
            throws IOException {
        update(md, "dir " + base.relativize(dir).toString().replace('\\', '/') + "\n");
        List<Path> children;
        try (Stream<Path> s = Files.list(dir)) {
            children = s.sorted().toList();
        }
        for (Path p : children) {
            // links are not followed, as in stage, which copies neither
            BasicFileAttributes attrs =
                    Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attrs.isDirectory()) {
                if (!skipped(base, build, p)) {
                    digest(base, build, p, md);
                }
            } else if (attrs.isRegularFile()) {
                update(
                        md,
                        "file "
                                + base.relativize(p).toString().replace('\\', '/')
                                + " "
                                + attrs.size()
                                + "\n");
                try (InputStream in = Files.newInputStream(p)) {
                    byte[] buf = new byte[64 * 1024];
                    for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                        md.update(buf, 0, n);
                    }
                }
            }
        }
    }

    private static void update(MessageDigest md, String s) {
        md.update(s.getBytes(StandardCharsets.UTF_8));
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
