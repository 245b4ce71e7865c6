package io.kubelift.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file assertions. Run the build with {@code -Dgolden.update=true} to rewrite the golden
 * files from the actual output; every change to a golden file is then reviewed in the diff.
 */
public final class Golden {
    private Golden() {}

    public static boolean updating() {
        return Boolean.getBoolean("golden.update");
    }

    /**
     * Compares {@code actual} with the golden file (a path relative to the module, e.g.
     * src/test/resources/golden/x.yaml).
     */
    public static void assertMatches(Path golden, String actual) {
        try {
            if (updating()) {
                Files.createDirectories(golden.toAbsolutePath().getParent());
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(golden)) {
                throw new AssertionError(
                        "golden file "
                                + golden
                                + " is missing; run with -Dgolden.update=true to create it");
            }
            assertEquals(
                    Files.readString(golden, StandardCharsets.UTF_8),
                    actual,
                    "output differs from "
                            + golden
                            + " (rerun with -Dgolden.update=true and review the diff if the change is intended)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compares every file below {@code actualDir} with the tree below {@code goldenDir}, both ways.
     */
    public static void assertTreeMatches(Path goldenDir, Path actualDir) {
        try {
            if (updating()) {
                if (Files.exists(goldenDir)) {
                    try (var s = Files.walk(goldenDir)) {
                        s.sorted(java.util.Comparator.reverseOrder())
                                .forEach(p -> p.toFile().delete());
                    }
                }
            }
            java.util.List<Path> actual;
            try (var s = Files.walk(actualDir)) {
                actual =
                        s.filter(Files::isRegularFile).map(actualDir::relativize).sorted().toList();
            }
            for (Path rel : actual) {
                assertMatches(
                        goldenDir.resolve(rel.toString()),
                        Files.readString(actualDir.resolve(rel), StandardCharsets.UTF_8));
            }
            if (!updating()) {
                java.util.List<Path> expected;
                try (var s = Files.walk(goldenDir)) {
                    expected =
                            s.filter(Files::isRegularFile)
                                    .map(goldenDir::relativize)
                                    .sorted()
                                    .toList();
                }
                assertEquals(
                        expected.stream().map(Path::toString).toList(),
                        actual.stream().map(Path::toString).toList(),
                        "the set of generated files differs from " + goldenDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
