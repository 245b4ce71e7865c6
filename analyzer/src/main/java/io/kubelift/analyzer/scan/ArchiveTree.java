package io.kubelift.analyzer.scan;

import io.kubelift.model.Problem;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * An app archive (.tar.gz/.tgz/.tar/.zip/.jar/.war), read entry by entry without ever extracting to
 * disk. Entry names are normalised and those with absolute or {@code ..} paths are refused
 * (zip-slip); link entries and special entries are reported, not followed; sizes are capped both by
 * the header and while reading (so a lying header or a compression bomb cannot make us read more).
 * Small entries are kept in memory; larger ones are re-streamed on demand. The single top-level
 * directory of a distribution archive (.tar.gz/.tgz/.tar/.zip: {@code app-1.0/bin/…}) is stripped
 * when it holds folders (a lone {@code lib/} of jars is part of the app); a .jar/.war/.ear is never
 * stripped (its top-level folders are class packages or {@code WEB-INF}).
 */
public final class ArchiveTree extends ListedFileTree {
    private final Opener opener;
    private final boolean tar;
    private final Map<String, byte[]> small = new TreeMap<>();
    private final Map<String, String> entryNames = new TreeMap<>();
    private String stripPrefix = "";

    /** How to get a fresh stream of the archive's bytes. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    private ArchiveTree(String displayName, ScanLimits limits, Opener opener, boolean tar) {
        super(displayName, limits);
        this.opener = opener;
        this.tar = tar;
    }

    public static boolean isArchiveName(String name) {
        return kind(name) != null;
    }

    /**
     * True for the archives people pack an installed app into, whose one top-level folder is the
     * app's own directory (so {@code app.zip} and {@code app.tar.gz} of the same folder read
     * alike).
     */
    private static boolean isDistribution(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return !(n.endsWith(".jar") || n.endsWith(".war") || n.endsWith(".ear"));
    }

