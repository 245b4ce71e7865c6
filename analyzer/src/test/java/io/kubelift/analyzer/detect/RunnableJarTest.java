package io.kubelift.analyzer.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.analyzer.AnalyzeOptions;
import io.kubelift.analyzer.Analyzer;
import io.kubelift.model.Component;
import io.kubelift.model.MigrationPlan;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runnable jar ({@code java -jar app.jar}) given as the app: one component, named after the jar,
 * its root on the classpath.
 */
class RunnableJarTest {
    private static final byte[] CLASS = {
        (byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61
    };

    private static void jar(Path file, String mainClass, String... entries) throws Exception {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        try (OutputStream out = Files.newOutputStream(file);
                JarOutputStream j = new JarOutputStream(out, mf)) {
            for (String e : entries) {
                j.putNextEntry(new JarEntry(e));
                j.write(
                        e.endsWith(".class")
                                ? CLASS
                                : "key=value\n".getBytes(StandardCharsets.UTF_8));
                j.closeEntry();
            }
        }
    }

    private static MigrationPlan analyze(Path app) {
        return Analyzer.withDefaultDetectors().analyze(app, AnalyzeOptions.defaults()).plan();
    }

    @Test
    void runnableJarIsOneComponentNamedAfterTheJarWithItsRootOnTheClasspath(@TempDir Path dir)
            throws Exception {
        Path app = dir.resolve("report-tool-1.2.jar");
        jar(
                app,
                "com.acme.cli.Main",
                "com/acme/cli/Main.class",
                "com/acme/cli/Util.class",
                "defaults.properties");
        MigrationPlan plan = analyze(app);
        assertEquals(List.of("main-class"), plan.spec().source().detectors());
        assertEquals(1, plan.spec().components().size());
        Component c = plan.spec().components().get(0);
        assertEquals(
                plan.metadata().name(), c.name(), "named after the jar, not after the class Main");
        assertTrue(c.name().startsWith("report-tool"), c.name());
        assertEquals("com.acme.cli.Main", c.entrypoint().mainClass());
        assertEquals(
                List.of("."),
                c.entrypoint().classpath(),
                "the unpacked jar's root, stated, not left to the working directory");
        assertEquals("META-INF/MANIFEST.MF", c.entrypoint().evidence().file());
        assertTrue(c.description().contains("runnable jar"), c.description());
    }

    @Test
    void unpackedJarInsideADirectoryKeepsItsRootAsClasspath(@TempDir Path app) throws Exception {
        Files.createDirectories(app.resolve("dist/META-INF"));
        Files.createDirectories(app.resolve("dist/com/acme"));
        Files.writeString(
                app.resolve("dist/META-INF/MANIFEST.MF"),
                "Manifest-Version: 1.0\nMain-Class: com.acme.Server\n");
        Files.write(app.resolve("dist/com/acme/Server.class"), CLASS);
        Component c = analyze(app).spec().components().get(0);
        assertEquals("server", c.name(), "not the app itself: named after the class as before");
        assertEquals(List.of("dist"), c.entrypoint().classpath());
    }

    @Test
    void manifestAmongSourcesGetsNoClasspath(@TempDir Path app) throws Exception {
        Files.createDirectories(app.resolve("src/main/resources/META-INF"));
        Files.writeString(
                app.resolve("src/main/resources/META-INF/MANIFEST.MF"),
                "Manifest-Version: 1.0\nMain-Class: com.acme.Tool\n");
        Component c = analyze(app).spec().components().get(0);
        assertEquals("tool", c.name());
        assertEquals(
                List.of(),
                c.entrypoint().classpath(),
                "no classes under src/main/resources: not an unpacked jar");
    }
}
