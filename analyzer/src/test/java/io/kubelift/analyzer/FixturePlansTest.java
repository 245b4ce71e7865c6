package io.kubelift.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.model.Component;
import io.kubelift.model.FactKind;
import io.kubelift.model.PlanCodec;
import io.kubelift.model.Port;
import io.kubelift.testing.Golden;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Each fixture layout's plan against its golden file, plus the key expectations spelled out. */
class FixturePlansTest {
    static Analysis analyze(String layout) {
        Path app = Path.of("src/test/resources/fixtures", layout);
        return Analyzer.withDefaultDetectors().analyze(app, new AnalyzeOptions(null, "fixtures/" + layout));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hadoop-yarn", "zookeeper", "kafka", "plain-java"})
    void planMatchesGolden(String layout) {
        Analysis a = analyze(layout);
        Golden.assertMatches(Path.of("src/test/resources/golden", layout + ".plan.yaml"), PlanCodec.toYaml(a.plan()));
        assertEquals(PlanCodec.toYaml(a.plan()), PlanCodec.toYaml(analyze(layout).plan()), "analysis is deterministic");
    }

    @Test
    void hadoopDefaultsAndPinnedAddress() {
        Analysis a = analyze("hadoop-yarn");
        Component rm = a.plan().component("resourcemanager").orElseThrow();
        Component nm = a.plan().component("nodemanager").orElseThrow();
        assertEquals(java.util.List.of(8030, 8031, 8032, 8033, 8088), rm.ports().stream().map(Port::port).toList());
        assertEquals("yarn.resourcemanager.hostname", a.plan().component("nodemanager").orElseThrow().peers().get(0).configKey());
        assertEquals(java.util.List.of(8040, 8041, 8042, 13562), nm.ports().stream().map(Port::port).toList());
        assertEquals("StatefulSet", rm.workload().name(), "recovery on → stateful RM");
        assertEquals("1536Mi", rm.resources().memory());
        assertEquals("1152Mi", nm.resources().memory());
        assertTrue(nm.entrypoint().jvmOptions().contains("--add-opens=java.base/java.lang=ALL-UNNAMED"));
        assertFalse(nm.entrypoint().jvmOptions().stream().anyMatch(o -> o.startsWith("-Xmx")));
        assertTrue(nm.configOverrides().stream().anyMatch(o -> o.key().equals("yarn.nodemanager.address") && o.value().endsWith(":8041")));
        assertTrue(a.plan().component("rmadmin").isEmpty(), "admin CLI is not a component");
    }

    @Test
    void clientsAreNotComponents() {
        Analysis zk = analyze("zookeeper");
        assertEquals(java.util.List.of("zkserver"), zk.plan().spec().components().stream().map(Component::name).toList());
        assertTrue(zk.facts().of(FactKind.JAVA_LAUNCH).anyMatch(f -> "client".equals(f.attr("classification"))
                && f.subject().equals("org.apache.zookeeper.ZooKeeperMain")));
        Analysis kafka = analyze("kafka");
        assertEquals(java.util.List.of("kafka-server"), kafka.plan().spec().components().stream().map(Component::name).toList());
        assertEquals("kafka.Kafka", kafka.plan().spec().components().get(0).entrypoint().mainClass());
    }
}
