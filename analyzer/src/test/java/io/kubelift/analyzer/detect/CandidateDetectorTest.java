package io.kubelift.analyzer.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.analyzer.AnalyzeOptions;
import io.kubelift.analyzer.Analyzer;
import io.kubelift.analyzer.jar.TestJars;
import io.kubelift.model.Component;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An app holding a main class or a launch script never gets an empty plan: candidates marked for
 * review.
 */
class CandidateDetectorTest {
    static Map<String, byte[]> classes;

    @BeforeAll
    static void compile(@TempDir Path work) throws Exception {
        classes =
                TestJars.compile(
                        work,
                        Map.of(
                                "com.acme.Server",
                                        "package com.acme; public class Server { public static void main(String[] a) { } }",
                                "com.acme.Util", "package com.acme; public class Util { }"));
    }

    static List<Component> components(Path app) {
        return Analyzer.withDefaultDetectors()
                .analyze(app, AnalyzeOptions.defaults())
                .plan()
                .spec()
                .components();
    }

    @Test
    void windowsLauncherOnly(@TempDir Path app) throws Exception {
        TestJars.jar(app.resolve("lib/app.jar"), null, classes);
        Files.createDirectories(app.resolve("bin"));
        Files.writeString(
                app.resolve("bin/run.bat"),
                """
                @echo off
                rem starts com.acme.Nothing (a comment)
                set CP=%~dp0..\\lib\\app.jar
                "%JAVA_HOME%\\bin\\java" -Xmx1g -cp "%CP%" com.acme.Server %* com.acme.Util
                """);
        List<Component> c = components(app);
        assertEquals(
                List.of("server"),
                c.stream().map(Component::name).toList(),
                "Util has no main, the comment is not a launch");
        assertEquals("com.acme.Server", c.get(0).entrypoint().mainClass());
        assertEquals(List.of("lib/app.jar"), c.get(0).entrypoint().classpath());
        assertEquals("bin/run.bat", c.get(0).evidence().file());
        assertEquals(4, c.get(0).evidence().line());
        assertEquals("1536Mi", c.get(0).resources().memory(), "the heap of -Xmx1g, with headroom");
        assertFalse(
                CandidateDetector.needsReview(c.get(0)),
                "the batch script is interpreted: a launch, not a candidate: "
                        + c.get(0).description());
    }

    @Test
    void pythonAndPerlLaunchers(@TempDir Path app) throws Exception {
        TestJars.jar(app.resolve("lib/app.jar"), null, classes);
        Files.writeString(
                app.resolve("launch.py"),
                """
                import subprocess
                subprocess.call(["java", "-cp", "lib/app.jar", "com.acme.Server"])
                """);
        Files.writeString(
                app.resolve("launch.pl"),
                "exec('java', '-cp', 'lib/app.jar', 'com.acme.Server');\n");
        List<Component> c = components(app);
        assertEquals(List.of("server"), c.stream().map(Component::name).toList());
        assertEquals("launch.pl", c.get(0).evidence().file(), "the first launcher in path order");
        assertEquals(List.of("lib/app.jar"), c.get(0).entrypoint().classpath());
        assertFalse(CandidateDetector.needsReview(c.get(0)), c.get(0).description());
    }

    @Test
    void aLauncherTheAnalysisCannotFollowFallsBackToTheMainClassesItNames(@TempDir Path app)
            throws Exception {
        TestJars.jar(app.resolve("lib/app.jar"), null, classes);
        Files.writeString(
                app.resolve("launch.py"),
                """
                import subprocess, sys
                MAINS = {"server": "com.acme.Server", "util": "com.acme.Util"}
                subprocess.call(["java", "-cp", "lib/app.jar", MAINS[sys.argv[1]]])
                """);
        List<Component> c = components(app);
        assertEquals(List.of("server"), c.stream().map(Component::name).toList());
        assertTrue(CandidateDetector.needsReview(c.get(0)), c.get(0).description());
    }

    @Test
    void aToolLaunchIsStillACandidateWhenNothingElseRuns(@TempDir Path app) throws Exception {
        Files.createDirectories(app.resolve("bin"));
        Files.writeString(
                app.resolve("bin/acme-cli.sh"),
                "#!/bin/sh\nexec java -cp lib/app.jar com.acme.Cli \"$@\"\n");
        List<Component> c = components(app);
        assertEquals(List.of("acme-cli"), c.stream().map(Component::name).toList());
        assertTrue(CandidateDetector.needsReview(c.get(0)));
        assertTrue(
                c.get(0).description().contains("classified as a client"), c.get(0).description());
    }

    @Test
    void aRunnableJarNoScriptLaunches(@TempDir Path app) throws Exception {
        TestJars.jar(app.resolve("acme-server-2.1.jar"), "com.acme.Server", classes);
        List<Component> c = components(app);
        assertEquals(List.of("acme-server"), c.stream().map(Component::name).toList());
        assertEquals("com.acme.Server", c.get(0).entrypoint().mainClass());
        assertEquals("acme-server-2.1.jar", c.get(0).entrypoint().jar());
    }

    @Test
    void nothingRunnableStaysEmpty(@TempDir Path app) throws Exception {
        TestJars.jar(
                app.resolve("lib/util.jar"),
                null,
                Map.of("com/acme/Util.class", classes.get("com/acme/Util.class")));
        Files.writeString(app.resolve("notes.sh"), "#!/bin/sh\necho com.acme.Util\n");
        assertEquals(List.of(), components(app));
    }
}
