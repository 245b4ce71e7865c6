package io.kubelift.analyzer.jar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.analyzer.scan.ArchiveTree;
import io.kubelift.analyzer.scan.DirectoryTree;
import io.kubelift.analyzer.scan.FileTree;
import io.kubelift.analyzer.scan.ScanLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Main classes read from class files inside jars, in place, for directory and archive apps alike.
 */
class JarsTest {
    static Map<String, byte[]> classes;

    @BeforeAll
    static void compile(@TempDir Path work) throws Exception {
        classes =
                TestJars.compile(
                        work,
                        Map.of(
                                "org.acme.server.Server",
                                        "package org.acme.server; public class Server { public static void main(String[] args) { } }",
                                "org.acme.server.Helper",
                                        "package org.acme.server; public class Helper { public void main(String[] args) { } static long x = 1L; static double d = 2.0; }",
                                "org.acme.server.Hidden",
                                        "package org.acme.server; class Hidden { static void main(String[] args) { } }",
                                "org.acme.server.WrongArgs",
                                        "package org.acme.server; public class WrongArgs { public static void main(String args) { } }"));
    }

    @Test
    void classFileMainMethod() {
        assertTrue(ClassFiles.hasMainMethod(classes.get("org/acme/server/Server.class")));
        assertFalse(
                ClassFiles.hasMainMethod(classes.get("org/acme/server/Helper.class")),
                "an instance main is not a program entry");
        assertFalse(
                ClassFiles.hasMainMethod(classes.get("org/acme/server/Hidden.class")),
                "not public");
        assertFalse(
                ClassFiles.hasMainMethod(classes.get("org/acme/server/WrongArgs.class")),
                "not main(String[])");
    }

    @Test
    void truncatedOrForeignBytesAreNoMain() {
        byte[] server = classes.get("org/acme/server/Server.class");
        for (int n = 0; n < server.length; n += 7) {
            assertFalse(ClassFiles.hasMainMethod(Arrays.copyOf(server, n)), "truncated at " + n);
        }
        assertFalse(ClassFiles.hasMainMethod("not a class".getBytes()));
        assertFalse(ClassFiles.hasMainMethod(new byte[0]));
    }

    @Test
    void mainClassesInsideJarsOfADirectory(@TempDir Path app) throws Exception {
        TestJars.jar(app.resolve("lib/server-1.0.jar"), "org.acme.server.Server", classes);
        Files.writeString(app.resolve("lib/broken.jar"), "not a zip");
        Jars jars = new Jars(new DirectoryTree(app, "app", ScanLimits.DEFAULT));
        assertTrue(jars.isMainClass("org.acme.server.Server"));
        assertFalse(jars.isMainClass("org.acme.server.Helper"));
        assertFalse(jars.isMainClass("org.acme.Missing"));
        assertEquals(Optional.of("lib/server-1.0.jar"), jars.jarOf("org.acme.server.Server"));
        assertEquals(
                "org.acme.server.Server",
                jars.info("lib/server-1.0.jar").orElseThrow().mainClass());
        assertEquals(
                Optional.empty(),
                jars.info("lib/broken.jar"),
                "a damaged jar is no evidence, not an error");
        assertEquals(
                Optional.of("lib/server-1.0.jar"), jars.resolve("/opt/app/lib/server-1.0.jar"));
    }

    @Test
    void jarsInsideAnArchiveAreReadWithoutUnpacking(@TempDir Path work) throws Exception {
        Path inner = work.resolve("inner/app.jar");
        TestJars.jar(inner, "org.acme.server.Server", classes);
        Path zip = work.resolve("app.zip");
        try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new java.util.zip.ZipEntry("lib/app.jar"));
            z.write(Files.readAllBytes(inner));
            z.closeEntry();
        }
        FileTree tree = ArchiveTree.open(zip, "app.zip", ScanLimits.DEFAULT);
        Jars jars = new Jars(tree);
        assertTrue(jars.isMainClass("org.acme.server.Server"));
        assertEquals("org.acme.server.Server", jars.info("lib/app.jar").orElseThrow().mainClass());
    }
}
