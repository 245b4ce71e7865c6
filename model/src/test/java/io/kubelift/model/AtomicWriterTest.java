package io.kubelift.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriterTest {
    @TempDir
    Path tmp;

    private static FileSet set(String version) {
        return new FileSet()
                .add("k8s/base/a.yaml", "a: " + version + "\n")
                .add("scripts/x/entrypoint.sh", "#!/bin/sh\n", FileSet.Mode.EXECUTABLE)
                .add("k8s/base/secrets/x.env", "K=v\n", FileSet.Mode.PRIVATE);
    }

    @Test
    void writesFilesWithFixedModes() throws Exception {
        Path out = tmp.resolve("out");
        AtomicWriter.write(out, set("1"), false);
        assertEquals("a: 1\n", Files.readString(out.resolve("k8s/base/a.yaml")));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("scripts/x/entrypoint.sh"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("k8s/base/secrets/x.env"))));
        assertTrue(Files.exists(out.resolve(AtomicWriter.MANIFEST)));
        try (var s = Files.list(tmp)) {
            assertEquals(1, s.count(), "no temporary directories are left behind");
        }
    }

    @Test
    void regeneratingUnchangedOutputReplacesIt() throws Exception {
        Path out = tmp.resolve("out");
        AtomicWriter.write(out, set("1"), false);
        AtomicWriter.write(out, set("2"), false);
        assertEquals("a: 2\n", Files.readString(out.resolve("k8s/base/a.yaml")));
    }

    @Test
    void userEditsAreNotClobberedWithoutForce() throws Exception {
        Path out = tmp.resolve("out");
        AtomicWriter.write(out, set("1"), false);
        Files.writeString(out.resolve("k8s/base/a.yaml"), "a: mine\n");
        KubeliftException e = assertThrows(KubeliftException.class, () -> AtomicWriter.write(out, set("2"), false));
        assertTrue(e.getMessage().contains("a.yaml: was edited after kubelift generated it"), e.getMessage());
        assertTrue(e.getMessage().contains("--force"), e.getMessage());
        assertEquals("a: mine\n", Files.readString(out.resolve("k8s/base/a.yaml")));
        AtomicWriter.write(out, set("2"), true);
        assertEquals("a: 2\n", Files.readString(out.resolve("k8s/base/a.yaml")));
    }

    @Test
    void filesTheUserAddedAreCarriedOver() throws Exception {
        Path out = tmp.resolve("out");
        AtomicWriter.write(out, set("1"), false);
        Files.writeString(out.resolve("k8s/NOTES.md"), "mine\n");
        AtomicWriter.Result r = AtomicWriter.write(out, set("2"), false);
        assertEquals("mine\n", Files.readString(out.resolve("k8s/NOTES.md")));
        assertEquals(java.util.List.of("k8s/NOTES.md"), r.keptUserFiles());
    }

    @Test
    void refusesAForeignNonEmptyDirectory() throws Exception {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("important.txt"), "x");
        KubeliftException e = assertThrows(KubeliftException.class, () -> AtomicWriter.write(out, set("1"), false));
        assertTrue(e.getMessage().contains("was not written by kubelift"), e.getMessage());
        assertTrue(Files.exists(out.resolve("important.txt")));
    }

    @Test
    void aRunKilledBetweenTheRenamesIsRecovered() throws Exception {
        Path out = tmp.resolve("out");
        AtomicWriter.write(out, set("1"), false);
        // simulate a kill after the first rename: the old output parked, no out, a stale temp tree
        Files.move(out, tmp.resolve(".out.kubelift-old-123"));
        Files.createDirectories(tmp.resolve(".out.kubelift-tmp-456/k8s"));
        AtomicWriter.recover(out);
        assertEquals("a: 1\n", Files.readString(out.resolve("k8s/base/a.yaml")));
        assertFalse(Files.exists(tmp.resolve(".out.kubelift-tmp-456")));
    }

    @Test
    void sameInputSameBytes() throws Exception {
        AtomicWriter.write(tmp.resolve("one"), set("1"), false);
        AtomicWriter.write(tmp.resolve("two"), set("1"), false);
        assertEquals(Files.readString(tmp.resolve("one").resolve(AtomicWriter.MANIFEST)),
                Files.readString(tmp.resolve("two").resolve(AtomicWriter.MANIFEST)));
    }

    @Test
    void fileSetRejectsEscapingPaths() {
        assertThrows(IllegalArgumentException.class, () -> new FileSet().add("../x", "y"));
        assertThrows(IllegalArgumentException.class, () -> new FileSet().add("/etc/x", "y"));
        assertThrows(IllegalArgumentException.class, () -> new FileSet().add("a/./b", "y"));
    }

    @Test
    void partialWritesKeepWhatTheyDoNotOwn() throws Exception {
        Path out = tmp.resolve("out");
        AtomicWriter.write(out, set("1").add("plan.yaml", "plan: 1\n"), false);
        Files.writeString(out.resolve("plan.yaml"), "plan: edited\n");
        FileSet k8sOnly = new FileSet().add("k8s/base/a.yaml", "a: 3\n");
        AtomicWriter.write(out, k8sOnly, false, java.util.List.of("k8s/"));
        assertEquals("plan: edited\n", Files.readString(out.resolve("plan.yaml")));
        assertEquals("a: 3\n", Files.readString(out.resolve("k8s/base/a.yaml")));
        assertTrue(Files.exists(out.resolve("scripts/x/entrypoint.sh")));
        // the plan is still known as generated, and still known as edited
        assertThrows(KubeliftException.class, () -> AtomicWriter.write(out, set("1").add("plan.yaml", "plan: 1\n"), false));
    }
}
