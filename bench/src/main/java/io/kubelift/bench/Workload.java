package io.kubelift.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The analysis workload: a folder of unpacked sources jars, and the {@code .java} files under it in a stable order. */
final class Workload {
    private Workload() {
    }

    static Path root(String dir) {
        Path p = Path.of(dir).toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException(p + " is not a directory — build with `mvn -B -Pbench -pl bench -am package` "
                    + "(it unpacks the Hadoop sources jars there), and run from the repository root or pass the folder");
        }
        return p;
    }

    static List<Path> javaFiles(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
