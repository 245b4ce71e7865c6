package io.kubelift.analyzer.jar;

import io.kubelift.analyzer.scan.FileTree;
import io.kubelift.analyzer.scan.RelPaths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The app's jars, read in place: a jar's central directory (its index of entries) and single
 * entries — the manifest, one class file — are read through a random-access channel, never the
 * whole jar and never unpacked to disk. Every read is capped (jar size, entry size, number of jars
 * indexed); a jar that is damaged or over a cap is simply not evidence. Results are cached for the
 * analysis; one instance is not shared between threads.
 */
public final class Jars {
    /** Largest jar opened (its central directory is read, not its content). */
    static final long MAX_JAR_BYTES = 512L << 20;

    /** Largest manifest or class file read out of a jar. */
    static final int MAX_ENTRY_BYTES = 4 << 20;

    /** Most jars indexed when looking for which one holds a class. */
    static final int MAX_JARS = 4_000;

    /**
     * What one jar says about itself: its manifest's Main-Class and Start-Class (either may be
     * null).
     */
    public record JarInfo(String path, String mainClass, String startClass) {}

    private final FileTree tree;
    private final Map<String, Optional<JarInfo>> infos = new HashMap<>();
    private final Map<String, Optional<Boolean>> mains = new HashMap<>();
    private Map<String, String> classToJar;

    public Jars(FileTree tree) {
        this.tree = tree;
    }

    public static boolean isJarName(String path) {
        String n = path.toLowerCase(Locale.ROOT);
        return n.endsWith(".jar");
    }

    /** The jars of the app, in path order. */
    public List<String> jars() {
        return tree.list().stream().filter(Jars::isJarName).toList();
    }

    /**
     * The jars at the app's top level (its root or one directory down), not those of a library
     * directory ({@code lib}, {@code modules}, {@code plugins}…): the ones a person would run.
     */
    public List<String> topLevel() {
        List<String> top = new ArrayList<>();
        for (String j : jars()) {
            String dir = j.contains("/") ? j.substring(0, j.lastIndexOf('/')) : "";
            if (!dir.contains("/")
                    && !dir.matches(
                            "(?i)(lib|libs|ext|modules|system|repository|plugins?|tools?|client|bin/client)")) {
                top.add(j);
            }
        }
        return top;
    }

    /** The manifest of a jar of the app; empty when it is not a listed, readable jar. */
    public Optional<JarInfo> info(String jar) {
        return infos.computeIfAbsent(
                jar,
                j ->
                        withZip(
                                j,
                                z -> {
                                    ZipArchiveEntry e = z.getEntry("META-INF/MANIFEST.MF");
                                    if (e == null || e.getSize() > MAX_ENTRY_BYTES) {
                                        return new JarInfo(j, null, null);
                                    }
                                    try (InputStream in = z.getInputStream(e)) {
                                        Manifest m =
                                                new Manifest(
                                                        new java.io.ByteArrayInputStream(
                                                                in.readNBytes(MAX_ENTRY_BYTES)));
                                        Attributes a = m.getMainAttributes();
                                        return new JarInfo(
                                                j,
                                                trimmed(a.getValue("Main-Class")),
                                                trimmed(a.getValue("Start-Class")));
                                    }
                                }));
    }

    /**
     * Whether {@code className} is a real main class of the app: a class file, loose in the app or
     * inside one of its jars, that declares {@code public static void main(String[])}.
     */
    public boolean isMainClass(String className) {
        return mains.computeIfAbsent(className, this::findMain).orElse(false);
    }

    /** The jar that holds the class (the first in path order), if any. */
    public Optional<String> jarOf(String className) {
        return Optional.ofNullable(index().get(entryName(className)));
    }

    private Optional<Boolean> findMain(String className) {
        String entry = entryName(className);
        for (String f : tree.list()) {
            if (f.equals(entry) || f.endsWith("/" + entry)) {
                Optional<byte[]> b = tree.read(f, MAX_ENTRY_BYTES);
                if (b.isPresent() && ClassFiles.hasMainMethod(b.get())) {
                    return Optional.of(true);
                }
            }
        }
        String jar = index().get(entry);
        if (jar == null) {
            return Optional.of(false);
        }
        return withZip(
                        jar,
                        z -> {
                            ZipArchiveEntry e = z.getEntry(entry);
                            if (e == null || e.getSize() > MAX_ENTRY_BYTES) {
                                return false;
                            }
                            try (InputStream in = z.getInputStream(e)) {
                                return ClassFiles.hasMainMethod(in.readNBytes(MAX_ENTRY_BYTES));
                            }
                        })
                .or(() -> Optional.of(false));
    }

    /**
     * Class entry → the first jar (in path order) holding it; built once, from the central
     * directories only.
     */
    private Map<String, String> index() {
        if (classToJar == null) {
            Map<String, String> m = new HashMap<>();
            List<String> jars = jars();
            for (String jar : jars.subList(0, Math.min(jars.size(), MAX_JARS))) {
                withZip(
                        jar,
                        z -> {
                            for (ZipArchiveEntry e : Collections.list(z.getEntries())) {
                                if (e.getName().endsWith(".class") && !e.getName().contains("$")) {
                                    m.putIfAbsent(e.getName(), jar);
                                }
                            }
                            return true;
                        });
            }
            classToJar = m;
        }
        return classToJar;
    }

    /**
     * The main classes named by the manifests of the given jars (Start-Class before Main-Class), by
     * jar.
     */
    public Map<String, String> manifestMains(List<String> jarPaths) {
        Map<String, String> out = new TreeMap<>();
        for (String j : jarPaths) {
            info(j).ifPresent(
                            i -> {
                                String c = i.startClass() != null ? i.startClass() : i.mainClass();
                                if (c != null) {
                                    out.put(j, c);
                                }
                            });
        }
        return out;
    }

    /**
     * The jar a path written in a launch names ({@code $HOME/lib/quarkus-run.jar}) → the listed
     * jar, if any.
     */
    public Optional<String> resolve(String written) {
        String w = written.replace('\\', '/');
        String name = RelPaths.fileName(w);
        List<String> hits = new ArrayList<>();
        for (String j : jars()) {
            if (j.equals(w) || w.endsWith("/" + j) || RelPaths.fileName(j).equals(name)) {
                hits.add(j);
            }
        }
        return hits.stream()
                .filter(j -> w.endsWith("/" + j) || w.equals(j))
                .findFirst()
                .or(() -> hits.stream().findFirst());
    }

    static String entryName(String className) {
        return className.replace('.', '/') + ".class";
    }

    private static String trimmed(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }

    private interface ZipFn<T> {
        T apply(ZipFile z) throws IOException;
    }

    private <T> Optional<T> withZip(String jar, ZipFn<T> fn) {
        Optional<SeekableByteChannel> ch = tree.channel(jar, MAX_JAR_BYTES);
        if (ch.isEmpty()) {
            return Optional.empty();
        }
        try (SeekableByteChannel c = ch.get();
                ZipFile z =
                        ZipFile.builder()
                                .setSeekableByteChannel(c)
                                .setCharset(StandardCharsets.UTF_8)
                                .get()) {
            return Optional.ofNullable(fn.apply(z));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not a readable jar: no evidence from it
        }
    }
}
