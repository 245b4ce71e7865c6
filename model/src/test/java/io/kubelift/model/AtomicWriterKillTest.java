package io.kubelift.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output integrity under SIGKILL: a child JVM rewrites an output directory over and over (set A,
 * set B, A, …) and is killed at a random moment; after the next run's recovery the directory must
 * hold exactly one complete set, as its {@code .kubelift/manifest.json} says, and nothing else. The
 * seed is printed; rerun one case with {@code -Dkill.seed=N}, run more with {@code -Dkill.tries=N}.
 */
class AtomicWriterKillTest {
    private static final int FILES = 100;

    @TempDir Path tmp;

    @Test
    void aKilledWriteLeavesTheOldOrTheNewCompleteSet() throws Exception {
        long seed = Long.getLong("kill.seed", System.nanoTime());
        int tries = Integer.getInteger("kill.tries", 12);
        System.out.println(
                "AtomicWriterKillTest: seed "
                        + seed
                        + " (-Dkill.seed="
                        + seed
                        + "), "
                        + tries
                        + " kills");
        Random random = new Random(seed);
        Map<String, Map<String, FileSet.Entry>> sets =
                Map.of(
                        "A",
                        AtomicWriterKillDriver.set("A", FILES).files(),
                        "B",
                        AtomicWriterKillDriver.set("B", FILES).files());
        // Kill within about three writes' time, so kills land before, inside and after a swap.
        long t0 = System.nanoTime();
        AtomicWriter.write(
                tmp.resolve("calibration"), AtomicWriterKillDriver.set("B", FILES), false);
        int window = (int) Math.max(50, 3 * (System.nanoTime() - t0) / 1_000_000);
        Path out = tmp.resolve("out");
        AtomicWriter.write(out, AtomicWriterKillDriver.set("A", FILES), false);
        int interrupted = 0;
        int changed = 0;
        String before = "A";
        for (int i = 0; i < tries; i++) {
            Process child =
                    new ProcessBuilder(
                                    ChildJvm.command(
                                            AtomicWriterKillDriver.class,
                                            "-Dfiles=" + FILES,
                                            "loop",
                                            out.toString()))
                            .redirectErrorStream(true)
                            .start();
            BufferedReader lines =
                    new BufferedReader(
                            new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String first = lines.readLine();
            assertEquals("ready", first, "the driver starts");
            Thread.sleep(random.nextInt(window));
            child.destroyForcibly(); // SIGKILL on POSIX
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the killed child exits");
            boolean leftovers = !siblings(out).isEmpty() || !Files.exists(out);
            interrupted += leftovers ? 1 : 0;
            AtomicWriter.recover(out);
            assertEquals(List.of(), siblings(out), "recovery removes temporary trees");
            String now = assertCompleteSet(out, sets, "kill " + i + " (seed " + seed + ")");
            changed += now.equals(before) ? 0 : 1;
            before = now;
        }
        System.out.println(
                "AtomicWriterKillTest: "
                        + tries
                        + " kills, "
                        + interrupted
                        + " left a half-done write behind, "
                        + changed
                        + " ended on a different set than the previous kill (kill window "
                        + window
                        + " ms); every one recovered to a complete set");
    }

    /**
     * The set the directory holds, failing unless it is one complete set and its manifest, and
     * nothing else.
     */
    static String assertCompleteSet(
            Path out, Map<String, Map<String, FileSet.Entry>> sets, String what) throws Exception {
        Map<String, String> manifest = AtomicWriter.readManifest(out);
        assertTrue(manifest != null, what + ": the manifest exists");
        Map<String, byte[]> onDisk = new TreeMap<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                String rel = out.relativize(p).toString().replace('\\', '/');
                if (!rel.equals(AtomicWriter.MANIFEST)
                        && !rel.equals(AtomicWriter.PRIVATE_DIGESTS)
                        && !rel.equals(".kubelift/.gitignore")) {
                    onDisk.put(rel, Files.readAllBytes(p));
                }
            }
        }
        assertEquals(
                manifest.keySet(),
                onDisk.keySet(),
                what + ": the files are exactly those in the manifest");
        Map<String, String> privateDigests = new TreeMap<>();
        Path pd = out.resolve(AtomicWriter.PRIVATE_DIGESTS);
        if (Files.exists(pd)) {
            PlanCodec.json()
                    .readTree(Files.readString(pd))
                    .get("files")
                    .fields()
                    .forEachRemaining(e -> privateDigests.put(e.getKey(), e.getValue().asText()));
        }
        onDisk.forEach(
                (path, bytes) ->
                        assertEquals(
                                AtomicWriter.PRIVATE.equals(manifest.get(path))
                                        ? privateDigests.get(path)
                                        : manifest.get(path),
                                AtomicWriter.sha256(bytes),
                                what + ": " + path));
        String name = new String(onDisk.get("SET"), StandardCharsets.UTF_8).strip();
        Map<String, FileSet.Entry> expected = sets.get(name);
        if (expected == null) {
            fail(what + ": unknown set " + name);
        }
        assertEquals(expected.keySet(), onDisk.keySet(), what + ": set " + name + " is complete");
        for (Map.Entry<String, FileSet.Entry> e : expected.entrySet()) {
            assertTrue(
                    java.util.Arrays.equals(e.getValue().content(), onDisk.get(e.getKey())),
                    what + ": " + e.getKey());
            assertEquals(
                    e.getValue().mode().posix(),
                    java.nio.file.attribute.PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(out.resolve(e.getKey()))),
                    what + ": mode of " + e.getKey());
        }
        return name;
    }

    private static List<Path> siblings(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out.getParent())) {
            return s.filter(
                            p ->
                                    p.getFileName()
                                            .toString()
                                            .startsWith("." + out.getFileName() + ".kubelift-"))
                    .filter(p -> !p.getFileName().toString().endsWith(OutputLock.LOCK_MARK))
                    .sorted()
                    .toList();
        }
    }
}
