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
    @TempDir Path tmp;

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
        assertEquals(
                "rwxr-xr-x",
                PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(out.resolve("scripts/x/entrypoint.sh"))));
        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(out.resolve("k8s/base/secrets/x.env"))));
        assertTrue(Files.exists(out.resolve(AtomicWriter.MANIFEST)));
        try (var s = Files.list(tmp)) {
            assertEquals(
                    java.util.List.of(".out.kubelift-lock", "out"),
                    s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary directory is left behind; the lock file stays (OutputLock says"
                            + " why)");
        }
        assertEquals(0, Files.size(tmp.resolve(".out.kubelift-lock")), "the lock file is empty");
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
        KubeliftException e =
                assertThrows(
                        KubeliftException.class, () -> AtomicWriter.write(out, set("2"), false));
        assertTrue(
                e.getMessage().contains("a.yaml: was edited after kubelift generated it"),
                e.getMessage());
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
        KubeliftException e =
                assertThrows(
                        KubeliftException.class, () -> AtomicWriter.write(out, set("1"), false));
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
        assertEquals(
                Files.readString(tmp.resolve("one").resolve(AtomicWriter.MANIFEST)),
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
        assertThrows(
                KubeliftException.class,
                () -> AtomicWriter.write(out, set("1").add("plan.yaml", "plan: 1\n"), false));
    }

    @Test
    void theCommittedManifestHoldsNoDigestOfASecretFile() throws Exception {
        Path out = tmp.resolve("out");
        AtomicWriter.write(out, set("1"), false);
        String manifest = Files.readString(out.resolve(AtomicWriter.MANIFEST));
        assertFalse(
                manifest.contains(
                        AtomicWriter.sha256(
                                "K=v\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                "an unsalted SHA-256 of a secret file falls to a dictionary: " + manifest);
        assertTrue(manifest.contains("\"k8s/base/secrets/x.env\" : \"private\""), manifest);
        // the digest that tells an edit lives in a git-ignored, owner-only file
        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(out.resolve(AtomicWriter.PRIVATE_DIGESTS))));
        assertEquals(
                "# digests of the secret files, to tell a user's edit: never commit them\nprivate-digests.json\n"
                        + "# what 'kubelift up' plays with podman, the Secrets' values among it\nplay/\n",
                Files.readString(out.resolve(".kubelift/.gitignore")));
        // and an edit of the secret file is still never clobbered without --force
        Files.writeString(out.resolve("k8s/base/secrets/x.env"), "K=filled-in\n");
        KubeliftException e =
                assertThrows(
                        KubeliftException.class, () -> AtomicWriter.write(out, set("2"), false));
        assertTrue(e.getMessage().contains("x.env: was edited"), e.getMessage());
        AtomicWriter.write(out, set("2"), true);
        assertEquals("K=v\n", Files.readString(out.resolve("k8s/base/secrets/x.env")));
        AtomicWriter.write(out, set("3"), false);
    }

    @Test
    void aReadOnlyOutputDirectoryIsNotReplaced() throws Exception {
        Path out = tmp.resolve("out");
        AtomicWriter.write(out, set("1"), false);
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            KubeliftException e =
                    assertThrows(
                            KubeliftException.class, () -> AtomicWriter.write(out, set("2"), true));
            assertTrue(e.getMessage().contains("is read-only"), e.getMessage());
            assertTrue(e.getMessage().contains("chmod u+w"), e.getMessage());
            assertEquals("a: 1\n", Files.readString(out.resolve("k8s/base/a.yaml")));
            assertEquals(
                    "r-xr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        } finally {
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
