package io.kubelift.analyzer.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.analyzer.AnalyzeOptions;
import io.kubelift.analyzer.Analyzer;
import io.kubelift.model.Component;
import io.kubelift.model.KubeliftException;
import io.kubelift.model.MigrationPlan;
import io.kubelift.model.PlanCodec;
import io.kubelift.model.Port;
import io.kubelift.model.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A product kubelift does not know, described by a profile file a user writes: found without a rebuild. */
class ProfileDetectorTest {
    static final Path APP = Path.of("src/test/resources/fixtures/acme-queue");
    static final Path PROFILES = Path.of("src/test/resources/profiles/acme");

    static MigrationPlan plan(Path app, List<Path> profiles) {
        return Analyzer.withProfiles(profiles).analyze(app, new AnalyzeOptions("acme", "fixtures/acme-queue")).plan();
    }

    @Test
    void aUserProfileDescribesTheProduct() {
        MigrationPlan plan = plan(APP, List.of(PROFILES));
        assertEquals(List.of("queue"), plan.spec().components().stream().map(Component::name).toList(), "the admin tool is not a component");
        Component q = plan.spec().components().get(0);
        assertEquals("profile:acme-queue", q.detector());
        assertEquals("com.acme.queue.QueueServer", q.entrypoint().mainClass());
        assertEquals("bin/acmeq-server.sh", q.entrypoint().script(), "the launch the script makes (inside a function)");
        assertEquals(List.of("admin:7601:acmeq.admin.port", "queue:7700:acmeq.listen.port"),
                q.ports().stream().map(p -> p.name() + ":" + p.port() + ":" + p.configKey()).toList(),
                "the configured port, and the product's default for the key left unset");
        assertEquals("conf/acmeq.properties", q.ports().get(1).evidence().file());
        assertTrue(q.ports().stream().filter(p -> p.name().equals("admin")).allMatch(Port::isHttp));
        assertEquals("/health", q.health().path());
        assertEquals(Workload.StatefulSet, q.workload(), "durable state");
        assertEquals(List.of("data"), q.state().stream().map(s -> s.path()).toList());
        assertTrue(q.secrets().stream().anyMatch(s -> s.key().equals("acmeq.admin.secret")));
        assertFalse(PlanCodec.toYaml(plan).contains("not-a-real-secret"), "the secret's value never enters the plan");
        assertEquals(PlanCodec.toYaml(plan), PlanCodec.toYaml(plan(APP, List.of(PROFILES))), "deterministic");
    }

    @Test
    void withoutTheProfileOnlyTheGenericReadingRemains() {
        MigrationPlan plan = plan(APP, List.of());
        assertTrue(plan.spec().components().stream().noneMatch(c -> c.name().equals("queue")));
        assertTrue(plan.spec().components().stream().flatMap(c -> c.ports().stream()).noneMatch(p -> p.port() == 7601));
    }

    @Test
    void aProductNotPresentAddsNothing(@TempDir Path app) throws Exception {
        Files.writeString(app.resolve("README"), "nothing here");
        assertEquals(List.of(), plan(app, List.of(PROFILES)).spec().components());
    }

    @Test
    void noLaunchInterpretedTheProfileEntrypointStands(@TempDir Path app) throws Exception {
        Files.createDirectories(app.resolve("conf"));
        Files.createDirectories(app.resolve("bin"));
        Files.writeString(app.resolve("conf/acmeq.properties"), "acmeq.admin.port=9000\n");
        Files.writeString(app.resolve("bin/acmeq-server.sh"), "#!/bin/sh\n$(find_launcher) \"$@\"\n");
        Component q = plan(app, List.of(PROFILES)).spec().components().get(0);
        assertEquals("com.acme.queue.QueueServer", q.entrypoint().mainClass());
        assertEquals(List.of("lib/*"), q.entrypoint().classpath());
        assertEquals("bin/acmeq-server.sh", q.entrypoint().script());
        assertTrue(q.description().contains("no launch interpreted"), q.description());
        assertEquals(List.of(7600, 9000), q.ports().stream().map(Port::port).toList());
    }

    @Test
    void aBrokenProfileNamesItsFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), "id: bad\nrecognise: {allFiles: [x]}\ncomponents:\n  - name: x\n    mainClass: a.B\n    colour: blue\n");
        KubeliftException e = assertThrows(KubeliftException.class, () -> Profiles.load(List.of(dir)));
        assertTrue(e.getMessage().startsWith(dir.resolve("bad.yaml") + ":6: not a valid product profile"), e.getMessage());
        assertFalse(e.getMessage().contains("\tat "));
        Files.writeString(dir.resolve("bad.yaml"), "id: bad\nrecognise: {}\ncomponents:\n  - name: x\n    mainClass: a.B\n    ports: [{key: p, port: 70000}]\n");
        assertTrue(assertThrows(KubeliftException.class, () -> Profiles.load(List.of(dir))).getMessage().contains("70000 is not in 1..65535"));
        assertThrows(KubeliftException.class, () -> Profiles.load(List.of(dir.resolve("missing"))));
    }

    @Test
    void aUserProfileReplacesTheBuiltInOfTheSameId(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("jetty.yaml"), "id: jetty\nrecognise: {allFiles: [never-there]}\ncomponents: []\n");
        List<ProductProfile> all = Profiles.load(List.of(dir));
        assertEquals(1, all.stream().filter(p -> p.id().equals("jetty")).count());
        assertEquals(List.of("never-there"), all.stream().filter(p -> p.id().equals("jetty")).findFirst().orElseThrow().recognise().allFiles());
    }

    @Test
    void everyBuiltInProfileLoadsAndCitesItsSources() {
        List<ProductProfile> builtIn = Profiles.builtIn();
        assertTrue(builtIn.size() >= 6);
        for (ProductProfile p : builtIn) {
            assertFalse(p.sources().isEmpty(), p.id() + " names the documents its facts come from");
            assertFalse(p.components().isEmpty(), p.id());
        }
    }

    @Test
    void globsMatchPathSuffixesWithinSegments() {
        assertTrue(ProfileDetector.glob("etc/*.xml").matcher("x/etc/jetty.xml").matches());
        assertFalse(ProfileDetector.glob("etc/*.xml").matcher("etc/sub/jetty.xml").matches());
        assertTrue(ProfileDetector.glob("start.jar").matcher("start.jar").matches());
        assertFalse(ProfileDetector.glob("start.jar").matcher("restart.jar").matches());
    }
}
