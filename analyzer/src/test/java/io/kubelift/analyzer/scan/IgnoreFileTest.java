package io.kubelift.analyzer.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.analyzer.AppFileTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IgnoreFileTest {
    @Test
    void namesMatchAtAnyDepthAndPathsFromTheRoot() {
        IgnoreFile ignore =
                IgnoreFile.parse(List.of("# harnesses", "e2e/", "*.log", "/docs/*.pdf", ""));
        assertTrue(ignore.ignores("e2e"));
        assertTrue(ignore.ignores("logs/app.log"));
        assertTrue(ignore.ignores("docs/manual.pdf"));
        assertTrue(ignore.ignores(".kubeliftignore"));
        assertFalse(ignore.ignores("conf/e2e.properties"));
        assertFalse(ignore.ignores("docs/sub/manual.pdf"));
        assertFalse(ignore.ignores("bin/start.sh"));
    }

    @Test
    void ignoredPathsAreNotListedAndOneNoteSaysSo(@TempDir Path app) throws Exception {
        Files.createDirectories(app.resolve("e2e"));
        Files.createDirectories(app.resolve("conf"));
        Files.writeString(app.resolve("e2e/run.sh"), "#!/bin/sh\nREGISTRY=localhost:5000\n");
        Files.writeString(app.resolve("conf/app.properties"), "port=8080\n");
        Files.writeString(app.resolve(".kubeliftignore"), "e2e/\n");
        assertEquals(List.of("conf/app.properties"), AppFileTrees.open(app).list());
        DirectoryTree tree = new DirectoryTree(app, "app", ScanLimits.DEFAULT);
        assertTrue(
                tree.problems().stream()
                        .anyMatch(p -> p.message().contains("left out as .kubeliftignore asks")),
                tree.problems().toString());
    }
}
