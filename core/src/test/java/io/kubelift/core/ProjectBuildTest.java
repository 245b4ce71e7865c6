package io.kubelift.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.checker.CheckOptions;
import io.kubelift.image.ImageOptions;
import io.kubelift.model.MainClassCandidate;
import io.kubelift.model.ProjectDescriptor;
import io.kubelift.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubelift:build}'s up-to-date check: an unchanged project is neither analysed again nor
 * rewritten; a changed class gives a new image and manifests pinned to it; a changed source,
 * resource, POM or kept plan, or an output changed since, gives a full build whose output equals
 * that of a build from scratch.
 */
class ProjectBuildTest {
    @TempDir Path dir;

    private final List<String> steps = new ArrayList<>();

    private ProjectDescriptor project() throws IOException {
        Path pom = dir.resolve("pom.xml");
        if (!Files.exists(pom)) {
            Files.writeString(
                    pom,
                    """
                    <project>
                      <artifactId>echo</artifactId>
                      <build><plugins><plugin><artifactId>maven-jar-plugin</artifactId>
                        <configuration><archive><manifest><mainClass>com.example.Echo</mainClass></manifest></archive></configuration>
                      </plugin></plugins></build>
                    </project>
                    """);
            write(
                    "src/main/java/com/example/Echo.java",
                    "package com.example;\npublic class Echo { public static void main(String[] a) { } }\n");
            write("src/main/resources/echo.properties", "echo.port=7070\n");
            write("target/classes/echo.properties", "echo.port=7070\n");
            Files.write(
                    Files.createDirectories(dir.resolve("target/classes/com/example"))
                            .resolve("Echo.class"),
                    new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 1});
        }
        return new ProjectDescriptor(
                dir,
                pom,
                "com.example",
                "echo",
                "1.0",
                "jar",
                List.of(
                        new MainClassCandidate(
                                "com.example.Echo",
                                "maven-jar-plugin/configuration/archive/manifest/mainClass")),
                List.of(),
                dir.resolve("target/classes"),
                null,
                "17");
    }

    private void write(String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private Path out() {
        return dir.resolve("target/kubelift");
    }

    private ProjectBuild build(ProjectDescriptor p, Path out) {
        steps.clear();
        ImageOptions options =
                ImageOptions.to("tar:" + out.resolve("images"))
                        .withImage("echo:1.0")
                        .withBase("scratch")
                        .withCacheDir(dir.resolve("target/kubelift-cache"))
                        .withOffline(true);
        return new Kubelift(steps::add).build(p, null, null, out, options);
    }

    private boolean analysed() {
        return steps.stream().anyMatch(s -> s.startsWith("analysing "));
    }

    /** plan.yaml, k8s/ and scripts/ as they are on disk. */
    private static Map<String, String> manifests(Path out) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String rel = out.relativize(f).toString().replace('\\', '/');
                if (rel.equals("plan.yaml")
                        || rel.startsWith("k8s/")
                        || rel.startsWith("scripts/")) {
                    files.put(rel, Files.readString(f));
                }
            }
        }
        return files;
    }

    /** What a build into an empty output directory writes for the project as it is now. */
    private Map<String, String> fromScratch(ProjectDescriptor p) throws IOException {
        Path fresh = dir.resolve("target/fresh");
        ProjectBuild b = build(p, fresh);
        assertTrue(b.analysed() && b.written());
        Map<String, String> files = manifests(fresh);
        // the plan's source path is relative to where it is written; both are two levels below the
        // project
        return files;
    }

    @Test
    void anUnchangedProjectIsNeitherAnalysedAgainNorRewritten() throws IOException {
        ProjectDescriptor p = project();
        ProjectBuild first = build(p, out());
        assertTrue(first.analysed() && first.written() && analysed());
        assertTrue(Files.isRegularFile(out().resolve(ProjectBuildState.FILE)));
        Map<String, String> before = manifests(out());
        long stateTime =
                Files.getLastModifiedTime(out().resolve(ProjectBuildState.FILE)).toMillis();

        ProjectBuild again = build(p, out());
        assertFalse(again.analysed(), "analysed again: " + steps);
        assertFalse(again.written(), "rewritten: " + steps);
        assertFalse(analysed());
        assertTrue(again.files().files().isEmpty());
        assertNull(again.plan().facts());
        assertEquals(
                first.images().get(0).digest(),
                again.images().get(0).digest(),
                "the image is still built, the same");
        assertTrue(Files.isRegularFile(again.images().get(0).tarFile()));
        assertEquals(before, manifests(out()));
        assertEquals(
                stateTime,
                Files.getLastModifiedTime(out().resolve(ProjectBuildState.FILE)).toMillis());
        assertEquals(first.plan().plan(), again.plan().plan());
    }

    @Test
    void aChangedClassGivesANewImageAndManifestsPinnedToItWithoutANewAnalysis() throws IOException {
        ProjectDescriptor p = project();
        ProjectBuild first = build(p, out());
        Files.write(
                dir.resolve("target/classes/com/example/Echo.class"),
                new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 2});

        ProjectBuild changed = build(p, out());
        assertFalse(changed.analysed(), "the sources did not change: " + steps);
        assertTrue(changed.written());
        String digest = changed.images().get(0).digest();
        assertNotEquals(first.images().get(0).digest(), digest);
        Map<String, String> files = manifests(out());
        assertTrue(
                files.values().stream().anyMatch(t -> t.contains("@" + digest)),
                "no manifest pins " + digest);
        assertFalse(
                files.values().stream().anyMatch(t -> t.contains(first.images().get(0).digest())),
                "the old digest is left");
        assertEquals(
                fromScratch(p), files, "the incremental output differs from a build from scratch");

        assertFalse(build(p, out()).written(), "up to date again after the rebuild");
    }

    @Test
    void aChangedResourceIsAnalysedAgainAndReachesImageAndManifests() throws IOException {
        ProjectDescriptor p = project();
        ProjectBuild first = build(p, out());
        assertTrue(manifests(out()).get("plan.yaml").contains("7070"));
        write("src/main/resources/echo.properties", "echo.port=8181\n");
        write("target/classes/echo.properties", "echo.port=8181\n");

        ProjectBuild changed = build(p, out());
        assertTrue(changed.analysed() && analysed() && changed.written());
        assertNotEquals(first.images().get(0).digest(), changed.images().get(0).digest());
        Map<String, String> files = manifests(out());
        assertTrue(files.get("plan.yaml").contains("8181"), files.get("plan.yaml"));
        assertEquals(fromScratch(p), files);
    }

    @Test
    void aChangedSourceOrPomIsAnalysedAgainEvenWhenTheImageIsTheSame() throws IOException {
        ProjectDescriptor p = project();
        build(p, out());
        write(
                "src/main/java/com/example/Echo.java",
                "package com.example;\n// a comment\npublic class Echo { public static void main(String[] a) { } }\n");
        ProjectBuild b = build(p, out());
        assertTrue(b.analysed() && b.written(), "a changed source must be analysed: " + steps);
        assertFalse(build(p, out()).analysed());

        Files.writeString(
                dir.resolve("pom.xml"),
                Files.readString(dir.resolve("pom.xml")) + "<!-- edited -->\n");
        assertTrue(build(p, out()).analysed(), "a changed POM must be analysed");
        write("bin/run.sh", "#!/bin/sh\nexec java -cp app.jar com.example.Echo\n");
        assertTrue(build(p, out()).analysed(), "a new file must be analysed");
    }

    @Test
    void aDifferentDescriptorOrPlanNameIsAFullBuild() throws IOException {
        ProjectDescriptor p = project();
        build(p, out());
        ProjectDescriptor java21 =
                new ProjectDescriptor(
                        p.baseDir(),
                        p.descriptorFile(),
                        p.groupId(),
                        p.artifactId(),
                        p.version(),
                        p.packaging(),
                        p.mainClasses(),
                        p.runtimeClasspath(),
                        p.classesDir(),
                        p.webappDir(),
                        "21");
        assertTrue(build(java21, out()).analysed());
        steps.clear();
        ImageOptions options =
                ImageOptions.to("tar:" + out().resolve("images"))
                        .withImage("echo:1.0")
                        .withBase("scratch")
                        .withCacheDir(dir.resolve("target/kubelift-cache"))
                        .withOffline(true);
        ProjectBuild renamed =
                new Kubelift(steps::add).build(java21, null, "other", out(), options);
        assertTrue(renamed.analysed() && renamed.written());
        assertTrue(manifests(out()).get("plan.yaml").contains("name: other"));
    }

    @Test
    void anOutputChangedSinceTheLastBuildIsWrittenAgain() throws IOException {
        ProjectDescriptor p = project();
        build(p, out());
        Map<String, String> before = manifests(out());
        String deployment =
                before.keySet().stream()
                        .filter(k -> k.startsWith("k8s/base/") && k.contains("deployment"))
                        .findFirst()
                        .orElseThrow();
        Files.writeString(out().resolve(deployment), "edited\n");
        ProjectBuild b = build(p, out());
        assertTrue(b.analysed() && b.written());
        assertEquals(before, manifests(out()));

        Files.delete(out().resolve("plan.yaml"));
        assertTrue(build(p, out()).written());
        assertEquals(before, manifests(out()));
    }

    @Test
    void generateRecordsAnUnpinnedStateSoTheNextBuildPinsTheImagesWithoutANewAnalysis()
            throws IOException {
        ProjectDescriptor p = project();
        build(p, out());
        Map<String, String> pinned = manifests(out());
        new Kubelift(steps::add)
                .convert(p, null, null, out(), new CheckOptions(Set.of(), Severity.ERROR), null);
        ProjectBuildState afterGenerate = ProjectBuildState.read(out());
        assertNotNull(afterGenerate, "generate records the plan's inputs");
        assertTrue(
                afterGenerate.images().isEmpty(),
                "generate builds no image: " + afterGenerate.images());
        assertNotEquals(pinned, manifests(out()), "generate writes unpinned images");
        ProjectBuild b = build(p, out());
        assertFalse(b.analysed(), "the plan generate wrote is current: " + steps);
        assertTrue(b.written());
        assertEquals(pinned, manifests(out()));
    }

    @Test
    void aProjectChangedAfterGenerateIsAnalysedAgainByBuild() throws IOException {
        ProjectDescriptor p = project();
        new Kubelift(steps::add)
                .convert(p, null, null, out(), new CheckOptions(Set.of(), Severity.ERROR), null);
        write(
                "src/main/java/com/example/Echo.java",
                "package com.example;\n// changed\npublic class Echo { public static void main(String[] a) { } }\n");
        ProjectBuild b = build(p, out());
        assertTrue(b.analysed() && b.written(), "a source changed since generate: " + steps);
    }
}
