package io.kubelift.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.model.Component;
import io.kubelift.model.ConfigOverride;
import io.kubelift.model.Evidence;
import io.kubelift.model.FactKind;
import io.kubelift.model.Peer;
import io.kubelift.model.PlanCodec;
import io.kubelift.model.Port;
import io.kubelift.model.SecretRef;
import io.kubelift.model.SecretValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The must-show list of issue 4 on the real Hadoop YARN sample ({@code ../samples/hadoop-yarn}),
 * when the branch has it: RM and NM with their main classes, every port with its config key, the RM
 * hostname as a peer, every secret the sample holds (values never in the plan), state and log dirs,
 * and memory from the heap settings.
 */
class HadoopYarnSampleTest {
    static final Path SAMPLE = Path.of("../samples/hadoop-yarn");
    static Analysis analysis;

    @BeforeAll
    static void analyse() {
        Assumptions.assumeTrue(
                Files.isDirectory(SAMPLE.resolve("etc/hadoop")),
                "the sample is not on this branch");
        analysis =
                Analyzer.withDefaultDetectors()
                        .analyze(SAMPLE, new AnalyzeOptions(null, "samples/hadoop-yarn"));
    }

    static Component component(String name) {
        return analysis.plan()
                .component(name)
                .orElseThrow(
                        () ->
                                new AssertionError(
                                        "no component "
                                                + name
                                                + " in\n"
                                                + PlanCodec.toYaml(analysis.plan())));
    }

    @Test
    void daemonsWithTheirMainClasses() {
        assertEquals(
                "org.apache.hadoop.yarn.server.resourcemanager.ResourceManager",
                component("resourcemanager").entrypoint().mainClass());
        assertEquals(
                "org.apache.hadoop.yarn.server.nodemanager.NodeManager",
                component("nodemanager").entrypoint().mainClass());
        assertEquals(
                List.of("etc/hadoop", "lib/*"),
                component("resourcemanager").entrypoint().classpath(),
                "app-relative classpath from $(cd … && pwd)");
        Set<String> names =
                analysis.plan().spec().components().stream()
                        .map(Component::name)
                        .collect(Collectors.toSet());
        assertFalse(
                names.contains("rmadmin")
                        || names.contains("cleanup-logs")
                        || names.contains("application"),
                "clients are not components: " + names);
    }

    @Test
    void everyPortWithItsConfigKeyAndEvidenceText() {
        assertPorts(component("resourcemanager"), List.of(8030, 8031, 8032, 8033, 8088));
        assertPorts(component("nodemanager"), List.of(8040, 8041, 8042, 13562));
        assertEquals(
                "yarn.resourcemanager.webapp.address",
                port(component("resourcemanager"), 8088).configKey());
        assertEquals("yarn.nodemanager.address", port(component("nodemanager"), 8041).configKey());
        assertEquals("mapreduce.shuffle.port", port(component("nodemanager"), 13562).configKey());
        assertTrue(
                component("nodemanager").configOverrides().stream()
                        .anyMatch(
                                o ->
                                        o.key().equals("yarn.nodemanager.address")
                                                && o.value().endsWith(":8041")),
                "the ephemeral NM address is pinned");
    }

    private static void assertPorts(Component c, List<Integer> expected) {
        assertEquals(expected, c.ports().stream().map(Port::port).sorted().toList(), c.name());
        for (Port p : c.ports()) {
            assertNotNull(p.configKey(), c.name() + " port " + p.port() + " has a config key");
            assertNotNull(p.evidence(), c.name() + " port " + p.port() + " has evidence");
        }
        c.ports().stream()
                .filter(p -> p.evidence().line() > 0)
                .forEach(p -> assertHasText(p.evidence(), c.name() + " port " + p.port()));
    }

    private static Port port(Component c, int port) {
        return c.ports().stream().filter(p -> p.port() == port).findFirst().orElseThrow();
    }

