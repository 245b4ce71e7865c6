package io.kubelift.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Puts a {@link FileSet} on disk as one unit. The new tree is written to a sibling temporary
 * directory, then swapped in with two renames; a run killed at any point leaves the previous output
 * (possibly parked beside it as {@code .NAME.kubelift-old-*}, which the next run restores) or the
 * new one, never a mix.
 *
 * <p>A manifest of what was generated ({@code .kubelift/manifest.json}: path → SHA-256) tells files
 * the user edited since, which are not overwritten without {@code force}, and files the user added,
 * which are carried over to the new output.
 *
 * <p>Nothing is fsynced. The renames make a write atomic against a crash or kill of the process; a
 * power loss or kernel crash may still leave files the kernel had not flushed (the output is
 * derived data, so the cure is to rerun; a truncated file then shows as edited and needs {@code
 * --force}). Fsyncing each file cost a quarter of a batch conversion's time and serialised parallel
 * workers on the file system journal (bench/README.md).
 */
public final class AtomicWriter {
    public static final String MANIFEST = ".kubelift/manifest.json";

    /** Digests of the secret (mode 0600) files, git-ignored: the committed manifest holds none. */
    public static final String PRIVATE_DIGESTS = ".kubelift/private-digests.json";

    /** What the manifest records for a secret file in place of its digest. */
    public static final String PRIVATE = "private";

    private static final String TMP_MARK = ".kubelift-tmp-";
    private static final String OLD_MARK = ".kubelift-old-";

    /** What a write did. */
    public record Result(Path dir, int written, List<String> keptUserFiles) {}

    private AtomicWriter() {}

    public static Result write(Path outDir, FileSet files, boolean force) {
        return write(outDir, files, force, List.of(""));
    }

    /**
     * Writes {@code files}, owning only the paths under {@code ownedPrefixes} (e.g. {@code k8s/},
     * {@code scripts/}): previously generated files outside them are carried over untouched, with
     * their recorded hashes.
     */
    public static Result write(
            Path outDir, FileSet files, boolean force, List<String> ownedPrefixes) {
        Path out = outDir.toAbsolutePath().normalize();
        if (out.getParent() == null) {
            throw KubeliftException.badInput(
                    outDir.toString(),
                    "is the root of the file system",
                    "choose an output directory");
        }
        try {
            Files.createDirectories(out.getParent());
        } catch (IOException e) {
            throw KubeliftException.badInput(
                    outDir.toString(),
                    "cannot create the parent directory: " + e.getMessage(),
                    "check the path is writable");
        }
        try (OutputLock lock = OutputLock.acquire(outDir, out)) {
            return writeLocked(outDir, out, files, force, ownedPrefixes);
        }
    }

