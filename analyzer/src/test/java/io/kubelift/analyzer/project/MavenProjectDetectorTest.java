package io.kubelift.analyzer.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.model.Component;
import io.kubelift.model.ConfigFile;
import io.kubelift.model.Entrypoint;
import io.kubelift.model.Evidence;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Facts;
import io.kubelift.model.MainClassCandidate;
import io.kubelift.model.MigrationPlan;
import io.kubelift.model.PlanSpec;
import io.kubelift.model.ProjectDescriptor;
import io.kubelift.model.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MavenProjectDetectorTest {
    @TempDir Path dir;

    private ProjectDescriptor project(String packaging, List<MainClassCandidate> mains)
            throws IOException {
        Path pom = dir.resolve("pom.xml");
        Files.writeString(
                pom,
                """
                <project>
                  <artifactId>Echo_Server</artifactId>
                  <packaging>%s</packaging>
                  <build><plugins><plugin><artifactId>maven-jar-plugin</artifactId>
                    <configuration><archive><manifest><mainClass>com.example.Echo</mainClass></manifest></archive></configuration>
                  </plugin></plugins></build>
                </project>
                """
                        .formatted(packaging));
        return new ProjectDescriptor(
                dir,
                pom,
                "com.example",
                "Echo_Server",
                "1.0",
                packaging,
                mains,
                List.of(),
                dir.resolve("target/classes"),
                null,
                "17");
    }

    private static MigrationPlan analysed(Component... components) {
        return MigrationPlan.of(
                "echo", new PlanSpec(new Source("..", List.of("java")), List.of(components)));
    }

    @Test
    void theAnalyzerCompletesABuildProjectsPlanWhenTheOptionsDescribeIt() throws IOException {
        ProjectDescriptor p =
                project(
                        "jar",
                        List.of(
                                new MainClassCandidate(
                                        "com.example.Echo",
                                        "maven-jar-plugin/configuration/archive/manifest/mainClass")));
        io.kubelift.analyzer.Analyzer analyzer =
                io.kubelift.analyzer.Analyzer.withDefaultDetectors();
        MigrationPlan plain =
                analyzer.analyze(dir, new io.kubelift.analyzer.AnalyzeOptions("echo", ".")).plan();
        MigrationPlan project =
                analyzer.analyze(
                                dir,
                                new io.kubelift.analyzer.AnalyzeOptions("echo", ".").withProject(p))
                        .plan();
        assertTrue(plain.spec().components().isEmpty(), "a pom alone is nothing runnable");
        assertEquals(List.of(MavenProjectDetector.DETECTOR), project.spec().source().detectors());
        assertEquals(
                "com.example.Echo", project.spec().components().get(0).entrypoint().mainClass());
    }

    @Test
    void aMainClassNamedByTheBuildBecomesTheOnlyComponentWithEvidenceOnItsPomLine()
            throws IOException {
        ProjectDescriptor p =
                project(
                        "jar",
                        List.of(
                                new MainClassCandidate(
                                        "com.example.Echo",
                                        "maven-jar-plugin/configuration/archive/manifest/mainClass")));
        MigrationPlan plan = MavenProjectDetector.complete(analysed(), p);
        Component c = plan.spec().components().get(0);
        assertEquals(1, plan.spec().components().size());
        assertEquals("echo-server", c.name());
        assertEquals("com.example.Echo", c.entrypoint().mainClass());
        assertEquals(List.of("resources", "classes", "libs/*"), c.entrypoint().classpath());
        assertEquals(
                new Evidence(
                        "pom.xml",
                        5,
                        "<configuration><archive><manifest><mainClass>com.example.Echo</mainClass></manifest></archive></configuration>"),
                c.evidence());
        assertEquals("17", c.runtime().java());
        assertEquals(List.of("java", "maven"), plan.spec().source().detectors());
    }

    @Test
    void aWarRunsInTomcatOnPort8080() throws IOException {
        MigrationPlan plan = MavenProjectDetector.complete(analysed(), project("war", List.of()));
        Component c = plan.spec().components().get(0);
        assertEquals(List.of("catalina.sh", "run"), c.entrypoint().command());
        assertNull(c.entrypoint().mainClass());
        assertEquals(8080, c.ports().get(0).port());
        assertTrue(c.ports().get(0).isHttp());
        assertEquals(3, c.evidence().line());
    }

    @Test
    void aLibraryWithoutMainClassHasNoComponent() throws IOException {
        MigrationPlan plan = MavenProjectDetector.complete(analysed(), project("jar", List.of()));
        assertTrue(plan.spec().components().isEmpty());
        assertEquals(List.of("java"), plan.spec().source().detectors());
    }

    @Test
    void theBuildsMainClassWinsOverOneFoundInSourcesAndJvmOptionsAreKept() throws IOException {
        Component fromSources =
                Component.builder("echo")
                        .entrypoint(
                                Entrypoint.mainClass(
                                        null,
                                        "com.example.tools.Dump",
                                        List.of(),
                                        List.of("-Xmx512m"),
                                        List.of("--verbose"),
                                        Evidence.of(
                                                "src/main/java/com/example/tools/Dump.java",
                                                3,
                                                "public static void main")))
                        .build();
        ProjectDescriptor p =
                project("jar", List.of(new MainClassCandidate("com.example.Echo", "exec")));
        Component c =
                MavenProjectDetector.complete(analysed(fromSources), p).spec().components().get(0);
        assertEquals("com.example.Echo", c.entrypoint().mainClass());
        assertEquals(List.of("-Xmx512m"), c.entrypoint().jvmOptions());
        assertEquals(List.of("--verbose"), c.entrypoint().args());
        assertEquals(List.of("resources", "classes", "libs/*"), c.entrypoint().classpath());
        assertEquals("pom.xml", c.entrypoint().evidence().file());
    }

    @Test
    void aComponentStartedByAShippedScriptIsLeftAlone() throws IOException {
        Component scripted =
                Component.builder("daemon")
                        .entrypoint(
                                Entrypoint.mainClass(
                                        "bin/start.sh",
                                        "com.example.Daemon",
                                        List.of("lib/*"),
                                        List.of(),
                                        List.of(),
                                        Evidence.of(
                                                "bin/start.sh",
                                                7,
                                                "exec java -cp lib/* com.example.Daemon")))
                        .build();
        ProjectDescriptor p =
                project("jar", List.of(new MainClassCandidate("com.example.Echo", "exec")));
        assertSame(
                scripted,
                MavenProjectDetector.complete(analysed(scripted), p).spec().components().get(0));
    }

    @Test
    void severalComponentsKeepTheirOwnMainClasses() throws IOException {
        Component a =
                Component.builder("a")
                        .entrypoint(
                                Entrypoint.mainClass(
                                        null, "x.A", List.of(), List.of(), List.of(), null))
                        .build();
        Component b =
                Component.builder("b")
                        .entrypoint(
                                Entrypoint.mainClass(
                                        null, "x.B", List.of(), List.of(), List.of(), null))
                        .build();
        ProjectDescriptor p =
                project("jar", List.of(new MainClassCandidate("com.example.Echo", "exec")));
        List<Component> out = MavenProjectDetector.complete(analysed(a, b), p).spec().components();
        assertEquals(
                List.of("x.A", "x.B"), out.stream().map(c -> c.entrypoint().mainClass()).toList());
        assertEquals(
                List.of("resources", "classes", "libs/*"), out.get(1).entrypoint().classpath());
    }

    @Test
    void aComponentFromTheBuildGetsPortsConfigAndSecretsFromTheProjectButNotFromItsBuildOutput()
            throws IOException {
        String props = "src/main/resources/application.properties";
        String copy = "target/classes/application.properties";
        Facts facts =
                new Facts(
                        List.of(
                                new Fact(
                                        FactKind.LISTEN_PORT,
                                        "8081",
                                        null,
                                        Map.of("configKey", "server.port", "via", "config"),
                                        Evidence.of(props, 2, "server.port=8081")),
                                new Fact(
                                        FactKind.LISTEN_PORT,
                                        "9999",
                                        null,
                                        Map.of("configKey", "debug.port", "via", "config"),
                                        Evidence.of(copy, 3, "debug.port=9999")),
                                new Fact(
                                        FactKind.LISTEN_PORT,
                                        "7000",
                                        null,
                                        Map.of("via", "new ServerSocket"),
                                        Evidence.of(
                                                "src/test/java/x/FakeServer.java",
                                                9,
                                                "new ServerSocket(7000)")),
                                new Fact(
                                        FactKind.CONFIG_PROPERTY,
                                        "server.port",
                                        "8081",
                                        Map.of("format", "properties"),
                                        Evidence.of(props, 2, "server.port=8081")),
                                new Fact(
                                        FactKind.CONFIG_PROPERTY,
                                        "server.port",
                                        "8081",
                                        Map.of("format", "properties"),
                                        Evidence.of(copy, 2, "server.port=8081")),
                                new Fact(
                                        FactKind.SECRET,
                                        "spring.datasource.password",
                                        "****",
                                        Map.of("kind", "password"),
                                        Evidence.of(props, 4, "spring.datasource.password=****"))),
                        List.of());
        ProjectDescriptor p =
                project("jar", List.of(new MainClassCandidate("com.example.Echo", "exec")));
        Component c =
                MavenProjectDetector.complete(analysed(), facts, p).spec().components().get(0);
        assertEquals(1, c.ports().size(), c.ports().toString());
        assertEquals("server", c.ports().get(0).name());
        assertEquals(8081, c.ports().get(0).port());
        assertTrue(c.ports().get(0).isHttp());
        assertEquals(List.of(new ConfigFile(props, "properties")), c.configFiles());
        assertEquals(1, c.secrets().size());
        assertEquals("spring.datasource.password", c.secrets().get(0).key());
        assertEquals("SPRING_DATASOURCE_PASSWORD", c.secrets().get(0).env());
    }
}