    private static String kind(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".tar.gz") || n.endsWith(".tgz")) {
            return "tgz";
        }
        if (n.endsWith(".tar")) {
            return "tar";
        }
        if (n.endsWith(".zip") || n.endsWith(".jar") || n.endsWith(".war") || n.endsWith(".ear")) {
            return "zip";
        }
        return null;
    }

    /** Opens an archive file; throws IOException when it is not a readable archive of its kind. */
    public static ArchiveTree open(Path file, String displayName, ScanLimits limits)
            throws IOException {
        String kind = kind(file.getFileName().toString());
        if (kind == null) {
            throw new IOException("not an archive name");
        }
        Opener opener = () -> new BufferedInputStream(Files.newInputStream(file));
        ArchiveTree t =
                new ArchiveTree(
                        displayName,
                        limits,
                        kind.equals("tgz") ? () -> new GZIPInputStream(opener.open()) : opener,
                        !kind.equals("zip"));
        t.index(isDistribution(file.getFileName().toString()));
        return t;
    }

    /** An archive held in memory, e.g. a WAR inside an app (never stripped). */
    public static ArchiveTree ofZipBytes(byte[] bytes, String displayName, ScanLimits limits)
            throws IOException {
        ArchiveTree t =
                new ArchiveTree(displayName, limits, () -> new ByteArrayInputStream(bytes), false);
        t.index(false);
        return t;
    }

    private void index(boolean strip) throws IOException {
        List<String> all = new ArrayList<>();
        Map<String, Boolean> dirs = new HashMap<>();
        int count = 0;
        try (InputStream raw = opener.open()) {
            Entries entries =
                    tar
                            ? new TarEntries(new TarArchiveInputStream(raw))
                            : new ZipEntries(new ZipInputStream(raw));
            Entry e;
            boolean any = false;
            while ((e = entries.next()) != null) {
                any = true;
                if (++count > limits.maxEntries()) {
                    skip(e.name, SkipReason.TOO_MANY_ENTRIES, limits.maxEntries());
                    break;
                }
                Optional<String> safe = RelPaths.safe(e.name);
                if (safe.isEmpty()) {
                    skip(
                            e.name.isBlank() ? "(unnamed entry)" : e.name,
                            SkipReason.UNSAFE_ENTRY_NAME,
                            null);
                    continue;
                }
                String rel = safe.get();
                if (e.directory) {
                    dirs.put(rel, true);
                    all.add(rel + "/");
                    continue;
                }
                if (e.link) {
                    skip(rel, SkipReason.ARCHIVE_LINK, null);
                    continue;
                }
                if (e.special) {
                    skip(rel, SkipReason.SPECIAL_FILE, null);
                    continue;
                }
                if (rel.split("/").length > limits.maxDepth()) {
                    skip(rel, SkipReason.TOO_DEEP, limits.maxDepth());
                    continue;
                }
                if (e.size > limits.maxReadBytes()) {
                    skip(rel, SkipReason.TOO_LARGE, Sizes.human(limits.maxReadBytes()));
                    continue;
                }
                if (e.size >= 0 && e.size <= limits.maxParseBytes() || e.size < 0) {
                    byte[] b = entries.stream().readNBytes((int) limits.maxParseBytes() + 1);
                    if (b.length > limits.maxParseBytes()) {
                        // header lied or unknown size: measure the rest without keeping it
                        long total = b.length + skipCapped(entries.stream(), limits.maxReadBytes());
                        if (total > limits.maxReadBytes()) {
                            skip(rel, SkipReason.TOO_LARGE, Sizes.human(limits.maxReadBytes()));
                            continue;
                        }
                        sizes.put(rel, total);
                    } else {
                        small.put(rel, b);
                        sizes.put(rel, (long) b.length);
                    }
                } else {
                    sizes.put(rel, e.size);
                }
                entryNames.put(rel, e.name);
                all.add(rel);
            }
            if (!any) {
                throw new IOException("no entries");
            }
        }
        if (strip) {
            stripPrefix = commonTopDirectory(all);
            if (!stripPrefix.isEmpty()) {
                rekey();
            }
        }
        sortProblems();
    }

    private static long skipCapped(InputStream in, long cap) throws IOException {
        long n = 0;
        byte[] buf = new byte[65536];
        int r;
        while ((r = in.read(buf)) > 0) {
            n += r;
            if (n > cap) {
                return n;
            }
        }
        return n;
    }

    private static String commonTopDirectory(List<String> all) {
        String top = null;
        for (String p : all) {
            int i = p.indexOf('/');
            if (i < 0) {
                return "";
            }
            String first = p.substring(0, i + 1);
            if (top == null) {
                top = first;
            } else if (!top.equals(first)) {
                return "";
            }
        }
        if (top == null) {
            return "";
        }
        // a wrapper folder holds the app's folders (myapp/bin/, myapp/conf/); a folder holding only
        // files (lib/app.jar) is itself part of the app and stays
        String wrapper = top;
        return all.stream().anyMatch(p -> p.substring(wrapper.length()).contains("/")) ? top : "";
    }

    private void rekey() {
        Map<String, byte[]> s2 = new TreeMap<>();
        Map<String, Long> z2 = new TreeMap<>();
        Map<String, String> n2 = new TreeMap<>();
        for (String k : sizes.keySet()) {
            if (!k.startsWith(stripPrefix)) {
                continue;
            }
            String nk = k.substring(stripPrefix.length());
            z2.put(nk, sizes.get(k));
            n2.put(nk, entryNames.get(k));
            if (small.containsKey(k)) {
                s2.put(nk, small.get(k));
            }
        }
        small.clear();
        small.putAll(s2);
        sizes.clear();
        sizes.putAll(z2);
        entryNames.clear();
        entryNames.putAll(n2);
        List<Problem> p2 = new ArrayList<>();
        for (Problem p : problems) {
            String f =
                    p.file().startsWith(stripPrefix)
                            ? p.file().substring(stripPrefix.length())
                            : p.file();
            p2.add(new Problem(p.kind(), f.isEmpty() ? p.file() : f, p.line(), p.message()));
        }
        problems.clear();
        problems.addAll(p2);
    }

    @Override
    public Optional<byte[]> read(String path, long maxBytes) {
        Long size = sizes.get(path);
        if (size == null || size > maxBytes) {
            return Optional.empty();
        }
        byte[] b = small.get(path);
        if (b != null) {
            return Optional.of(b.clone());
        }
        String wanted = entryNames.get(path);
        try (InputStream raw = opener.open()) {
            Entries entries =
                    tar
                            ? new TarEntries(new TarArchiveInputStream(raw))
                            : new ZipEntries(new ZipInputStream(raw));
            Entry e;
            while ((e = entries.next()) != null) {
                if (e.name.equals(wanted)) {
                    byte[] data =
                            entries.stream()
                                    .readNBytes(
                                            (int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                    return data.length > maxBytes ? Optional.empty() : Optional.of(data);
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private record Entry(
            String name, long size, boolean directory, boolean link, boolean special) {}

    private interface Entries {
        Entry next() throws IOException;

        InputStream stream();
    }

    private static final class ZipEntries implements Entries {
        private final ZipInputStream in;

        ZipEntries(ZipInputStream in) {
            this.in = in;
        }

        @Override
        public Entry next() throws IOException {
            ZipEntry z;
            try {
                z = in.getNextEntry();
            } catch (IllegalArgumentException e) {
                throw new IOException("bad entry name encoding", e);
            }
            return z == null
                    ? null
                    : new Entry(z.getName(), z.getSize(), z.isDirectory(), false, false);
        }

        @Override
        public InputStream stream() {
            return in;
        }
    }

    private static final class TarEntries implements Entries {
        private final TarArchiveInputStream in;

        TarEntries(TarArchiveInputStream in) {
            this.in = in;
        }

        @Override
        public Entry next() throws IOException {
            TarArchiveEntry t;
            try {
                t = in.getNextEntry();
            } catch (IllegalArgumentException e) {
                throw new IOException("corrupt tar header", e);
            }
            if (t == null) {
                return null;
            }
            boolean special = t.isCharacterDevice() || t.isBlockDevice() || t.isFIFO();
            return new Entry(
                    t.getName(),
                    t.getSize(),
                    t.isDirectory(),
                    t.isSymbolicLink() || t.isLink(),
                    special);
        }

        @Override
        public InputStream stream() {
            return in;
        }
    }
}
