package io.kubelift.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubelift.model.Component;
import io.kubelift.model.Entrypoint;
import io.kubelift.model.ImageLayout;
import io.kubelift.model.KubeliftException;
import io.kubelift.model.ProjectDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectImagesTest {
    @TempDir Path dir;

    private ProjectDescriptor project() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("target/classes/com/example"));
        Files.write(
                classes.resolve("Echo.class"),
                new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
        Files.writeString(dir.resolve("target/classes/echo.properties"), "echo.port=7070\n");
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Path dep = Files.writeString(repo.resolve("commons-cli-1.11.0.jar"), "not really a jar");
        Path snap = Files.writeString(repo.resolve("helper-2.0-SNAPSHOT.jar"), "snapshot");
        return new ProjectDescriptor(
                dir,
                null,
                "com.example",
                "echo",
                "1.0",
                "jar",
                List.of(),
                List.of(dep, snap),
                dir.resolve("target/classes"),
                null,
                "17");
    }

    private static Component component() {
        return Component.builder("echo")
                .entrypoint(
                        Entrypoint.mainClass(
                                null,
                                "com.example.Echo",
                                ImageLayout.PROJECT_CLASSPATH,
                                List.of("-Xmx256m"),
                                List.of("--port", "7070"),
                                null))
                .build();
    }

    private ProjectImage build(ProjectDescriptor p, String out) {
        ImageOptions options =
                ImageOptions.to("tar:" + dir.resolve(out))
                        .withImage("Echo:1.0-SNAPSHOT")
                        .withBase("scratch")
                        .withCacheDir(dir.resolve("cache"))
                        .withOffline(true);
        return new ImageBuilder(options).build(p, component(), true, Set.of());
    }

    @Test
    void dependenciesSnapshotsResourcesAndClassesAreSeparateLayersInThatOrder() throws IOException {
        ProjectImage image = build(project(), "images");
        assertEquals(
                List.of("dependencies", "snapshot-dependencies", "resources", "classes"),
                image.layers());
        assertEquals(dir.resolve("images/echo.tar"), image.tarFile());
        assertTrue(image.reference().matches("echo@sha256:[0-9a-f]{64}"), image.reference());

        List<List<String>> layers = layersOf(image.tarFile());
        assertEquals(
                List.of(
                        List.of("opt/app/libs/commons-cli-1.11.0.jar"),
                        List.of("opt/app/libs/helper-2.0-SNAPSHOT.jar"),
                        List.of("opt/app/resources/echo.properties"),
                        List.of("opt/app/classes/com/example/Echo.class")),
                layers);
    }

    @Test
    void theSameInputGivesTheSameDigest() throws IOException {
        ProjectDescriptor p = project();
        assertEquals(build(p, "a").digest(), build(p, "b").digest());
    }

    @Test
    void theEntrypointRunsTheMainClassOnTheLayeredClasspath() throws IOException {
        assertEquals(
                List.of(
                        "java",
                        "-Xmx256m",
                        "-cp",
                        "/opt/app/resources:/opt/app/classes:/opt/app/libs/*",
                        "com.example.Echo",
                        "--port",
                        "7070"),
                ProjectImages.entrypoint(project(), component()));
    }

    @Test
    void withoutCompiledClassesTheBuildSaysToPackageFirst() {
        ProjectDescriptor p =
                new ProjectDescriptor(
                        dir,
                        null,
                        "g",
                        "echo",
                        "1",
                        "jar",
                        List.of(),
                        List.of(),
                        dir.resolve("target/classes"),
                        null,
                        null);
        KubeliftException e = assertThrows(KubeliftException.class, () -> build(p, "images"));
        assertTrue(e.getMessage().contains("run the build up to 'package' first"), e.getMessage());
    }

    @Test
    void repositoriesAreLowerCasedButTagsKept() {
        assertEquals(
                "localhost:5000/my.app:1.0-SNAPSHOT",
                ProjectImages.lowerCaseRepository("localhost:5000/My.App:1.0-SNAPSHOT"));
        assertEquals("shop", ProjectImages.lowerCaseRepository("Shop"));
    }

    /**
     * The file entries of each layer of a docker-archive tarball, in the manifest's layer order.
     */
    private static List<List<String>> layersOf(Path tar) throws IOException {
        Map<String, List<String>> entries = new LinkedHashMap<>();
        JsonNode manifest = null;
        try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("manifest.json")) {
                    manifest = new ObjectMapper().readTree(bytes);
                } else if (e.getName().endsWith(".tar.gz")) {
                    entries.put(
                            e.getName(),
                            files(new GZIPInputStream(new ByteArrayInputStream(bytes))));
                }
            }
        }
        List<List<String>> layers = new ArrayList<>();
        for (JsonNode layer : manifest.get(0).get("Layers")) {
            layers.add(entries.get(layer.asText()));
        }
        return layers;
    }

    private static List<String> files(InputStream gz) throws IOException {
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(gz)) {
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (!e.isDirectory()) {
                    names.add(e.getName().replaceFirst("^/", ""));
                }
            }
        }
        return names;
    }

    @Test
    void resourcesHoldingSecretsStayOutOfTheLayers() throws Exception {
        ProjectDescriptor p = project();
        java.util.function.Function<java.util.Set<String>, List<String>> resources =
                secrets -> {
                    try {
                        return ProjectImages.layers(p, secrets).stream()
                                .filter(l -> l.getName().equals("resources"))
                                .flatMap(l -> l.getEntries().stream())
                                .map(e -> e.getExtractionPath().toString())
                                .toList();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                };
        assertEquals(1, resources.apply(java.util.Set.of()).size());
        assertEquals(List.of(), resources.apply(java.util.Set.of("echo.properties")));
    }
}
