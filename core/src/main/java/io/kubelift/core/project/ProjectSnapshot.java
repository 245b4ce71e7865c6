package io.kubelift.core.project;

import io.kubelift.model.KubeliftException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The project's own files, staged for analysis under its build directory ({@code target/kubelift-app/}): the
 * project directory without its build output (which holds copies of resources and kubelift's own generated
 * scripts, which must not be mistaken for the app's), without hidden directories ({@code .git}, {@code .idea}),
 * {@code node_modules}, and nested Maven projects (modules are analysed on their own). Paths inside the snapshot
 * are the same as in the project, so evidence points at the real files.
 */
final class ProjectSnapshot {
    static final String DIR = "kubelift-app";

    private ProjectSnapshot() {
    }

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
            Files.walkFileTree(base, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(base)) {
                        String name = dir.getFileName().toString();
                        if (dir.equals(build) || dir.startsWith(build) || name.startsWith(".") || name.equals("node_modules")
                                || Files.isRegularFile(dir.resolve("pom.xml"))) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                    }
                    Files.createDirectories(target.resolve(base.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isRegularFile()) {
                        Files.copy(file, target.resolve(base.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING,
                                StandardCopyOption.COPY_ATTRIBUTES);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // unreadable files are not the app's concern here; the analyzer reports what it cannot read
                }
            });
            return target;
        } catch (IOException | UncheckedIOException e) {
            throw KubeliftException.badInput(target.toString(), "cannot stage the project for analysis: " + e.getMessage(),
                    "check that the build directory is writable");
        }
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
