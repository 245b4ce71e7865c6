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
        assertTrue(
                yaml.startsWith("apiVersion: kubelift.io/v1alpha1\nkind: MigrationPlan\n"), yaml);
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
        KubeliftException e =
                assertThrows(
                        KubeliftException.class, () -> PlanCodec.read(bad, "plan.yaml", false));
        assertTrue(e.getMessage().startsWith("plan.yaml:14:"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown field 'replica'"), e.getMessage());
        assertEquals(3, e.exitCode());
    }

    @Test
    void wrongTypeNamesTheLine() throws IOException {
        String bad = fixture().replace("      port: 8088\n", "      port: eighty\n");
        KubeliftException e =
                assertThrows(
                        KubeliftException.class, () -> PlanCodec.read(bad, "plan.yaml", false));
        assertTrue(e.getMessage().startsWith("plan.yaml:24:"), e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains(
                                "wrong type at spec.components[0].ports[0].port: expected a whole number"),
                e.getMessage());
    }

    @Test
    void missingRequiredFieldIsReported() throws IOException {
        String bad = fixture().replace("  - name: resourcemanager\n", "  - description: no name\n");
        KubeliftException e =
                assertThrows(
                        KubeliftException.class, () -> PlanCodec.read(bad, "plan.yaml", false));
        assertTrue(e.getMessage().matches("plan\\.yaml:\\d+:\\d+: .*name.*"), e.getMessage());
    }

    @Test
    void wrongApiVersionIsRejected() throws IOException {
        String bad = fixture().replace("kubelift.io/v1alpha1", "kubelift.io/v9");
        KubeliftException e =
                assertThrows(
                        KubeliftException.class, () -> PlanCodec.read(bad, "plan.yaml", false));
        assertTrue(
                e.getMessage().contains("apiVersion must be kubelift.io/v1alpha1"), e.getMessage());
        // at its own line, not at the end of the file (issue #15)
        int line = bad.substring(0, bad.indexOf("apiVersion:")).split("\n", -1).length;
        assertTrue(e.getMessage().startsWith("plan.yaml:" + line + ":"), e.getMessage());
    }

    @Test
    void wrongKindIsReportedAtItsLine() throws IOException {
        String bad = fixture().replace("kind: MigrationPlan", "kind: Deployment");
        KubeliftException e =
                assertThrows(
                        KubeliftException.class, () -> PlanCodec.read(bad, "plan.yaml", false));
        int line = bad.substring(0, bad.indexOf("kind: Deployment")).split("\n", -1).length;
        assertTrue(e.getMessage().startsWith("plan.yaml:" + line + ":"), e.getMessage());
        assertTrue(e.getMessage().contains("kind must be MigrationPlan"), e.getMessage());
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
        KubeliftException e =
                assertThrows(
                        KubeliftException.class,
                        () -> PlanCodec.read(sb.toString(), "bomb.yaml", false));
        assertTrue(e.getMessage().startsWith("bomb.yaml"), e.getMessage());
    }

    @Test
    void emptyPlanIsABadInput() {
        KubeliftException e =
                assertThrows(
                        KubeliftException.class, () -> PlanCodec.read("  \n", "plan.yaml", false));
        assertEquals(
                "plan.yaml: is empty — a plan starts with 'apiVersion: kubelift.io/v1alpha1'",
                e.getMessage());
    }

    @Test
    void secretValuesNeverPrint() {
        SecretValue v = SecretValue.of("s3cr3t");
        assertEquals("****", v.toString());
        assertEquals("\"****\"\n", PlanCodec.toJson(v));
        assertEquals("password=****", v.maskIn("password=s3cr3t"));
        Fact f =
                Fact.of(
                        FactKind.SECRET,
                        "db.password",
                        "s3cr3t",
                        Evidence.of("a.properties", 3, "db.password=****"));
        assertEquals("****", f.value());
    }

    @Test
    void publishedSchemaIsCurrent() {
        Golden.assertMatches(Path.of("../docs/plan.schema.json"), PlanSchema.generate());
    }

    @Test
    void aYamlSyntaxErrorIsReportedAtTheLineThatIsWrong() throws IOException {
        String[] lines = fixture().split("\n", -1);
        int target = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("mainClass:")) {
                lines[i] = lines[i] + ": extra";
                target = i + 1;
                break;
            }
        }
        String bad = String.join("\n", lines);
        KubeliftException e =
                assertThrows(
                        KubeliftException.class, () -> PlanCodec.read(bad, "plan.yaml", false));
        assertTrue(
                e.getMessage().startsWith("plan.yaml:" + target + ":"),
                "line " + target + ": " + e.getMessage());
        assertTrue(e.getMessage().contains("YAML syntax error"), e.getMessage());
        String badIndent =
                fixture().replace("    workload: StatefulSet\n", "     workload: StatefulSet\n");
        int line =
                java.util.Arrays.asList(badIndent.split("\n")).indexOf("     workload: StatefulSet")
                        + 1;
        KubeliftException e2 =
                assertThrows(
                        KubeliftException.class,
                        () -> PlanCodec.read(badIndent, "plan.yaml", false));
        assertTrue(
                e2.getMessage().startsWith("plan.yaml:" + line + ":"),
                "line " + line + ": " + e2.getMessage());
    }

    private static MigrationPlan withLongDescription() throws IOException {
        MigrationPlan plan = PlanCodec.read(fixture(), "plan.yaml", false);
        String json =
                PlanCodec.toJson(plan)
                        .replaceFirst(
                                "\"name\" : \"resourcemanager\",",
                                "\"name\" : \"resourcemanager\", \"description\" : \"YARN ResourceManager; the NMs and clients call it by "
                                        + "yarn.resourcemanager.address, so it needs a stable DNS name: a StatefulSet with a headless Service. "
                                        + "JVM options adapted: -Xlog:gc*:file=/var/log/gc.log → -Xlog:gc*:stdout\",");
        return PlanCodec.read(json, "plan.json", true);
    }

    @Test
    void planYamlHasASchemaLineCompactEvidenceAndBlockScalarsAndReadsBack() throws IOException {
        MigrationPlan plan = withLongDescription();
        String yaml = PlanCodec.toPlanYaml(plan, PlanCodec.SCHEMA_FILE, false);
        assertTrue(
                yaml.startsWith(
                        "# yaml-language-server: $schema=.kubelift/plan.schema.json\napiVersion: kubelift.io/v1alpha1\n"),
                yaml);
        assertEquals(
                plan,
                PlanCodec.read(yaml, "plan.yaml", false),
                "compact evidence reads back to the same plan");
        assertEquals(
                yaml,
                PlanCodec.toPlanYaml(
                        PlanCodec.read(yaml, "plan.yaml", false), PlanCodec.SCHEMA_FILE, false));
        assertTrue(yaml.contains("          evidence: etc/hadoop/yarn-site.xml:23\n"), yaml);
        assertTrue(yaml.contains("    description: >-\n"), yaml);
        assertTrue(
                yaml.lines().noneMatch(l -> l.strip().startsWith("\\ ") || l.endsWith("\\")),
                "no folded \\ escapes: " + yaml);
        String full = PlanCodec.toPlanYaml(plan, PlanCodec.SCHEMA_FILE, true);
        assertEquals(plan, PlanCodec.read(full, "plan.yaml", false));
        assertTrue(
                full.contains(
                        "          evidence:\n            file: etc/hadoop/yarn-site.xml\n            line: 23\n"),
                full);
        assertTrue(yaml.lines().count() < full.lines().count(), "compact is shorter");
    }

    @Test
    void compactEvidenceParsesEveryForm() {
        assertEquals(
                new Evidence("conf/a:b.xml", 12, "<value>1</value>"),
                Evidence.parse("conf/a:b.xml:12 | <value>1</value>"));
        assertEquals(new Evidence("bin/run.sh", 0, null), Evidence.parse("bin/run.sh"));
        assertEquals(new Evidence("bin/run.sh", 3, null), Evidence.parse("bin/run.sh:3"));
        Evidence e = new Evidence("x.properties", 4, "a | b: c");
        assertEquals(e, Evidence.parse(e.compact()));
        // issue #15: a file name with a newline and ESC (the plan writes it escaped) reads back
        Evidence odd =
                new Evidence("conf/odd\u001b[31m\nJAVA_TOOL_OPTIONS=-Dx=1.properties", 1, "a=b");
        assertEquals(odd, Evidence.parse(odd.compact()));
    }

    @Test
    void everyFieldOfThePublishedSchemaHasADescription() throws IOException {
        var schema = PlanCodec.json().readTree(PlanSchema.generate());
        java.util.List<String> missing = new java.util.ArrayList<>();
        java.util.List<String> seen = new java.util.ArrayList<>();
        schema.findParents("properties")
                .forEach(
                        owner ->
                                owner.get("properties")
                                        .fields()
                                        .forEachRemaining(
                                                f -> {
                                                    seen.add(f.getKey());
                                                    if (!f.getValue().hasNonNull("description")) {
                                                        missing.add(f.getKey());
                                                    }
                                                }));
        assertTrue(seen.size() > 80, "all record fields walked: " + seen.size());
        assertEquals(java.util.List.of(), missing);
    }
}
