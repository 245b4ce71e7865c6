package io.kubelift.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs writing one output directory at once (issue #15: both exited 0 and left 14 of 31 files
 * missing, each run's recovery deleting the other's temporary tree). With the lock, each run either
 * writes a complete set or fails at once with "another kubelift run is writing this output
 * directory", and the directory always holds one complete set.
 */
class AtomicWriterConcurrencyTest {
    @TempDir Path tmp;

    private static Map<String, Map<String, FileSet.Entry>> sets(int files) {
        Map<String, Map<String, FileSet.Entry>> sets = new TreeMap<>();
        sets.put("A", AtomicWriterKillDriver.set("A", files).files());
        sets.put("B", AtomicWriterKillDriver.set("B", files).files());
        return sets;
    }

    @Test
    void threadsWritingOneDirectoryNeverMixOrLoseFiles() throws Exception {
        Path out = tmp.resolve("out");
        int files = 120;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        int ok = 0;
        int locked = 0;
        try {
            for (int round = 0; round < 10; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> runs = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    String name = t % 2 == 0 ? "A" : "B";
                    runs.add(
                            pool.submit(
                                    () -> {
                                        start.await();
                                        try {
                                            AtomicWriter.write(
                                                    out,
                                                    AtomicWriterKillDriver.set(name, files),
                                                    true);
                                            return "ok";
                                        } catch (KubeliftException e) {
                                            assertTrue(
                                                    e.getMessage()
                                                            .contains(
                                                                    "another kubelift run is writing this output directory"),
                                                    e.getMessage());
                                            assertEquals(
                                                    KubeliftException.Kind.BAD_INPUT, e.kind());
                                            return "locked";
                                        }
                                    }));
                }
                start.countDown();
                for (Future<String> f : runs) {
                    if (f.get(60, TimeUnit.SECONDS).equals("ok")) {
                        ok++;
                    } else {
                        locked++;
                    }
                }
                AtomicWriterKillTest.assertCompleteSet(out, sets(files), "round " + round);
                assertEquals(List.of(), temporaryTrees(out), "no temporary tree is left behind");
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(ok >= 10, "at least one write of each round succeeds: " + ok);
        System.out.println(
                "AtomicWriterConcurrencyTest: 40 concurrent writes in 10 rounds, "
                        + ok
                        + " wrote, "
                        + locked
                        + " refused");
    }

    @Test
    void twoProcessesWritingOneDirectoryNeverMixOrLoseFiles() throws Exception {
        Path out = tmp.resolve("out");
        int files = 300;
        int ok = 0;
        for (int round = 0; round < 3; round++) {
            List<Process> ps = new ArrayList<>();
            for (String name : List.of("A", "B")) {
                ps.add(
                        new ProcessBuilder(
                                        ChildJvm.command(
                                                AtomicWriterKillDriver.class,
                                                "-Dfiles=" + files,
                                                "try",
                                                out.toString(),
                                                name))
                                .redirectErrorStream(true)
                                .start());
            }
            for (Process p : ps) {
                String said =
                        new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                                .strip();
                assertTrue(p.waitFor(60, TimeUnit.SECONDS));
                assertTrue(said.equals("ok") || said.equals("locked"), said);
                ok += said.equals("ok") ? 1 : 0;
            }
            AtomicWriterKillTest.assertCompleteSet(out, sets(files), "round " + round);
            assertEquals(List.of(), temporaryTrees(out));
        }
        assertTrue(ok >= 3, "each round writes at least once: " + ok);
    }

    @Test
    void aLockHeldByAnotherProcessFailsTheSecondRunAtOnce() throws Exception {
        Path out = tmp.resolve("out");
        Path lockFile = OutputLock.lockFile(out.toAbsolutePath());
        // the holder: a child JVM that locks the file and waits
        Process holder =
                new ProcessBuilder(ChildJvm.command(LockHolder.class, lockFile.toString())).start();
        try {
            var reader =
                    new java.io.BufferedReader(
                            new java.io.InputStreamReader(
                                    holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", reader.readLine());
            long t0 = System.nanoTime();
            KubeliftException e =
                    org.junit.jupiter.api.Assertions.assertThrows(
                            KubeliftException.class,
                            () ->
                                    AtomicWriter.write(
                                            out, AtomicWriterKillDriver.set("A", 10), false));
            assertEquals(KubeliftException.Kind.BAD_INPUT, e.kind());
            assertTrue(
                    e.getMessage()
                            .contains("another kubelift run is writing this output directory now"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("wait for that run to finish"), e.getMessage());
            assertTrue(
                    System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5),
                    "fails at once, does not hang");
        } finally {
            holder.destroyForcibly().waitFor();
        }
        // the kernel dropped the lock with the process: the next run writes
        AtomicWriter.write(out, AtomicWriterKillDriver.set("A", 10), false);
        assertTrue(Files.exists(out.resolve("SET")));
    }

    @Test
    void theLockOfARunStaysHeldForItsWholeWrite() throws Exception {
        // OutputLock itself, in a child JVM: an earlier version read its lock file back through
        // the path after locking it, and closing that read released the POSIX lock at once
        Path out = tmp.resolve("out");
        Process holder =
                new ProcessBuilder(
                                ChildJvm.command(
                                        OutputLockHolder.class, out.toAbsolutePath().toString()))
                        .start();
        try {
            var reader =
                    new java.io.BufferedReader(
                            new java.io.InputStreamReader(
                                    holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", reader.readLine());
            KubeliftException e =
                    org.junit.jupiter.api.Assertions.assertThrows(
                            KubeliftException.class,
                            () ->
                                    AtomicWriter.write(
                                            out, AtomicWriterKillDriver.set("A", 10), false));
            assertTrue(
                    e.getMessage()
                            .contains("another kubelift run is writing this output directory now"),
                    e.getMessage());
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    @Test
    void aSecondWriteFromThisJvmIsRefusedWithoutReleasingTheFirstOnesLock() throws Exception {
        Path out = tmp.resolve("out");
        Files.createDirectories(out.getParent());
        try (OutputLock first = OutputLock.acquire(out, out)) {
            KubeliftException e =
                    org.junit.jupiter.api.Assertions.assertThrows(
                            KubeliftException.class, () -> OutputLock.acquire(out, out));
            assertTrue(
                    e.getMessage()
                            .contains("another kubelift run is writing this output directory now"),
                    e.getMessage());
            // another process still finds the file locked
            Process probe =
                    new ProcessBuilder(
                                    ChildJvm.command(
                                            LockProbe.class,
                                            OutputLock.lockFile(out.toAbsolutePath()).toString()))
                            .start();
            String said =
                    new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                            .strip();
            assertTrue(probe.waitFor(60, TimeUnit.SECONDS));
            assertEquals("busy", said);
        }
        // released: this JVM can write again
        AtomicWriter.write(out, AtomicWriterKillDriver.set("A", 10), false);
        assertTrue(Files.exists(out.resolve("SET")));
    }

    /** Takes kubelift's own lock on an output directory and holds it until killed. */
    public static final class OutputLockHolder {
        public static void main(String[] args) throws Exception {
            Path out = Path.of(args[0]);
            try (OutputLock l = OutputLock.acquire(out, out)) {
                System.out.println("locked");
                System.out.flush();
                Thread.sleep(120_000);
            }
        }
    }

    /** Prints whether a file can be locked now ("free") or not ("busy"). */
    public static final class LockProbe {
        public static void main(String[] args) throws Exception {
            try (var ch =
                    java.nio.channels.FileChannel.open(
                            Path.of(args[0]),
                            java.nio.file.StandardOpenOption.CREATE,
                            java.nio.file.StandardOpenOption.WRITE)) {
                var l = ch.tryLock();
                System.out.println(l == null ? "busy" : "free");
            }
        }
    }

    /** Holds an OS lock on a file until killed. */
    public static final class LockHolder {
        public static void main(String[] args) throws Exception {
            try (var ch =
                            java.nio.channels.FileChannel.open(
                                    Path.of(args[0]),
                                    java.nio.file.StandardOpenOption.CREATE,
                                    java.nio.file.StandardOpenOption.WRITE);
                    var l = ch.lock()) {
                System.out.println("locked");
                System.out.flush();
                Thread.sleep(120_000);
            }
        }
    }

    private static List<Path> temporaryTrees(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out.getParent())) {
            return s.filter(
                            p -> {
                                String n = p.getFileName().toString();
                                return n.startsWith("." + out.getFileName() + ".kubelift-")
                                        && !n.endsWith(OutputLock.LOCK_MARK);
                            })
                    .toList();
        }
    }
}
