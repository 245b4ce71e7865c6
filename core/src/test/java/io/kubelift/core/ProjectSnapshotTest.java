package io.kubelift.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubelift.model.ProjectDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectSnapshotTest {
    @TempDir Path dir;

    private void file(String rel) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, rel);
    }

    @Test
    void theSnapshotHoldsTheProjectsOwnFilesButNotBuildOutputHiddenDirsOrNestedModules()
            throws IOException {
        for (String f :
                List.of(
                        "pom.xml",
                        "src/main/java/x/Main.java",
                        "src/main/resources/app.properties",
                        "bin/run.sh",
                        "target/classes/app.properties",
                        "target/kubelift/scripts/app/entrypoint.sh",
                        ".git/config",
                        "web/node_modules/a/index.js",
                        "module-a/pom.xml",
                        "module-a/src/main/java/A.java")) {
            file(f);
        }
        ProjectDescriptor p =
                new ProjectDescriptor(
                        dir,
                        dir.resolve("pom.xml"),
                        "g",
                        "a",
                        "1",
                        "jar",
                        List.of(),
                        List.of(),
                        dir.resolve("target/classes"),
                        null,
                        null);
        Path snap = ProjectSnapshot.stage(p);
        assertEquals(dir.resolve("target/kubelift-app"), snap);
        List<String> files;
        try (Stream<Path> s = Files.walk(snap)) {
            files =
                    s.filter(Files::isRegularFile)
                            .map(f -> snap.relativize(f).toString().replace('\\', '/'))
                            .sorted()
                            .toList();
        }
        assertEquals(
                List.of(
                        "bin/run.sh",
                        "pom.xml",
                        "src/main/java/x/Main.java",
                        "src/main/resources/app.properties"),
                files);
        Files.delete(dir.resolve("bin/run.sh"));
        ProjectSnapshot.stage(p);
        assertEquals(
                false,
                Files.exists(snap.resolve("bin/run.sh")),
                "a file deleted from the project stays in the snapshot");
    }
}
