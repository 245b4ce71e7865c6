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
 * Puts a {@link FileSet} on disk as one unit. The new tree is written to a sibling temporary directory, then
 * swapped in with two renames; a run killed at any point leaves the previous output (possibly parked beside it
 * as {@code .NAME.kubelift-old-*}, which the next run restores) or the new one, never a mix.
 *
 * <p>A manifest of what was generated ({@code .kubelift/manifest.json}: path → SHA-256) tells files the user
 * edited since, which are not overwritten without {@code force}, and files the user added, which are carried
 * over to the new output.
 *
 * <p>Nothing is fsynced. The renames make a write atomic against a crash or kill of the process; a power loss or
 * kernel crash may still leave files the kernel had not flushed (the output is derived data, so the cure is to
 * rerun; a truncated file then shows as edited and needs {@code --force}). Fsyncing each file cost a quarter of a
 * batch conversion's time and serialised parallel workers on the file system journal (bench/README.md).
 */
public final class AtomicWriter {
    public static final String MANIFEST = ".kubelift/manifest.json";
    private static final String TMP_MARK = ".kubelift-tmp-";
    private static final String OLD_MARK = ".kubelift-old-";

    /** What a write did. */
    public record Result(Path dir, int written, List<String> keptUserFiles) {
    }

    private AtomicWriter() {
    }

    public static Result write(Path outDir, FileSet files, boolean force) {
        return write(outDir, files, force, List.of(""));
    }

    /**
     * Writes {@code files}, owning only the paths under {@code ownedPrefixes} (e.g. {@code k8s/}, {@code scripts/}):
     * previously generated files outside them are carried over untouched, with their recorded hashes.
     */
    public static Result write(Path outDir, FileSet files, boolean force, List<String> ownedPrefixes) {
        try {
            Path out = outDir.toAbsolutePath().normalize();
            Path parent = out.getParent();
            Files.createDirectories(parent);
            recover(out);
            Map<String, String> previous = Map.of();
            Map<String, String> carried = new TreeMap<>();
            List<String> userFiles = new ArrayList<>();
            if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
                    throw KubeliftException.badInput(outDir.toString(), "exists and is not a directory",
                            "choose another output directory");
                }
                previous = readManifest(out);
                boolean empty;
                try (Stream<Path> s = Files.list(out)) {
                    empty = s.findAny().isEmpty();
                }
                if (previous == null && !empty && !force) {
                    throw KubeliftException.badInput(outDir.toString(), "exists and was not written by kubelift",
                            "choose an empty or new output directory, or pass --force to replace it");
                }
                previous = previous == null ? Map.of() : previous;
                Map<String, String> owned = new TreeMap<>();
                Map<String, String> foreign = new TreeMap<>();
                previous.forEach((k, v) -> (isOwned(k, ownedPrefixes) || files.contains(k) ? owned : foreign).put(k, v));
                carried.putAll(foreign);
                List<String> edited = edited(out, owned);
                if (!edited.isEmpty() && !force) {
                    throw KubeliftException.badInput(outDir.resolve(edited.get(0)).toString(),
                            "was edited after kubelift generated it" + (edited.size() > 1
                                    ? " (and " + (edited.size() - 1) + " more: " + String.join(", ", edited.subList(1, edited.size())) + ")"
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
                for (Map.Entry<String, FileSet.Entry> e : files.files().entrySet()) {
                    writeFile(tmp.resolve(e.getKey()), e.getValue().content(), e.getValue().mode());
                    manifest.put(e.getKey(), sha256(e.getValue().content()));
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
            throw KubeliftException.badInput(outDir.toString(), "cannot write output: " + e.getMessage(),
                    "check the directory is writable and the disk has space");
        }
    }

    /**
     * Puts a user's file into the new tree: a hard link when the file system allows one (the new tree is a sibling
     * of the old, so on the same file system), which costs nothing however big the file is (an image tarball in
     * {@code images/}); a copy otherwise. The old tree is deleted after the swap, so the link is then the only name.
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
        for (Map.Entry<String, String> e : manifest.entrySet()) {
            Path p = out.resolve(e.getKey());
            if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !sha256(Files.readAllBytes(p)).equals(e.getValue())) {
                edited.add(e.getKey());
            }
        }
        return edited;
    }

    private static List<String> userFiles(Path out, Map<String, String> manifest, FileSet next) throws IOException {
        List<String> user = new ArrayList<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                String rel = out.relativize(p).toString().replace('\\', '/');
                if (rel.equals(MANIFEST) || manifest.containsKey(rel) || next.contains(rel)) {
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

    /** Finishes or undoes a swap that a killed run left half done, and removes its temporary trees. */
    static void recover(Path out) throws IOException {
        Path parent = out.getParent();
        String name = "." + out.getFileName();
        List<Path> olds = new ArrayList<>();
        List<Path> tmps = new ArrayList<>();
        try (Stream<Path> s = Files.list(parent)) {
            s.forEach(p -> {
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

    /** Directories get 0755 whatever the umask, so the tree is the same on every machine (files have fixed modes). */
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
        Path m = out.resolve(MANIFEST);
        if (!Files.isRegularFile(m, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        var node = PlanCodec.json().readTree(Files.readString(m, StandardCharsets.UTF_8));
        Map<String, String> files = new TreeMap<>();
        var f = node.get("files");
        if (f != null) {
            f.fields().forEachRemaining(e -> {
                if (isInside(e.getKey())) { // anyone who can write the output can edit the manifest
                    files.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        return files;
    }

    /** A relative path with no empty, '.' or '..' part: one that stays inside the output directory. */
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
