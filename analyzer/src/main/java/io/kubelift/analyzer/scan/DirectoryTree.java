package io.kubelift.analyzer.scan;

import io.kubelift.model.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An app directory, listed without following links out of it: every entry's type is read with
 * NOFOLLOW_LINKS before anything is opened, so FIFOs and devices are never opened, links that leave
 * the root or loop are reported, and oversized files are skipped by size alone.
 */
public final class DirectoryTree extends ListedFileTree {
    private final Path root;
    private final Path realRoot;
    private final Map<String, Path> files = new TreeMap<>();
    private int entries;
    private final IgnoreFile ignore;
    private int ignoredCount;

    /** What marks a directory kubelift wrote ({@code AtomicWriter.MANIFEST}). */
    static final String KUBELIFT_OUTPUT_MARK = io.kubelift.model.AtomicWriter.MANIFEST;

    public DirectoryTree(Path root, String displayName, ScanLimits limits) throws IOException {
        super(displayName, limits);
        this.root = root;
        this.realRoot = root.toRealPath();
        this.ignore = IgnoreFile.read(root);
        walk(root, "", 0);
        if (ignoredCount > 0) {
            problems.add(
                    new Problem(
                            Problem.Kind.NOTE,
                            IgnoreFile.NAME,
                            0,
                            ignoredCount + " path(s) left out as " + IgnoreFile.NAME + " asks"));
        }
        sortProblems();
    }

    private void walk(Path dir, String rel, int depth) {
        if (depth > limits.maxDepth()) {
            skip(rel, SkipReason.TOO_DEEP, limits.maxDepth());
            return;
        }
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                children.add(p);
            }
        } catch (IOException | SecurityException e) {
            skip(rel.isEmpty() ? "." : rel, SkipReason.UNREADABLE, e.getClass().getSimpleName());
            return;
        }
        Collections.sort(children);
        for (Path child : children) {
            String name = child.getFileName().toString();
            String childRel = rel.isEmpty() ? name : rel + "/" + name;
            if (ignore.ignores(childRel)) {
                ignoredCount++;
                continue;
            }
            if (++entries > limits.maxEntries()) {
                if (entries == limits.maxEntries() + 1) {
                    skip(childRel, SkipReason.TOO_MANY_ENTRIES, limits.maxEntries());
                }
                return;
            }
            BasicFileAttributes a;
            try {
                a =
                        Files.readAttributes(
                                child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                skip(childRel, SkipReason.UNREADABLE, e.getClass().getSimpleName());
                continue;
            }
            if (a.isDirectory()
                    && Files.isRegularFile(
                            child.resolve(KUBELIFT_OUTPUT_MARK), LinkOption.NOFOLLOW_LINKS)) {
                // kubelift's own output (convert APP -o APP/out, run twice) is not part of the app.
                problems.add(
                        new Problem(
                                Problem.Kind.NOTE,
                                childRel,
                                0,
                                "a kubelift output directory (holds "
                                        + KUBELIFT_OUTPUT_MARK
                                        + "), left out of the analysis"));
            } else if (a.isDirectory()) {
                walk(child, childRel, depth + 1);
            } else if (a.isRegularFile()) {
                addFile(childRel, child, a.size());
            } else if (a.isSymbolicLink()) {
                followLink(child, childRel);
            } else {
                skip(childRel, SkipReason.SPECIAL_FILE, null);
            }
        }
    }

    private void followLink(Path link, String rel) {
        Path target;
        try {
            target = link.toRealPath();
        } catch (FileSystemLoopException | NoSuchFileException e) {
            skip(rel, SkipReason.LINK_LOOP, null);
            return;
        } catch (IOException e) {
            // ELOOP surfaces as a plain FileSystemException on Linux
            skip(rel, SkipReason.LINK_LOOP, null);
            return;
        }
        if (!target.startsWith(realRoot)) {
            skip(rel, SkipReason.LINK_ESCAPES, null);
            return;
        }
        try {
            BasicFileAttributes a =
                    Files.readAttributes(
                            target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isRegularFile()) {
                addFile(rel, target, a.size());
            } else if (a.isDirectory()) {
                skip(rel, SkipReason.LINK_TO_DIRECTORY, null);
            } else {
                skip(rel, SkipReason.SPECIAL_FILE, null);
            }
        } catch (IOException e) {
            skip(rel, SkipReason.UNREADABLE, e.getClass().getSimpleName());
        }
    }

    private void addFile(String rel, Path p, long size) {
        if (size > limits.maxReadBytes()) {
            skip(rel, SkipReason.TOO_LARGE, Sizes.human(limits.maxReadBytes()));
            return;
        }
        files.put(rel, p);
        sizes.put(rel, size);
    }

    @Override
    public Optional<byte[]> read(String path, long maxBytes) {
        Path p = files.get(path);
        if (p == null || sizes.get(path) > maxBytes) {
            return Optional.empty();
        }
        try {
            // re-check the type right before opening: a file swapped for a FIFO must not block us
            BasicFileAttributes a =
                    Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile() || a.size() > maxBytes) {
                return Optional.empty();
            }
            try (SeekableByteChannel ch =
                            Files.newByteChannel(
                                    p, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
                    InputStream in = Channels.newInputStream(ch)) {
                byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                return b.length > maxBytes ? Optional.empty() : Optional.of(b);
            }
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<SeekableByteChannel> channel(String path, long maxBytes) {
        Path p = files.get(path);
        if (p == null || sizes.get(path) > maxBytes) {
            return Optional.empty();
        }
        try {
            BasicFileAttributes a =
                    Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile() || a.size() > maxBytes) {
                return Optional.empty();
            }
            return Optional.of(
                    Files.newByteChannel(
                            p, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    public Path root() {
        return root;
    }
}