    @Test
    void resourceManagerHostnameIsAPeer() {
        for (String name : List.of("nodemanager")) {
            List<Peer> peers = component(name).peers();
            assertTrue(
                    peers.stream()
                            .anyMatch(
                                    p ->
                                            p.configKey().equals("yarn.resourcemanager.hostname")
                                                    && p.component().equals("resourcemanager")
                                                    && "rm01.example.internal".equals(p.host())),
                    name + " peers: " + peers);
            peers.forEach(p -> assertHasText(p.evidence(), "peer " + p.configKey()));
        }
        for (ConfigOverride o : component("nodemanager").configOverrides()) {
            if (o.evidence().line() > 0) {
                assertHasText(o.evidence(), "override " + o.key());
            }
        }
    }

    @Test
    void everySecretTheSampleHoldsIsOnAComponentAndNoValueIsInThePlan() {
        Set<String> found =
                analysis.facts()
                        .of(FactKind.SECRET)
                        .map(f -> f.evidence().file() + "#" + f.subject())
                        .collect(Collectors.toCollection(TreeSet::new));
        Set<String> inPlan =
                analysis.plan().spec().components().stream()
                        .flatMap(c -> c.secrets().stream())
                        .map(s -> s.file() + "#" + s.key())
                        .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(
                found.containsAll(
                        Set.of(
                                "etc/hadoop/ssl-server.xml#ssl.server.keystore.password",
                                "etc/hadoop/ssl-server.xml#ssl.server.keystore.keypassword",
                                "etc/hadoop/ssl-server.xml#ssl.server.truststore.password",
                                "etc/hadoop/core-site.xml#hadoop.zk.auth",
                                "etc/hadoop/yarn-site.xml#yarn.federation.state-store.sql.password")),
                "secrets found: " + found);
        assertEquals(found, inPlan, "every secret is attached to a component that reads it");
        String yaml = PlanCodec.toYaml(analysis.plan());
        AppSecrets values = AppSecrets.of(analysis.files());
        for (Component c : analysis.plan().spec().components()) {
            for (SecretRef s : c.secrets()) {
                SecretValue v =
                        values.valueOf(s)
                                .orElseThrow(
                                        () ->
                                                new AssertionError(
                                                        "value of " + s.key() + " readable"));
                assertFalse(yaml.contains(v.reveal()), s.key() + " value is not in the plan");
            }
        }
        assertTrue(
                component("resourcemanager").secrets().stream()
                        .anyMatch(s -> s.key().equals("yarn.federation.state-store.sql.password")));
        // the NodeManager mounts yarn-site.xml too: its ConfigMap holds the whole file, so it must
        // carry every secret
        // in it (as an environment reference), whichever daemon uses the key — else the value would
        // sit in a ConfigMap
        Component nm = component("nodemanager");
        assertTrue(
                nm.configFiles().stream()
                        .anyMatch(f -> f.path().equals("etc/hadoop/yarn-site.xml")));
        assertTrue(
                nm.secrets().stream()
                        .anyMatch(s -> s.key().equals("yarn.federation.state-store.sql.password")),
                "a secret of a mounted file is the component's secret");
    }

    @Test
    void stateLogsAndMemory() {
        Component nm = component("nodemanager");
        assertTrue(
                nm.state().stream()
                        .anyMatch(s -> "yarn.nodemanager.local-dirs".equals(s.configKey())),
                "NM local dirs: " + nm.state());
        for (Component c : List.of(component("resourcemanager"), nm)) {
            assertFalse(c.logs().isEmpty(), c.name() + " log dirs");
            assertNotNull(c.resources(), c.name() + " resources");
            assertNotNull(c.resources().memory(), c.name() + " memory from the heap");
            assertHasText(c.resources().evidence(), c.name() + " heap evidence");
        }
    }

    private static void assertHasText(Evidence e, String what) {
        assertNotNull(e, what + " evidence");
        assertTrue(
                e.text() != null && !e.text().isBlank(),
                what + " evidence text at " + e.location());
    }
}
