package io.kubelift.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubelift.testing.app.DirAppFiles;
import io.kubelift.testing.app.TarReader;
import io.kubelift.testing.app.TinyApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The debootstrapped Debian base (slow the first time: ~1 min, then cached). Runs only with {@code
 * -Dkubelift.it.debian=true} as root; uses the default cache ~/.cache/kubelift so later builds
 * reuse the base.
 */
class DebianBaseTest {
    @TempDir Path tmp;

    @Test
    void buildsOnTheDebianBaseWithTheStartScriptAsEntrypoint() throws Exception {
        assumeTrue(
                Boolean.getBoolean("kubelift.it.debian")
                        && "root".equals(System.getProperty("user.name")),
                "set -Dkubelift.it.debian=true (as root) to make the Debian base");
        Path app = TinyApp.write(tmp.resolve("app"), "deb");
        ImageOptions o = new ImageOptions("tar:" + tmp.resolve("out"), null, null, false);
        BuildResult first =
                new ImageBuilder(o)
                        .build(TinyApp.plan(true), new DirAppFiles(app), TinyApp.generated());
        BuildResult again =
                new ImageBuilder(o)
                        .build(TinyApp.plan(true), new DirAppFiles(app), TinyApp.generated());
        assertEquals(first.digests(), again.digests());
        Map<String, byte[]> tar = TarReader.read(tmp.resolve("out/hello.tar"), 1 << 20);
        JsonNode manifest = new ObjectMapper().readTree(tar.get("manifest.json")).get(0);
        JsonNode config =
                new ObjectMapper()
                        .readTree(tar.get(manifest.get("Config").asText()))
                        .path("config");
        assertEquals("[\"/opt/kubelift/bin/entrypoint.sh\"]", config.path("Entrypoint").toString());
        assertTrue(
                config.path("Labels")
                        .path("org.opencontainers.image.base.name")
                        .asText()
                        .startsWith("debian:bookworm"));
        Path cache = Path.of(System.getProperty("user.home"), ".cache/kubelift/debian");
        try (var s = Files.list(cache)) {
            assertTrue(s.anyMatch(d -> Files.isRegularFile(d.resolve("base.tar"))));
        }
    }
}
