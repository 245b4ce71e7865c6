package io.kubelift.image;

import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import io.kubelift.model.KubeliftException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A base with no distribution at all: {@code Jib.fromScratch()} plus a {@code jlink} runtime of the
 * modules the app's jars use (from {@code jdeps --print-module-deps}, falling back to a safe
 * default set) at {@code /opt/java}, and the glibc files that runtime links (found with {@code
 * ldd}). No shell, so the entrypoint is the JSON argv. The runtime is cached under {@code
 * cacheDir/jlink/<hash of JDK version and modules>}.
 */
final class JlinkBase {
    /**
     * Modules every JVM server app plausibly needs when jdeps cannot tell (JMX, JNDI, SQL, XML,
     * TLS, Kerberos).
     */
    static final List<String> DEFAULT_MODULES =
            List.of(
                    "java.base",
                    "java.compiler",
                    "java.desktop",
                    "java.instrument",
                    "java.logging",
                    "java.management",
                    "java.management.rmi",
                    "java.naming",
                    "java.net.http",
                    "java.prefs",
                    "java.rmi",
                    "java.scripting",
                    "java.security.jgss",
                    "java.security.sasl",
                    "java.sql",
                    "java.transaction.xa",
                    "java.xml",
                    "java.xml.crypto",
                    "jdk.crypto.cryptoki",
                    "jdk.crypto.ec",
                    "jdk.httpserver",
                    "jdk.jfr",
                    "jdk.management",
                    "jdk.naming.dns",
                    "jdk.net",
                    "jdk.security.auth",
                    "jdk.unsupported",
                    "jdk.zipfs");

    /** Added to what jdeps finds: reflection and service loading hide these from it. */
    static final List<String> ALWAYS =
            List.of("java.base", "jdk.crypto.ec", "jdk.unsupported", "jdk.zipfs");

    private static final Pattern LDD_PATH = Pattern.compile("(/\\S+\\.so[\\w.]*)");

    private final Path cacheDir;
    private final Path jdkHome;

    JlinkBase(Path cacheDir) {
        this.cacheDir = cacheDir;
        this.jdkHome = Path.of(System.getProperty("java.home"));
    }

    BaseImage resolve(List<Path> appJars) {
        List<String> modules = modules(appJars);
        Path runtime = runtime(modules);
        Instant t = Instant.EPOCH;
        FileEntriesLayer.Builder jre = FileEntriesLayer.builder().setName("jre");
        FileEntriesLayer.Builder libc = FileEntriesLayer.builder().setName("glibc");
        try {
            jre.addEntryRecursive(
                    runtime,
                    AbsoluteUnixPath.get(BaseImage.JAVA_HOME),
                    (src, dst) ->
                            FilePermissions.fromOctalString(
                                    Files.isDirectory(src) || isExecutable(dst.toString())
                                            ? "755"
                                            : "644"),
                    (src, dst) -> t);
            for (Map.Entry<String, Path> lib : sharedLibraries(runtime).entrySet()) {
                libc.addEntry(
                        lib.getValue(),
                        AbsoluteUnixPath.get(lib.getKey()),
                        FilePermissions.fromOctalString("755"),
                        t);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BaseImage(
                "scratch+jlink(" + String.join(",", modules) + ")",
                Jib::fromScratch,
                List.of(libc.build(), jre.build()),
                false,
                Map.of("JAVA_HOME", BaseImage.JAVA_HOME, "PATH", BaseImage.PATH),
                "root:x:0:0:root:/root:/sbin/nologin\n",
                "root:x:0:\n");
    }

    private static boolean isExecutable(String path) {
        return path.startsWith(BaseImage.JAVA_HOME + "/bin/")
                || path.endsWith(".so")
                || path.endsWith("/jspawnhelper");
    }

    /**
     * Modules from jdeps over the app's jars, plus {@link #ALWAYS}; the default set when jdeps
     * gives up.
     */
    List<String> modules(List<Path> appJars) {
        TreeSet<String> mods = new TreeSet<>(ALWAYS);
        if (appJars.isEmpty()) {
            mods.addAll(DEFAULT_MODULES);
            return List.copyOf(mods);
        }
        List<String> cmd =
                new ArrayList<>(
                        List.of(
                                tool("jdeps"),
                                "--print-module-deps",
                                "--ignore-missing-deps",
                                "-q",
                                "--multi-release",
                                String.valueOf(java.lang.Runtime.version().feature())));
        appJars.stream().map(Path::toString).sorted().forEach(cmd::add);
        try {
            String out = ExternalCommand.run(cmd, null).strip();
            for (String m : out.split(",")) {
                if (!m.isBlank()) {
                    mods.add(m.strip());
                }
            }
        } catch (KubeliftException e) {
            mods.addAll(DEFAULT_MODULES);
        }
        return List.copyOf(mods);
    }

    private Path runtime(List<String> modules) {
        String key =
                sha256(java.lang.Runtime.version() + "\n" + String.join(",", modules))
                        .substring(0, 16);
        Path dir = cacheDir.resolve("jlink").resolve(key);
        Path jre = dir.resolve("jre");
        if (Files.isExecutable(jre.resolve("bin/java"))) {
            return jre;
        }
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempDirectory(dir, "build");
            Path out = tmp.resolve("jre");
            ExternalCommand.run(
                    List.of(
                            tool("jlink"),
                            "--add-modules",
                            String.join(",", modules),
                            "--strip-debug",
                            "--no-header-files",
                            "--no-man-pages",
                            "--compress=2",
                            "--output",
                            out.toString()),
                    null);
            Files.move(out, jre);
            Files.delete(tmp);
            return jre;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Image path → host file for every shared library the runtime's binaries link, and the dynamic
     * loader.
     */
    private static Map<String, Path> sharedLibraries(Path runtime) throws IOException {
        List<String> elves = new ArrayList<>();
        elves.add(runtime.resolve("bin/java").toString());
        try (Stream<Path> s = Files.walk(runtime.resolve("lib"))) {
            s.filter(p -> p.toString().endsWith(".so"))
                    .map(Path::toString)
                    .sorted()
                    .forEach(elves::add);
        }
        java.util.TreeMap<String, Path> libs = new java.util.TreeMap<>();
        for (String elf : elves) {
            String out;
            try {
                out = ExternalCommand.run(List.of("ldd", elf), null);
            } catch (KubeliftException e) {
                continue; // not dynamic, or ldd refuses it
            }
            for (String line : out.split("\n")) {
                if (line.contains("not found")) {
                    continue;
                }
                Matcher m = LDD_PATH.matcher(line);
                if (m.find()) {
                    String p = m.group(1);
                    if (!p.startsWith(runtime.toString())) {
                        libs.put(p, Path.of(p).toRealPath());
                    }
                }
            }
        }
        if (libs.keySet().stream().noneMatch(p -> p.contains("ld-linux"))) {
            throw new KubeliftException(
                    KubeliftException.Kind.BAD_INPUT,
                    KubeliftException.format(
                            null,
                            "ldd found no dynamic loader for the jlink runtime",
                            "use --base debian or --base registry:REF"));
        }
        return libs;
    }

    private String tool(String name) {
        Path p = jdkHome.resolve("bin").resolve(name);
        if (!Files.isExecutable(p)) {
            throw new KubeliftException(
                    KubeliftException.Kind.BAD_INPUT,
                    KubeliftException.format(
                            null,
                            "the running Java (" + jdkHome + ") has no " + name,
                            "run kubelift with a full JDK (with jmods), or use --base debian"));
        }
        return p.toString();
    }

    static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
