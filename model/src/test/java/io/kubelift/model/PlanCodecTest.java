package io.kubelift.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.testing.Golden;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PlanCodecTest {
    private static String fixture() throws IOException {
        try (InputStream in = PlanCodecTest.class.getResourceAsStream("/hadoop-plan.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void yamlRoundTripIsByteIdentical() throws IOException {
        MigrationPlan plan = PlanCodec.read(fixture(), "plan.yaml", false);
        assertEquals("hadoop-yarn", plan.metadata().name());
        Component rm = plan.component("resourcemanager").orElseThrow();
        assertEquals(Workload.StatefulSet, rm.workload());
        assertEquals(8088, rm.ports().get(0).port());
        assertEquals("SSL_SERVER_KEYSTORE_PASSWORD", rm.secrets().get(0).env());
        String yaml = PlanCodec.toYaml(plan);
        assertEquals(plan, PlanCodec.read(yaml, "again.yaml", false));
        assertEquals(yaml, PlanCodec.toYaml(PlanCodec.read(yaml, "again.yaml", false)));
        assertTrue(yaml.startsWith("apiVersion: kubelift.io/v1alpha1\nkind: MigrationPlan\n"), yaml);
    }

    @Test
    void jsonRoundTrip() throws IOException {
        MigrationPlan plan = PlanCodec.read(fixture(), "plan.yaml", false);
        String json = PlanCodec.toJson(plan);
        assertEquals(plan, PlanCodec.read(json, "plan.json", true));
    }

    @Test
    void unknownFieldNamesFileLineAndColumn() throws IOException {
        String bad = fixture().replace("    replicas: 1\n", "    replicas: 1\n    replica: 2\n");
        KubeliftException e = assertThrows(KubeliftException.class, () -> PlanCodec.read(bad, "plan.yaml", false));
        assertTrue(e.getMessage().startsWith("plan.yaml:14:"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown field 'replica'"), e.getMessage());
        assertEquals(3, e.exitCode());
    }

    @Test
    void wrongTypeNamesTheLine() throws IOException {
        String bad = fixture().replace("      port: 8088\n", "      port: eighty\n");
        KubeliftException e = assertThrows(KubeliftException.class, () -> PlanCodec.read(bad, "plan.yaml", false));
        assertTrue(e.getMessage().startsWith("plan.yaml:24:"), e.getMessage());
        assertTrue(e.getMessage().contains("wrong type at spec.components[0].ports[0].port: expected a whole number"), e.getMessage());
    }

    @Test
    void missingRequiredFieldIsReported() throws IOException {
        String bad = fixture().replace("  - name: resourcemanager\n", "  - description: no name\n");
        KubeliftException e = assertThrows(KubeliftException.class, () -> PlanCodec.read(bad, "plan.yaml", false));
        assertTrue(e.getMessage().matches("plan\\.yaml:\\d+:\\d+: .*name.*"), e.getMessage());
    }

    @Test
    void wrongApiVersionIsRejected() throws IOException {
        String bad = fixture().replace("kubelift.io/v1alpha1", "kubelift.io/v9");
        KubeliftException e = assertThrows(KubeliftException.class, () -> PlanCodec.read(bad, "plan.yaml", false));
        assertTrue(e.getMessage().contains("apiVersion must be kubelift.io/v1alpha1"), e.getMessage());
    }

    @Test
    void aliasBombIsRefused() {
        StringBuilder sb = new StringBuilder("a: &a [x,x,x,x,x,x,x,x,x]\n");
        for (int i = 1; i < 12; i++) {
            sb.append((char) ('a' + i)).append(": &").append((char) ('a' + i)).append(" [");
            for (int j = 0; j < 9; j++) {
                sb.append(j == 0 ? "" : ",").append('*').append((char) ('a' + i - 1));
            }
            sb.append("]\n");
        }
        KubeliftException e = assertThrows(KubeliftException.class, () -> PlanCodec.read(sb.toString(), "bomb.yaml", false));
        assertTrue(e.getMessage().startsWith("bomb.yaml"), e.getMessage());
    }

    @Test
    void emptyPlanIsABadInput() {
        KubeliftException e = assertThrows(KubeliftException.class, () -> PlanCodec.read("  \n", "plan.yaml", false));
        assertEquals("plan.yaml: is empty — a plan starts with 'apiVersion: kubelift.io/v1alpha1'", e.getMessage());
    }

    @Test
    void secretValuesNeverPrint() {
        SecretValue v = SecretValue.of("s3cr3t");
        assertEquals("****", v.toString());
        assertEquals("\"****\"\n", PlanCodec.toJson(v));
        assertEquals("password=****", v.maskIn("password=s3cr3t"));
        Fact f = Fact.of(FactKind.SECRET, "db.password", "s3cr3t", Evidence.of("a.properties", 3, "db.password=****"));
        assertEquals("****", f.value());
    }

    @Test
    void publishedSchemaIsCurrent() {
        Golden.assertMatches(Path.of("../docs/plan.schema.json"), PlanSchema.generate());
    }
}
