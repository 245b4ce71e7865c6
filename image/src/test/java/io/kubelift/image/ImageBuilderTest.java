package io.kubelift.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubelift.model.FileSet;
import io.kubelift.model.KubeliftException;
import io.kubelift.testing.app.DirAppFiles;
import io.kubelift.testing.app.TarReader;
import io.kubelift.testing.app.TinyApp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds the tiny app on a jlink base into docker-archives (no registry, no podman needed). */
class ImageBuilderTest {
    @TempDir static Path tmp;
    static Path cache;

    @BeforeAll
    static void setUp() {
        // kept between runs of the module's tests (jlink takes a while); `mvn clean` starts it
        // afresh
        cache = Path.of("target", "kubelift-test-cache").toAbsolutePath();
    }

    private static BuildResult build(Path app, String out) {
        ImageOptions o = new ImageOptions("tar:" + tmp.resolve(out), "jlink", cache, false);
        return new ImageBuilder(o)
                .build(TinyApp.plan(false), new DirAppFiles(app), TinyApp.generated());
    }

    private static JsonNode config(String out) throws Exception {
        Map<String, byte[]> tar = TarReader.read(tmp.resolve(out).resolve("hello.tar"), 1 << 20);
        JsonNode manifest = new ObjectMapper().readTree(tar.get("manifest.json")).get(0);
        return new ObjectMapper().readTree(tar.get(manifest.get("Config").asText()));
    }

    private static List<String> diffIds(JsonNode config) {
        List<String> ids = new ArrayList<>();
        config.path("rootfs").path("diff_ids").forEach(d -> ids.add(d.asText()));
        return ids;
    }

    @Test
    void sameInputGivesSameDigestAndOnlyTheApplicationLayerChangesWithOneClass() throws Exception {
        Path app = TinyApp.write(tmp.resolve("app"), "v1");
        BuildResult first = build(app, "out1");
        BuildResult second = build(app, "out2");
        assertEquals(
                first.digests(),
                second.digests(),
                "rebuilding an unchanged app must give the same digest");
        assertTrue(first.digests().get("hello").startsWith("sha256:"));
        assertEquals("tiny/hello:latest", first.images().get("hello"));

        Path changed = TinyApp.write(tmp.resolve("app-v2"), "v2");
        BuildResult third = build(changed, "out3");
        assertNotEquals(first.digests().get("hello"), third.digests().get("hello"));
        List<String> before = diffIds(config("out1"));
        List<String> after = diffIds(config("out3"));
        assertEquals(before.size(), after.size());
        List<Integer> differing = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
                differing.add(i);
            }
        }
        // layers: glibc, jre, os-user, dependencies, application, config, start-scripts
        assertEquals(7, before.size());
        assertEquals(
                List.of(4), differing, "a one-class change must only touch the application layer");
    }

    @Test
    void imageConfigFollowsTheLayoutContract() throws Exception {
        Path app = TinyApp.write(tmp.resolve("app-c"), "v1");
        build(app, "outc");
        JsonNode c = config("outc").path("config");
        assertEquals("10001:0", c.path("User").asText());
        assertEquals(
                "[\"/opt/java/bin/java\",\"-cp\",\"/opt/app/lib/*\",\"demo.Hello\"]",
                c.path("Entrypoint").toString());
        assertTrue(c.path("ExposedPorts").has("8080/tcp"));
        assertEquals("/opt/app", c.path("WorkingDir").asText());
        assertTrue(c.path("Env").toString().contains("JAVA_HOME=/opt/java"));
        assertEquals(
                "tiny-hello", c.path("Labels").path("org.opencontainers.image.title").asText());
        assertEquals("1970-01-01T00:00:00Z", config("outc").path("created").asText());
    }

    @Test
    void baseWithoutShellNeedsTheJsonArgv() {
        FileSet noArgv =
                new FileSet()
                        .add("scripts/hello/entrypoint.sh", "#!/bin/sh\n", FileSet.Mode.EXECUTABLE);
        KubeliftException e =
                assertThrows(
                        KubeliftException.class,
                        () -> ImageBuilder.commandJson("scripts/hello/", noArgv));
        assertTrue(e.getMessage().startsWith("scripts/hello/command.json: "), e.getMessage());
        FileSet obj =
                new FileSet()
                        .add(
                                "scripts/x/command.json",
                                "{\"command\": [\"/opt/java/bin/java\", \"-version\"]}");
        assertEquals(
                List.of("/opt/java/bin/java", "-version"),
                ImageBuilder.commandJson("scripts/x/", obj));
    }

    @Test
    void targetAndBaseSpellingsAreChecked() {
        assertThrows(KubeliftException.class, () -> ImageTarget.parse("s3:bucket"));
        assertThrows(KubeliftException.class, () -> ImageTarget.parse("registry:"));
        assertEquals(
                new ImageTarget.Registry("localhost:5000/e2e"),
                ImageTarget.parse("registry:localhost:5000/e2e/"));
        ImageBuilder b = new ImageBuilder(new ImageOptions("tar:x", "alpine", cache, false));
        assertThrows(
                KubeliftException.class,
                () -> b.baseKind(TinyApp.plan(false).spec().components().get(0)));
        ImageBuilder auto = new ImageBuilder(new ImageOptions("tar:x", null, cache, false));
        assertEquals("debian", auto.baseKind(TinyApp.plan(true).spec().components().get(0)));
        assertEquals("jlink", auto.baseKind(TinyApp.plan(false).spec().components().get(0)));
    }

    /**
     * Issue #15: command.json's argv may reference a secret as ${NAME}, which only the start script
     * expands; a base without a shell would hand java the literal text.
     */
    @Test
    void aCommandThatReferencesTheEnvironmentGetsABaseWithAShell() {
        var c = TinyApp.plan(false).spec().components().get(0);
        String dir = "scripts/" + c.name() + "/";
        FileSet withRefs =
                new FileSet()
                        .add(
                                dir + "command.json",
                                "{\"command\": [\"/opt/java/bin/java\", \"-Dpw=${DB_PASSWORD}\", \"Main\"],"
                                        + " \"environment\": [\"DB_PASSWORD\"]}");
        FileSet plain =
                new FileSet().add(dir + "command.json", "[\"/opt/java/bin/java\", \"Main\"]");
        ImageBuilder auto = new ImageBuilder(new ImageOptions("tar:x", null, cache, false));
        assertEquals("debian", auto.baseKind(c, withRefs));
        assertEquals("jlink", auto.baseKind(c, plain));
        assertEquals(
                java.util.Set.of("DB_PASSWORD"), ImageBuilder.environmentReferences(dir, withRefs));
        assertEquals(java.util.Set.of(), ImageBuilder.environmentReferences(dir, plain));
    }

    @Test
    void runtimeUserGetsAPasswdLineReplacingAnyWithTheSameUid() {
        ImageUser u = ImageUser.of(1000L);
        String passwd =
                u.passwd("root:x:0:0:root:/root:/bin/bash\nold:x:1000:1000::/home/old:/bin/sh\n");
        assertEquals(
                "root:x:0:0:root:/root:/bin/bash\napp:x:1000:0:kubelift runtime user:/home/app:/bin/sh\n",
                passwd);
        assertThrows(KubeliftException.class, () -> ImageUser.of(0L));
    }
}
