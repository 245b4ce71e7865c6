package io.kubelift.cli.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.cli.Main;
import io.kubelift.model.AtomicWriter;
import io.kubelift.model.AtomicWriterKillDriver;
import io.kubelift.model.ChildJvm;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubelift convert} killed with SIGKILL at random points (the real CLI in a child JVM),
 * alternating between two versions of the app: after the next run's recovery the output is exactly
 * the old or the new complete conversion, as a reference conversion of each version shows. Seed
 * printed; {@code -Dkill.seed}, {@code -Dkill.tries}.
 */
class ConvertKillTest {
    @TempDir Path tmp;

    @Test
    void aKilledConvertLeavesTheOldOrTheNewCompleteOutput() throws Exception {
        long seed = Long.getLong("kill.seed", System.nanoTime());
        int tries = Integer.getInteger("kill.tries", 6);
        System.out.println(
                "ConvertKillTest: seed "
                        + seed
                        + " (-Dkill.seed="
                        + seed
                        + "), "
                        + tries
                        + " kills");
        Random random = new Random(seed);
        Path appA = SecretCorpus.copyApp(tmp.resolve("apps/a"));
        Path appB = SecretCorpus.copyApp(tmp.resolve("apps/b"));
        Files.writeString(
                appB.resolve("conf/app.properties"),
                "server.port=8181\nextra.dir=/var/lib/orders\n");
        // reference conversions at the same depth, so the plan's relative source path is the same
        Map<String, String> refA = tree(convertInProcess(appA, tmp.resolve("refA/out")));
        Map<String, String> refB = tree(convertInProcess(appB, tmp.resolve("refB/out")));
        // one whole convert in a child JVM (start-up included) sets the kill window: 1.5 times that
        long t0 = System.nanoTime();
        Process timing =
                new ProcessBuilder(
                                ChildJvm.command(
                                        Main.class,
                                        "convert",
                                        appA.toString(),
                                        "-o",
                                        tmp.resolve("timing/out").toString()))
                        .redirectErrorStream(true)
                        .redirectOutput(tmp.resolve("timing.log").toFile())
                        .start();
        assertTrue(
                timing.waitFor(300, TimeUnit.SECONDS) && timing.exitValue() == 0,
                "a child convert works");
        assertEquals(
                refA, tree(tmp.resolve("timing/out")), "a child JVM converts to the same bytes");
        int window = (int) Math.max(500, 3 * (System.nanoTime() - t0) / 2_000_000);
        assertTrue(!refA.equals(refB), "the two versions convert differently");
        Path out = convertInProcess(appA, tmp.resolve("work/out"));
        assertEquals(refA, tree(out), "the same input gives the same bytes in another directory");
        int interrupted = 0;
        int changed = 0;
        Map<String, String> before = refA;
        for (int i = 0; i < tries; i++) {
            Path next = before.equals(refA) ? appB : appA;
            Process child =
                    new ProcessBuilder(
                                    ChildJvm.command(
                                            Main.class,
                                            "convert",
                                            next.toString(),
                                            "-o",
                                            out.toString()))
                            .redirectErrorStream(true)
                            .redirectOutput(tmp.resolve("child-" + i + ".log").toFile())
                            .start();
            Thread.sleep(random.nextInt(window));
            child.destroyForcibly();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
            try (Stream<Path> s = Files.list(out.getParent())) {
                interrupted +=
                        s.anyMatch(p -> p.getFileName().toString().startsWith(".out.kubelift-"))
                                ? 1
                                : 0;
            }
            AtomicWriterKillDriver.main(new String[] {"recover", out.toString()});
            Map<String, String> now = tree(out);
            String what = "kill " + i + " (seed " + seed + ")";
            assertTrue(
                    now.equals(refA) || now.equals(refB),
                    what + ": the output is one complete conversion");
            Map<String, String> manifest = AtomicWriter.readManifest(out);
            Map<String, String> files = new TreeMap<>(now);
            files.remove(AtomicWriter.MANIFEST);
            files.remove(".kubelift/.gitignore");
            String privateDigests =
                    files.remove(AtomicWriter.PRIVATE_DIGESTS) == null
                            ? "{}"
                            : Files.readString(out.resolve(AtomicWriter.PRIVATE_DIGESTS));
            Map<String, String> expected = new TreeMap<>(manifest);
            expected.replaceAll(
                    (path, digest) -> {
                        if (!AtomicWriter.PRIVATE.equals(digest)) {
                            return digest;
                        }
                        try { // a secret file's digest is in the git-ignored file, never in the
                            // manifest
                            return io.kubelift.model.PlanCodec.json()
                                    .readTree(privateDigests)
                                    .get("files")
                                    .get(path)
                                    .asText();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
            assertEquals(expected, files, what + ": files match their manifest hashes");
            changed += now.equals(before) ? 0 : 1;
            before = now;
        }
        System.out.println(
                "ConvertKillTest: "
                        + tries
                        + " kills, "
                        + interrupted
                        + " left a half-done write, "
                        + changed
                        + " switched versions (window "
                        + window
                        + " ms); every one recovered to a complete conversion");
    }

    private static Path convertInProcess(Path app, Path out) {
        PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream());
        assertEquals(
                0,
                new Main()
                        .run(
                                new String[] {
                                    "convert", app.toString(), "-o", out.toString(), "-q"
                                },
                                quiet,
                                quiet));
        return out;
    }

    /** relative path → SHA-256 of every regular file (the manifest included). */
    static Map<String, String> tree(Path root) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                m.put(
                        root.relativize(p).toString().replace('\\', '/'),
                        AtomicWriter.sha256(Files.readAllBytes(p)));
            }
        }
        return m;
    }
}
