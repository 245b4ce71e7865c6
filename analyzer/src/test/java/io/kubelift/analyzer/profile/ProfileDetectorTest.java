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

/**
 * A product kubelift does not know, described by a profile file a user writes: found without a
 * rebuild.
 */
class ProfileDetectorTest {
    static final Path APP = Path.of("src/test/resources/fixtures/acme-queue");
    static final Path PROFILES = Path.of("src/test/resources/profiles/acme");

    static MigrationPlan plan(Path app, List<Path> profiles) {
        return Analyzer.withProfiles(profiles)
                .analyze(app, new AnalyzeOptions("acme", "fixtures/acme-queue"))
                .plan();
    }

    @Test
    void aUserProfileDescribesTheProduct() {
        MigrationPlan plan = plan(APP, List.of(PROFILES));
        assertEquals(
                List.of("queue"),
                plan.spec().components().stream().map(Component::name).toList(),
                "the admin tool is not a component");
        Component q = plan.spec().components().get(0);
        assertEquals("profile:acme-queue", q.detector());
        assertEquals("com.acme.queue.QueueServer", q.entrypoint().mainClass());
        assertEquals(
                "bin/acmeq-server.sh",
                q.entrypoint().script(),
                "the launch the script makes (inside a function)");
        assertEquals(
                List.of("admin:7601:acmeq.admin.port", "queue:7700:acmeq.listen.port"),
                q.ports().stream()
                        .map(p -> p.name() + ":" + p.port() + ":" + p.configKey())
                        .toList(),
                "the configured port, and the product's default for the key left unset");
        assertEquals("conf/acmeq.properties", q.ports().get(1).evidence().file());
        assertTrue(q.ports().stream().filter(p -> p.name().equals("admin")).allMatch(Port::isHttp));
        assertEquals("/health", q.health().path());
        assertEquals(Workload.StatefulSet, q.workload(), "durable state");
        assertEquals(List.of("data"), q.state().stream().map(s -> s.path()).toList());
        assertTrue(q.secrets().stream().anyMatch(s -> s.key().equals("acmeq.admin.secret")));
        assertFalse(
                PlanCodec.toYaml(plan).contains("not-a-real-secret"),
                "the secret's value never enters the plan");
        assertEquals(
                PlanCodec.toYaml(plan),
                PlanCodec.toYaml(plan(APP, List.of(PROFILES))),
                "deterministic");
    }

    @Test
    void withoutTheProfileOnlyTheGenericReadingRemains() {
        MigrationPlan plan = plan(APP, List.of());
        assertTrue(plan.spec().components().stream().noneMatch(c -> c.name().equals("queue")));
        assertTrue(
                plan.spec().components().stream()
                        .flatMap(c -> c.ports().stream())
                        .noneMatch(p -> p.port() == 7601));
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
        Files.writeString(
                app.resolve("bin/acmeq-server.sh"), "#!/bin/sh\n$(find_launcher) \"$@\"\n");
        Component q = plan(app, List.of(PROFILES)).spec().components().get(0);
        assertEquals("com.acme.queue.QueueServer", q.entrypoint().mainClass());
        assertEquals(List.of("lib/*"), q.entrypoint().classpath());
        assertEquals("bin/acmeq-server.sh", q.entrypoint().script());
        assertTrue(q.description().contains("no launch interpreted"), q.description());
        assertEquals(List.of(7600, 9000), q.ports().stream().map(Port::port).toList());
    }

