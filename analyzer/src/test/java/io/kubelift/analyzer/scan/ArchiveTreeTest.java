package io.kubelift.analyzer.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #15: a zip and a tar.gz of the same folder read alike (one top-level folder stripped). */
class ArchiveTreeTest {
    @TempDir Path tmp;

    private static final List<String> ENTRIES =
            List.of("myapp/bin/start.sh", "myapp/conf/app.properties");

    @Test
    void zipWithOneTopLevelFolderIsStrippedLikeATarGz() throws Exception {
        Path zip = tmp.resolve("app.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("myapp/"));
            for (String e : ENTRIES) {
                z.putNextEntry(new ZipEntry(e));
                z.write("x=1\n".getBytes(StandardCharsets.UTF_8));
            }
        }
        Path tgz = tmp.resolve("app.tar.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(tgz));
                TarArchiveOutputStream t = new TarArchiveOutputStream(o)) {
            for (String e : ENTRIES) {
                TarArchiveEntry te = new TarArchiveEntry(e);
                te.setSize(4);
                t.putArchiveEntry(te);
                t.write("x=1\n".getBytes(StandardCharsets.UTF_8));
                t.closeArchiveEntry();
            }
        }
        List<String> expected = List.of("bin/start.sh", "conf/app.properties");
        assertEquals(expected, ArchiveTree.open(tgz, "app.tar.gz", ScanLimits.DEFAULT).list());
        assertEquals(expected, ArchiveTree.open(zip, "app.zip", ScanLimits.DEFAULT).list());
        assertEquals(
                "x=1\n",
                new String(
                        ArchiveTree.open(zip, "app.zip", ScanLimits.DEFAULT)
                                .read("conf/app.properties", 100)
                                .orElseThrow(),
                        StandardCharsets.UTF_8));
    }

    @Test
    void aTopFolderHoldingOnlyFilesIsPartOfTheApp() throws Exception {
        Path zip = tmp.resolve("libs.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("lib/app.jar"));
            z.write(new byte[] {1, 2, 3});
        }
        assertEquals(
                List.of("lib/app.jar"),
                ArchiveTree.open(zip, "libs.zip", ScanLimits.DEFAULT).list());
    }

    @Test
    void aJarIsNeverStripped() throws Exception {
        Path jar = tmp.resolve("lib.jar");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(jar))) {
            z.putNextEntry(new ZipEntry("com/example/Main.class"));
            z.write(new byte[] {1, 2, 3});
        }
        assertEquals(
                List.of("com/example/Main.class"),
                ArchiveTree.open(jar, "lib.jar", ScanLimits.DEFAULT).list());
    }
}