    private static Result writeLocked(
            Path outDir, Path out, FileSet files, boolean force, List<String> ownedPrefixes) {
        try {
            Path parent = out.getParent();
            recover(out);
            Map<String, String> previous = Map.of();
            Map<String, String> carried = new TreeMap<>();
            List<String> userFiles = new ArrayList<>();
            if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
                    throw KubeliftException.badInput(
                            outDir.toString(),
                            "exists and is not a directory",
                            "choose another output directory");
                }
                requireWritable(outDir, out);
                previous = readManifest(out);
                boolean empty;
                try (Stream<Path> s = Files.list(out)) {
                    empty = s.findAny().isEmpty();
                }
                if (previous == null && !empty && !force) {
                    throw KubeliftException.badInput(
                            outDir.toString(),
                            "exists and was not written by kubelift",
                            "choose an empty or new output directory, or pass --force to replace it");
                }
                previous = previous == null ? Map.of() : previous;
                Map<String, String> owned = new TreeMap<>();
                Map<String, String> foreign = new TreeMap<>();
                previous.forEach(
                        (k, v) ->
                                (isOwned(k, ownedPrefixes) || files.contains(k) ? owned : foreign)
                                        .put(k, v));
                carried.putAll(foreign);
                List<String> edited = edited(out, owned);
                if (!edited.isEmpty() && !force) {
                    throw KubeliftException.badInput(
                            outDir.resolve(edited.get(0)).toString(),
                            "was edited after kubelift generated it"
                                    + (edited.size() > 1
                                            ? " (and "
                                                    + (edited.size() - 1)
                                                    + " more: "
                                                    + String.join(
                                                            ", ", edited.subList(1, edited.size()))
                                                    + ")"
                                            : ""),
                            "move the change into the plan or an overlay, or pass --force to overwrite");
                }
                userFiles = userFiles(out, previous, files);
                for (String c : carried.keySet()) {
                    if (Files.isRegularFile(out.resolve(c), LinkOption.NOFOLLOW_LINKS)) {
                        userFiles.add(c);
                    }
                }
                userFiles.sort(null);
            }
            Path tmp = parent.resolve("." + out.getFileName() + TMP_MARK + UUID.randomUUID());
            try {
                Files.createDirectory(tmp);
                Map<String, String> manifest = new TreeMap<>(carried);
                Map<String, String> privateDigests = new TreeMap<>();
                for (Map.Entry<String, FileSet.Entry> e : files.files().entrySet()) {
                    writeFile(tmp.resolve(e.getKey()), e.getValue().content(), e.getValue().mode());
                    if (e.getValue().mode() == FileSet.Mode.PRIVATE) {
                        // no digest of a secret file in the committed manifest: an unsalted hash of
                        // a weak password
                        // falls to a dictionary; the digest that tells a user's edit lives in a
                        // git-ignored file
                        manifest.put(e.getKey(), PRIVATE);
                        privateDigests.put(e.getKey(), sha256(e.getValue().content()));
                    } else {
                        manifest.put(e.getKey(), sha256(e.getValue().content()));
                    }
                }
                carriedPrivate(out, carried).forEach(privateDigests::put);
                if (!privateDigests.isEmpty()) {
                    writeFile(
                            tmp.resolve(PRIVATE_DIGESTS),
                            manifestJson(privateDigests),
                            FileSet.Mode.PRIVATE);
                    writeFile(
                            tmp.resolve(".kubelift/.gitignore"),
                            ("# digests of the secret files, to tell a user's edit: never commit them\n"
                                            + PRIVATE_DIGESTS.substring(".kubelift/".length())
                                            + "\n"
                                            + "# what 'kubelift up' plays with podman, the Secrets' values among it\nplay/\n")
                                    .getBytes(StandardCharsets.UTF_8),
                            FileSet.Mode.REGULAR);
                }
                for (String u : userFiles) {
                    Path target = tmp.resolve(u);
                    Files.createDirectories(target.getParent());
                    carry(out.resolve(u), target);
                }
                writeFile(tmp.resolve(MANIFEST), manifestJson(manifest), FileSet.Mode.REGULAR);
                fixDirectoryModes(tmp);
                swap(tmp, out);
            } finally {
                deleteTree(tmp);
            }
            userFiles.removeAll(carried.keySet());
            return new Result(out, files.size(), userFiles);
        } catch (IOException e) {
            throw KubeliftException.badInput(
                    outDir.toString(),
                    "cannot write output: " + e.getMessage(),
                    "check the directory is writable and the disk has space");
        }
    }

    /**
     * Puts a user's file into the new tree: a hard link when the file system allows one (the new
     * tree is a sibling of the old, so on the same file system), which costs nothing however big
     * the file is (an image tarball in {@code images/}); a copy otherwise. The old tree is deleted
     * after the swap, so the link is then the only name.
     */
    private static void carry(Path from, Path to) throws IOException {
        try {
            Files.createLink(to, from);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        }
    }

    private static boolean isOwned(String path, List<String> prefixes) {
        return prefixes.stream().anyMatch(path::startsWith);
    }

    /** Files listed in the manifest whose content changed since they were generated. */
    public static List<String> edited(Path out, Map<String, String> manifest) throws IOException {
        List<String> edited = new ArrayList<>();
        Map<String, String> privateDigests = null;
        for (Map.Entry<String, String> e : manifest.entrySet()) {
            Path p = out.resolve(e.getKey());
            String digest = e.getValue();
            if (PRIVATE.equals(digest)) {
                privateDigests =
                        privateDigests == null
                                ? readDigests(out.resolve(PRIVATE_DIGESTS))
                                : privateDigests;
                digest = privateDigests == null ? null : privateDigests.get(e.getKey());
            }
            if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                    && (digest == null || !sha256(Files.readAllBytes(p)).equals(digest))) {
                edited.add(e.getKey()); // a secret file whose digest is lost counts as edited:
                // never clobbered silently
            }
        }
        return edited;
    }

    /**
     * The git-ignored digests of the carried-over secret files, so they stay known after this
     * write.
     */
    private static Map<String, String> carriedPrivate(Path out, Map<String, String> carried)
            throws IOException {
        Map<String, String> out2 = new TreeMap<>();
        if (!carried.containsValue(PRIVATE)) {
            return out2;
        }
        Map<String, String> digests = readDigests(out.resolve(PRIVATE_DIGESTS));
        carried.forEach(
                (k, v) -> {
                    if (PRIVATE.equals(v) && digests != null && digests.containsKey(k)) {
                        out2.put(k, digests.get(k));
                    }
                });
        return out2;
    }

    /**
     * Refuses an output directory the user made read-only (mode 555): replacing it would drop that
     * protection. Root ignores permissions, so the mode bits are read, not the access check.
     */
    private static void requireWritable(Path outDir, Path out) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(out, LinkOption.NOFOLLOW_LINKS)
                    .contains(PosixFilePermission.OWNER_WRITE)) {
                throw KubeliftException.badInput(
                        outDir.toString(),
                        "is read-only (its mode has no owner write bit)",
                        "make it writable (chmod u+w) if it may be replaced, or choose another output directory");
            }
        } catch (UnsupportedOperationException e) {
            if (!Files.isWritable(out)) {
                throw KubeliftException.badInput(
                        outDir.toString(),
                        "is read-only",
                        "make it writable or choose another output directory");
            }
        }
    }

    private static List<String> userFiles(Path out, Map<String, String> manifest, FileSet next)
            throws IOException {
        List<String> user = new ArrayList<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                String rel = out.relativize(p).toString().replace('\\', '/');
                if (rel.equals(MANIFEST)
                        || rel.equals(PRIVATE_DIGESTS)
                        || rel.equals(".kubelift/.gitignore")
                        || manifest.containsKey(rel)
                        || next.contains(rel)) {
                    continue;
                }
                user.add(rel);
            }
        }
        return user;
    }

    private static void swap(Path tmp, Path out) throws IOException {
        Path old = null;
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            old = out.resolveSibling("." + out.getFileName() + OLD_MARK + UUID.randomUUID());
            move(out, old);
        }
        move(tmp, out);
        if (old != null) {
            deleteTree(old);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /**
     * Finishes or undoes a swap that a killed run left half done, and removes its temporary trees.
     */
    static void recover(Path out) throws IOException {
        Path parent = out.getParent();
        String name = "." + out.getFileName();
        List<Path> olds = new ArrayList<>();
        List<Path> tmps = new ArrayList<>();
        try (Stream<Path> s = Files.list(parent)) {
            s.forEach(
                    p -> {
                        String n = p.getFileName().toString();
                        if (n.startsWith(name + OLD_MARK)) {
                            olds.add(p);
                        } else if (n.startsWith(name + TMP_MARK)) {
                            tmps.add(p);
                        }
                    });
        }
        for (Path old : olds) {
            if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
                move(old, out); // killed between the two renames: the old output comes back
            } else {
                deleteTree(old);
            }
        }
        for (Path t : tmps) {
            deleteTree(t);
        }
    }

    /**
     * Directories get 0755 whatever the umask, so the tree is the same on every machine (files have
     * fixed modes).
     */
    private static void fixDirectoryModes(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: modes are best effort there
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void writeFile(Path p, byte[] content, FileSet.Mode mode) throws IOException {
        Files.createDirectories(p.getParent());
        try {
            Files.write(p, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("duplicate output path " + p, e);
        }
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode.posix()));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: modes are best effort there
        }
    }

    /** Reads {@code .kubelift/manifest.json}; null when the directory has none. */
    public static Map<String, String> readManifest(Path out) throws IOException {
        return readDigests(out.resolve(MANIFEST));
    }

    private static Map<String, String> readDigests(Path m) throws IOException {
        if (!Files.isRegularFile(m, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        var node = PlanCodec.json().readTree(Files.readString(m, StandardCharsets.UTF_8));
        Map<String, String> files = new TreeMap<>();
        var f = node.get("files");
        if (f != null) {
            f.fields()
                    .forEachRemaining(
                            e -> {
                                if (isInside(e.getKey())) { // anyone who can write the output can
                                    // edit the manifest
                                    files.put(e.getKey(), e.getValue().asText());
                                }
                            });
        }
        return files;
    }

    /**
     * A relative path with no empty, '.' or '..' part: one that stays inside the output directory.
     */
    private static boolean isInside(String path) {
        try {
            return FileSet.normalize(path).equals(path);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] manifestJson(Map<String, String> manifest) {
        Map<String, Object> doc = new TreeMap<>();
        doc.put("files", manifest);
        doc.put("generator", "kubelift");
        return PlanCodec.toJson(doc).getBytes(StandardCharsets.UTF_8);
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
