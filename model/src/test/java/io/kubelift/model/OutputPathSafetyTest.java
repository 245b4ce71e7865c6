package io.kubelift.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output directory's manifest is a file anyone with write access to that directory can change;
 * its paths must never lead the writer outside the directory (reading files there to hash them, or
 * copying them in).
 */
class OutputPathSafetyTest {
    @TempDir Path tmp;

    @Test
    void manifestPathsOutsideTheOutputAreIgnored() throws Exception {
        Path out = tmp.resolve("out");
        AtomicWriter.write(out, new FileSet().add("k8s/a.yaml", "a: 1\n"), false);
        Path victim = tmp.resolve("victim.txt");
        Files.writeString(victim, "outside\n");
        Path manifest = out.resolve(AtomicWriter.MANIFEST);
        String json =
                Files.readString(manifest)
                        .replace(
                                "\"files\" : {",
                                "\"files\" : {\n    \"../victim.txt\" : \"0\",\n    \""
                                        + victim
                                        + "\" : \"0\",\n    \"k8s/../../victim.txt\" : \"0\",");
        Files.writeString(manifest, json);
        // edited paths outside would block the write; carried-over paths outside would be read and
        // copied
        AtomicWriter.Result r =
                AtomicWriter.write(
                        out,
                        new FileSet().add("k8s/a.yaml", "a: 2\n"),
                        false,
                        java.util.List.of("k8s/"));
        assertEquals(java.util.List.of(), r.keptUserFiles());
        assertEquals("outside\n", Files.readString(victim));
        assertEquals("a: 2\n", Files.readString(out.resolve("k8s/a.yaml")));
        String after = Files.readString(manifest, StandardCharsets.UTF_8);
        assertFalse(after.contains("victim"), after);
        try (var s = Files.list(tmp)) {
            assertEquals(
                    java.util.List.of(".out.kubelift-lock", "out", "victim.txt"),
                    s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "nothing written beside the output but its (empty) lock file");
        }
    }

    @Test
    void generatedPathsCannotEscape() {
        for (String bad :
                new String[] {
                    "../x", "/etc/passwd", "a/../../x", "a//b", "./a", "a/.", "", "\\..\\x"
                }) {
            assertTrue(throwsIllegalArgument(() -> new FileSet().add(bad, "y")), bad);
        }
    }

    private static boolean throwsIllegalArgument(Runnable r) {
        try {
            r.run();
            return false;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
