package io.kubelift.image;

import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.TarImage;
import io.kubelift.model.KubeliftException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Debian bookworm base with a headless JRE, bash and coreutils, for apps that shell out (Hadoop's
 * NodeManager launches every YARN container with bash). Made on this machine with {@code
 * debootstrap --variant=minbase} (needs root and a Debian mirror, ~45–65 s), written as a one-layer
 * docker-archive with every mtime at 0 and files sorted, and cached under {@code
 * cacheDir/debian/<hash of suite, mirror and packages>/base.tar}, so it is made once per machine.
 * {@code /opt/java} is a link to the JRE.
 */
final class DebianBase {
    static final String SUITE = "bookworm";
    static final List<String> PACKAGES =
            List.of("bash", "coreutils", "openjdk-17-jre-headless", "procps", "util-linux");
    static final String DEFAULT_MIRROR = "http://deb.debian.org/debian";
    private static final String PATH_ENV = BaseImage.PATH;

    private final Path cacheDir;
    private final String mirror;

    DebianBase(Path cacheDir) {
        this.cacheDir = cacheDir;
        this.mirror = System.getProperty("kubelift.debian.mirror", DEFAULT_MIRROR);
    }

    BaseImage resolve(String javaRelease) {
        if (javaRelease != null && !javaRelease.isBlank() && !javaRelease.strip().equals("17")) {
            throw new KubeliftException(
                    KubeliftException.Kind.BAD_INPUT,
                    KubeliftException.format(
                            "plan: runtime.java",
                            "Debian "
                                    + SUITE
                                    + " ships only Java 17, the plan asks for Java "
                                    + javaRelease,
                            "set runtime.java to 17 if the app runs on it, or pass --base registry:REF with a JRE "
                                    + javaRelease
                                    + " image"));
        }
        Path dir = cacheDir.resolve("debian").resolve(key());
        Path tar = dir.resolve("base.tar");
        if (!Files.isRegularFile(tar)) {
            create(dir);
        }
        try {
            String passwd = Files.readString(dir.resolve("passwd"));
            String group = Files.readString(dir.resolve("group"));
            return new BaseImage(
                    "debian:"
                            + SUITE
                            + "+"
                            + String.join(",", PACKAGES)
                            + " (debootstrap, "
                            + key()
                            + ")",
                    () -> Jib.from(TarImage.at(tar)),
                    List.of(),
                    true,
                    Map.of("JAVA_HOME", BaseImage.JAVA_HOME, "PATH", PATH_ENV),
                    passwd,
                    group);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String key() {
        return JlinkBase.sha256("v1\n" + SUITE + "\n" + mirror + "\n" + String.join(",", PACKAGES))
                .substring(0, 16);
    }

    private void create(Path dir) {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new KubeliftException(
                    KubeliftException.Kind.USAGE,
                    KubeliftException.format(
                            null,
                            "making the Debian base with debootstrap needs root",
                            "run the build once as root (the base is then cached in "
                                    + dir
                                    + "), or pass --base registry:REF / tar:PATH"));
        }
        try {
            Files.createDirectories(dir);
            Path work = Files.createTempDirectory(dir, "work");
            try {
                Path rootfs = work.resolve("rootfs");
                ExternalCommand.run(
                        List.of(
                                "debootstrap",
                                "--variant=minbase",
                                "--include=" + String.join(",", PACKAGES),
                                SUITE,
                                rootfs.toString(),
                                mirror),
                        null);
                slim(rootfs);
                String arch =
                        ExternalCommand.run(
                                        List.of(
                                                "chroot",
                                                rootfs.toString(),
                                                "dpkg",
                                                "--print-architecture"),
                                        null)
                                .strip();
                Files.createDirectories(rootfs.resolve("opt"));
                Files.createSymbolicLink(
                        rootfs.resolve("opt/java"),
                        Path.of("/usr/lib/jvm/java-17-openjdk-" + arch));
                Files.copy(rootfs.resolve("etc/passwd"), work.resolve("passwd"));
                Files.copy(rootfs.resolve("etc/group"), work.resolve("group"));
                Path archive = work.resolve("archive");
                Files.createDirectories(archive);
                Path layer = archive.resolve("layer.tar");
                ExternalCommand.run(
                        List.of(
                                "tar",
                                "--sort=name",
                                "--mtime=@0",
                                "--numeric-owner",
                                "--format=gnu",
                                "--exclude=./dev/*",
                                "--exclude=./proc/*",
                                "--exclude=./sys/*",
                                "-C",
                                rootfs.toString(),
                                "-cf",
                                layer.toString(),
                                "."),
                        null);
                String diffId = "sha256:" + sha256(layer);
                Files.writeString(
                        archive.resolve("config.json"),
                        "{\"architecture\":\""
                                + arch
                                + "\",\"os\":\"linux\","
                                + "\"config\":{\"Env\":[\"PATH="
                                + PATH_ENV
                                + "\",\"JAVA_HOME="
                                + BaseImage.JAVA_HOME
                                + "\"],"
                                + "\"Cmd\":[\"/bin/bash\"]},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
                                + diffId
                                + "\"]}}",
                        StandardCharsets.UTF_8);
                Files.writeString(
                        archive.resolve("manifest.json"),
                        "[{\"Config\":\"config.json\",\"RepoTags\":"
                                + "[\"kubelift/debian-jre17:"
                                + SUITE
                                + "\"],\"Layers\":[\"layer.tar\"]}]",
                        StandardCharsets.UTF_8);
                Path tmpTar = work.resolve("base.tar");
                ExternalCommand.run(
                        List.of(
                                "tar",
                                "--mtime=@0",
                                "--owner=0",
                                "--group=0",
                                "--numeric-owner",
                                "--format=gnu",
                                "-C",
                                archive.toString(),
                                "-cf",
                                tmpTar.toString(),
                                "manifest.json",
                                "config.json",
                                "layer.tar"),
                        null);
                Files.move(
                        work.resolve("passwd"),
                        dir.resolve("passwd"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.move(
                        work.resolve("group"),
                        dir.resolve("group"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.move(
                        tmpTar,
                        dir.resolve("base.tar"),
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                deleteTree(work);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops what only apt needs and what carries build-time timestamps. */
    private static void slim(Path rootfs) throws IOException {
        for (String d :
                List.of(
                        "var/cache/apt",
                        "var/lib/apt/lists",
                        "usr/share/doc",
                        "usr/share/man",
                        "usr/share/info",
                        "usr/share/locale",
                        "var/log",
                        "var/cache/debconf",
                        "var/cache/ldconfig")) {
            Path p = rootfs.resolve(d);
            if (Files.isDirectory(p)) {
                List<Path> children;
                try (Stream<Path> s = Files.list(p)) {
                    children = s.toList();
                }
                for (Path c : children) {
                    deleteTree(c);
                }
            }
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            List<Path> all;
            try (Stream<Path> s = Files.walk(p)) {
                all = new ArrayList<>(s.sorted(Comparator.reverseOrder()).toList());
            }
            for (Path q : all) {
                Files.deleteIfExists(q);
            }
        } else {
            Files.delete(p);
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in =
                new DigestInputStream(
                        Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