    /**
     * A Jetty base: only the XML of the modules start.ini enables (and their [depend]s) gives
     * ports.
     */
    static Component jetty(Path app, String startIni) throws Exception {
        Files.createDirectories(app.resolve("etc"));
        Files.createDirectories(app.resolve("modules"));
        Files.write(app.resolve("start.jar"), new byte[0]);
        String xmlPort =
                "<Configure id=\"Server\"><Call name=\"addConnector\"><Arg><New><Set name=\"port\">"
                        + "<Property name=\"%s\" default=\"%d\"/></Set></New></Arg></Call></Configure>\n";
        Files.writeString(app.resolve("etc/jetty.xml"), "<Configure id=\"Server\"/>\n");
        Files.writeString(
                app.resolve("etc/jetty-http.xml"), String.format(xmlPort, "jetty.http.port", 8080));
        Files.writeString(
                app.resolve("etc/jetty-ssl.xml"), String.format(xmlPort, "jetty.ssl.port", 8443));
        Files.writeString(
                app.resolve("etc/jetty-debuglog.xml"),
                "<Configure id=\"Server\"><Set name=\"dir\">"
                        + "<Property name=\"jetty.debuglog.dir\" default=\"debug/logs\"/></Set></Configure>\n");
        Files.writeString(app.resolve("modules/server.mod"), "[xml]\netc/jetty.xml\n");
        Files.writeString(
                app.resolve("modules/http.mod"),
                "# http\n[depend]\nserver\n\n[xml]\netc/jetty-http.xml\n");
        Files.writeString(
                app.resolve("modules/ssl.mod"), "[depend]\nserver\n[xml]\netc/jetty-ssl.xml\n");
        if (startIni != null) {
            Files.writeString(app.resolve("start.ini"), startIni);
        }
        return Analyzer.withProfiles(List.of())
                .analyze(app, new AnalyzeOptions("jetty", "jetty"))
                .plan()
                .spec()
                .components()
                .stream()
                .filter(c -> c.name().equals("jetty"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aFileListensOnlyWhenTheLauncherEnablesItsModule(
            @TempDir Path a, @TempDir Path b, @TempDir Path c) throws Exception {
        Component only = jetty(a, "--module=http\n");
        assertEquals(
                List.of(8080),
                only.ports().stream().map(Port::port).toList(),
                "ssl is not enabled");
        assertEquals(
                List.of("logs"),
                only.logs().stream().map(l -> l.path()).toList(),
                "debuglog is not enabled: only the profile's logs");
        assertEquals(
                List.of(8080, 8443),
                jetty(b, "--module=http\n--modules=ssl\n").ports().stream()
                        .map(Port::port)
                        .toList());
        assertEquals(
                List.of(8080),
                jetty(c, null).ports().stream().map(Port::port).toList(),
                "no base: only the product's default");
    }

    @Test
    void aDemoBaseBesideTheInstallDoesNotEnableItsModules(@TempDir Path a, @TempDir Path b)
            throws Exception {
        Files.createDirectories(a.resolve("demo-base/start.d"));
        Files.writeString(a.resolve("demo-base/start.d/https.ini"), "--module=ssl\n");
        assertEquals(
                List.of(8080),
                jetty(a, "--module=http\n").ports().stream().map(Port::port).toList(),
                "the install's start.ini rules");
        // a base apart from a home without start.ini: its modules load the home's files
        Files.createDirectories(b.resolve("base/start.d"));
        Files.writeString(b.resolve("base/start.d/ssl.ini"), "--module=ssl\n");
        assertEquals(List.of(8080, 8443), jetty(b, null).ports().stream().map(Port::port).toList());
    }

    @Test
    void onlyThePortFilesGivePorts(@TempDir Path app, @TempDir Path profiles) throws Exception {
        Files.createDirectories(app.resolve("conf"));
        Files.writeString(app.resolve("conf/host.properties"), "management.port=9990\n");
        Files.writeString(app.resolve("conf/servers.properties"), "http.port=8080\n");
        Files.writeString(
                profiles.resolve("ctl.yaml"),
                "id: ctl\nsources: [https://docs.example.com/ctl]\n"
                        + "recognise: {allFiles: [conf/host.properties]}\ncomponents:\n  - name: controller\n    mainClass: com.example.Ctl\n"
                        + "    configFiles: [\"conf/*.properties\"]\n    portFiles: [conf/host.properties]\n");
        Component c = plan(app, List.of(profiles)).spec().components().get(0);
        assertEquals(
                List.of(9990),
                c.ports().stream().map(Port::port).toList(),
                "servers.properties is shipped, not listened on");
        assertEquals(2, c.configFiles().size());
    }

    @Test
    void aPortWhoseSwitchIsOffDoesNotListen(@TempDir Path app, @TempDir Path profiles)
            throws Exception {
        Files.createDirectories(app.resolve("etc"));
        Files.writeString(
                app.resolve("etc/mgmt.cfg"),
                "jmxmpEnabled = false\njmxmpPort = 9999\nsshPort = 8101\n"
                        + "admin.enabled=true\nadmin.port=9000\nweb-enabled: FALSE\nweb-port: 8181\n");
        Files.writeString(
                profiles.resolve("osgi.yaml"),
                "id: osgi\nsources: [https://docs.example.com/osgi]\n"
                        + "recognise: {allFiles: [etc/mgmt.cfg]}\ncomponents:\n  - name: osgi\n    mainClass: com.example.Osgi\n"
                        + "    configFiles: [\"etc/*.cfg\"]\n");
        Component c = plan(app, List.of(profiles)).spec().components().get(0);
        assertEquals(
                List.of(8101, 9000),
                c.ports().stream().map(Port::port).toList(),
                "jmxmp and web are switched off");
    }

    @Test
    void aBrokenProfileNamesItsFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("bad.yaml"),
                "id: bad\nrecognise: {allFiles: [x]}\ncomponents:\n  - name: x\n    mainClass: a.B\n    colour: blue\n");
        KubeliftException e =
                assertThrows(KubeliftException.class, () -> Profiles.load(List.of(dir)));
        assertTrue(
                e.getMessage()
                        .startsWith(dir.resolve("bad.yaml") + ":6: not a valid product profile"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\tat "));
        Files.writeString(
                dir.resolve("bad.yaml"),
                "id: bad\nrecognise: {}\ncomponents:\n  - name: x\n    mainClass: a.B\n    ports: [{key: p, port: 70000}]\n");
        assertTrue(
                assertThrows(KubeliftException.class, () -> Profiles.load(List.of(dir)))
                        .getMessage()
                        .contains("70000 is not in 1..65535"));
        assertThrows(KubeliftException.class, () -> Profiles.load(List.of(dir.resolve("missing"))));
    }

    @Test
    void aUserProfileReplacesTheBuiltInOfTheSameId(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("jetty.yaml"),
                "id: jetty\nrecognise: {allFiles: [never-there]}\ncomponents: []\n");
        List<ProductProfile> all = Profiles.load(List.of(dir));
        assertEquals(1, all.stream().filter(p -> p.id().equals("jetty")).count());
        assertEquals(
                List.of("never-there"),
                all.stream()
                        .filter(p -> p.id().equals("jetty"))
                        .findFirst()
                        .orElseThrow()
                        .recognise()
                        .allFiles());
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
