package io.kubelift.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same file set → same bytes and the same modes, whatever the directory and whatever the writing
 * user's umask (a stand-in for "another machine"): two child JVMs write under umask 077 and 022.
 */
class OutputDeterminismTest {
    @TempDir Path tmp;

    @Test
    void sameBytesAndModesUnderDifferentUmasks() throws Exception {
        Path strict = tmp.resolve("strict/out");
        Path loose = tmp.resolve("elsewhere/deeper/out");
        writeUnderUmask("077", strict);
        writeUnderUmask("022", loose);
        Map<String, String> a = snapshot(strict);
        Map<String, String> b = snapshot(loose);
        assertTrue(a.size() > 20, "the snapshot covers the tree: " + a.size());
        assertEquals(a, b);
    }

    private static void writeUnderUmask(String umask, Path out) throws Exception {
        Files.createDirectories(out.getParent());
        String cmd = "umask " + umask + " && exec \"$0\" \"$@\"";
        java.util.List<String> jvm =
                ChildJvm.command(
                        AtomicWriterKillDriver.class, "-Dfiles=40", "once", out.toString(), "A");
        java.util.List<String> sh =
                new java.util.ArrayList<>(java.util.List.of("/bin/sh", "-c", cmd));
        sh.addAll(jvm);
        Process p = new ProcessBuilder(sh).inheritIO().start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "the writer exits 0");
    }

    /** path → mode and SHA-256 (files) or mode (directories), for the whole tree. */
    static Map<String, String> snapshot(Path root) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                String mode =
                        PosixFilePermissions.toString(
                                Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                m.put(
                        rel.isEmpty() ? "." : rel,
                        Files.isDirectory(p)
                                ? "dir " + mode
                                : mode + " " + AtomicWriter.sha256(Files.readAllBytes(p)));
            }
        }
        return m;
    }
}
