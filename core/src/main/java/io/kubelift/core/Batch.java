package io.kubelift.core;

import io.kubelift.model.AtomicWriter;
import io.kubelift.model.KubeliftException;
import io.kubelift.model.Names;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The apps of a portfolio directory and which of them a shard owns. */
public final class Batch {
    private static final Pattern ARCHIVE =
            Pattern.compile("(?i)\\.(tar\\.gz|tgz|tar|zip|jar|war|ear)$");
    private static final Pattern SHARD = Pattern.compile("(\\d+)/(\\d+)");

    /** One app of a portfolio: its output name and where it is. */
    public record App(String name, Path path) {}

    /**
     * Which part of a portfolio this run converts: apps whose position (sorted by name) modulo
     * count is index.
     */
    public record Shard(int index, int count) {
        public static final Shard ALL = new Shard(0, 1);

        public Shard {
            if (count < 1 || index < 0 || index >= count) {
                throw KubeliftException.usage(
                        "--shard takes I/N with 0 <= I < N, not " + index + "/" + count,
                        "e.g. --shard 0/4 … --shard 3/4 (the Indexed Job's completion index)");
            }
        }

        public static Shard parse(String s) {
            Matcher m = SHARD.matcher(s.trim());
            if (!m.matches()) {
                throw KubeliftException.usage(
                        "--shard takes I/N (e.g. 0/4), not '" + s + "'", null);
            }
            return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
    }

    private Batch() {}

    /**
     * Every immediate subdirectory or archive of {@code dir} is one app (hidden entries aside),
     * sorted by name.
     */
    public static List<App> discover(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw KubeliftException.badInput(
                    dir.toString(),
                    "is not a directory",
                    "--batch takes a folder with one app per subdirectory or archive");
        }
        List<App> apps = new ArrayList<>();
        Set<String> names = new HashSet<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p :
                    (Iterable<Path>) s.sorted(Comparator.comparing(Path::toString))::iterator) {
                String file = p.getFileName().toString();
                if (file.startsWith(".")) {
                    continue;
                }
                boolean archive =
                        Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                                && ARCHIVE.matcher(file).find();
                if (!archive && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                String name =
                        Names.dnsLabel(
                                ARCHIVE.matcher(file).replaceAll("").toLowerCase(Locale.ROOT));
                String unique = name;
                for (int i = 2; !names.add(unique); i++) {
                    unique = name + "-" + i;
                }
                apps.add(new App(unique, p));
            }
        } catch (IOException e) {
            throw KubeliftException.badInput(
                    dir.toString(), "cannot be listed: " + e.getMessage(), null);
        }
        return apps;
    }

    /** The apps {@code shard} owns. */
    public static List<App> select(List<App> apps, Shard shard) {
        List<App> mine = new ArrayList<>();
        for (int i = 0; i < apps.size(); i++) {
            if (i % shard.count() == shard.index()) {
                mine.add(apps.get(i));
            }
        }
        return mine;
    }

    /**
     * A content hash of an app's inputs and the kubelift version: equal hashes need no new
     * conversion.
     */
    public static String inputHash(Path app) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            md.update(
                    ("kubelift " + Version.get() + "\n")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (Files.isRegularFile(app)) {
                hashFile(md, app, app.getFileName().toString());
            } else {
                try (Stream<Path> s = Files.walk(app)) {
                    for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                            hashFile(md, p, app.relativize(p).toString());
                        } else if (Files.isSymbolicLink(p)) {
                            md.update(
                                    ("link "
                                                    + app.relativize(p)
                                                    + " -> "
                                                    + Files.readSymbolicLink(p)
                                                    + "\n")
                                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        }
                    }
                }
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (IOException
                | java.io.UncheckedIOException
                | java.security.NoSuchAlgorithmException e) {
            return "unhashable:" + e.getMessage();
        }
    }

    private static void hashFile(java.security.MessageDigest md, Path p, String rel)
            throws IOException {
        md.update(
                ("file " + rel + " " + Files.size(p) + "\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (var in = Files.newInputStream(p)) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
    }

    static String sha(String s) {
        return AtomicWriter.sha256(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
