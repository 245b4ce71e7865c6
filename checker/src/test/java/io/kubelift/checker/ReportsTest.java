package io.kubelift.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.kubelift.model.Finding;
import io.kubelift.model.KubeliftException;
import io.kubelift.model.PlanCodec;
import io.kubelift.model.Severity;
import io.kubelift.testing.Golden;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportsTest {
    private final Report report = SampleReport.report(Set.of("TF12-K8S-JOB-NO-TTL"));

    @Test
    void namesTheLegacyViolationsWithFileAndLine() {
        assertHas("TF11-LOG-FILE-APPENDER", "etc/hadoop/log4j.properties", 2);
        assertHas("TF09-SCRIPT-DAEMONIZES", "etc/hadoop/yarn-env.sh", 2);
        assertHas("TF03-CONFIG-HARDCODED-HOST", "etc/hadoop/yarn-site.xml", 20);
        assertHas("TF06-LOCAL-STATE", "etc/hadoop/yarn-site.xml", 30);
        assertHas("TF03-LITERAL-SECRET", "etc/hadoop/ssl-server.xml", 12);
        assertHas("TF03-K8S-SECRET-ENV-LITERAL", "k8s/rm.yaml", 15);
        assertHas("TF03-K8S-SECRET-IN-CONFIGMAP", "k8s/rm.yaml", 21);
        assertTrue(report.exceeds(Severity.ERROR));
        assertFalse(report.exceeds(null));
    }

    @Test
    void suppressionWithReasonSuppressesAndIsListed() {
        assertTrue(report.findings().stream().noneMatch(f -> f.checkId().equals("TF11-LOG-DIR")));
        Suppression s =
                report.suppressions().stream()
                        .filter(x -> x.checkId().equals("TF11-LOG-DIR"))
                        .findFirst()
                        .orElseThrow();
        assertTrue(s.accepted());
        assertEquals(3, s.line());
        assertEquals("the audit log directory is shipped by the vendor", s.reason());
    }

    @Test
    void suppressionWithoutReasonSuppressesNothingAndIsReported() {
        assertHas("TF08-JVM-FIXED-HEAP", "etc/hadoop/yarn-env.sh", 1);
        assertHas(Suppressions.NO_REASON, "etc/hadoop/yarn-env.sh", 1);
        assertTrue(
                report.suppressions().stream()
                        .anyMatch(s -> s.checkId().equals("TF08-JVM-FIXED-HEAP") && !s.accepted()));
    }

    @Test
    void jsonHasExactlyTheDocumentedShape() throws Exception {
        JsonNode json = PlanCodec.json().readTree(ReportRenderers.forFormat("json").render(report));
        assertEquals(
                List.of("findings", "scores", "suppressions", "disabled"),
                iterable(json.fieldNames()));
        JsonNode f = json.get("findings").get(0);
        for (String key :
                List.of(
                        "checkId",
                        "factor",
                        "severity",
                        "file",
                        "line",
                        "message",
                        "remediation")) {
            assertTrue(f.has(key), "finding lacks " + key + ": " + f);
        }
        JsonNode secret = findJson(json, "TF03-LITERAL-SECRET");
        assertEquals("III", secret.get("factor").asText());
        assertEquals("error", secret.get("severity").asText());
        assertEquals("TF12-K8S-JOB-NO-TTL", json.get("disabled").get(0).asText());
        assertTrue(json.get("scores").has("III") && json.get("scores").has("overall"));
    }

    @Test
    void secretsAreMaskedInEveryFormat() {
        for (String format : ReportRenderers.formats()) {
            String out = ReportRenderers.forFormat(format).render(report);
            assertFalse(out.contains(SampleReport.SECRET_IN_ENV), format + " leaks the env secret");
            assertFalse(
                    out.contains(SampleReport.SECRET_IN_CONFIGMAP),
                    format + " leaks the ConfigMap secret");
            assertTrue(out.contains("TF11-LOG-DIR"), format + " does not list the suppression");
            assertTrue(
                    out.contains("TF12-K8S-JOB-NO-TTL"),
                    format + " does not list the disabled check");
        }
    }

    private static JsonSchema sarifSchema() throws IOException {
        try (InputStream in =
                ReportsTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
    }

    @Test
    void sarifValidatesAgainstTheOfficialSchema() throws Exception {
        String sarif = ReportRenderers.forFormat("sarif").render(report);
        JsonSchema schema = sarifSchema();
        JsonNode doc = PlanCodec.json().readTree(sarif);
        Set<ValidationMessage> errors = schema.validate(doc);
        assertEquals(Set.of(), errors, "SARIF does not validate");
        JsonNode rules = doc.at("/runs/0/tool/driver/rules");
        assertTrue(rules.size() > 40);
        assertTrue(
                sarif.contains("\"inSource\""),
                "suppressed findings carry an in-source suppression");
        // the validator must be able to fail: a result without a message is invalid
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.at("/runs/0/results/0"))
                .remove("message");
        assertFalse(schema.validate(doc).isEmpty(), "the schema validation cannot fail");
        Golden.assertMatches(Path.of("src/test/resources/golden/sample-report.sarif"), sarif);
    }

    @Test
    void sarifEmbedsEachChecksShippedPageAndLinksNowhereWithoutADocsUrl() throws IOException {
        JsonNode doc = PlanCodec.json().readTree(ReportRenderers.forFormat("sarif").render(report));
        for (JsonNode r : doc.at("/runs/0/tool/driver/rules")) {
            String id = r.get("id").asText();
            assertFalse(r.has("helpUri"), id + " has a help URI but no docs URL was given");
            String page = Files.readString(DocPagesTest.DOCS.resolve(id + ".md"));
            String markdown = r.at("/help/markdown").asText();
            assertEquals(
                    page.replace("[the checker guide](../checker.md)", "the checker guide"),
                    markdown,
                    id + ": the embedded help is not the shipped page");
            assertFalse(
                    markdown.contains("](../") || markdown.contains(".md)"),
                    id + " keeps a relative link");
            CheckInfo c =
                    Checker.withDefaultChecks().checks().stream()
                            .filter(i -> i.id().equals(id))
                            .findFirst()
                            .orElseThrow();
            assertEquals(
                    c.summary()
                            + ".\n\nWhy: "
                            + c.rationale()
                            + "\n\nHow to fix: "
                            + c.remediation(),
                    r.at("/help/text").asText());
        }
        String html = ReportRenderers.forFormat("html").render(report);
        assertFalse(html.contains("<a href"), "the HTML report links somewhere no docs URL said");
    }

    @Test
    void aDocsUrlGivesHelpUrisAndAbsoluteLinksAndStillValidates() throws IOException {
        String base = "https://git.example.com/acme/kubelift/docs/checks";
        String sarif = ReportRenderers.forFormat("sarif", base).render(report);
        JsonNode doc = PlanCodec.json().readTree(sarif);
        assertEquals(
                Set.of(), sarifSchema().validate(doc), "SARIF with help URIs does not validate");
        for (JsonNode r : doc.at("/runs/0/tool/driver/rules")) {
            assertEquals(base + "/" + r.get("id").asText() + ".md", r.get("helpUri").asText());
            assertTrue(
                    r.at("/help/markdown")
                            .asText()
                            .contains(
                                    "[the checker guide](https://git.example.com/acme/kubelift/docs/checker.md)"),
                    r.at("/help/markdown").asText());
        }
        String html = ReportRenderers.forFormat("html", base + "/").render(report);
        assertTrue(
                html.contains("<a href=\"" + base + "/TF03-LITERAL-SECRET.md\""),
                "the HTML report does not link the page");
        for (String bad :
                List.of(
                        "docs/checks/",
                        "file:///tmp/docs/",
                        "ftp://x/y/",
                        "https://x/y?z=1",
                        "not a url")) {
            KubeliftException e =
                    assertThrows(
                            KubeliftException.class,
                            () -> ReportRenderers.forFormat("sarif", bad),
                            bad);
            assertEquals(KubeliftException.Kind.USAGE, e.kind());
        }
    }

    @Test
    void aCheckWithoutAShippedPageGetsHelpFromItsOwnDescription() {
        CheckInfo c = Checker.withDefaultChecks().checks().get(0);
        CheckInfo unknown =
                new CheckInfo(
                        "TF01-NOT-SHIPPED",
                        c.factor(),
                        c.severity(),
                        "A summary",
                        "The rationale",
                        "The remedy",
                        false,
                        c.source());
        assertEquals(null, CheckHelp.page(unknown.id()));
        assertEquals(
                "# TF01-NOT-SHIPPED\n\nA summary.\n\n## Why\n\nThe rationale\n\n## How to fix\n\nThe remedy\n",
                CheckHelp.markdown(unknown, null));
    }

    @Test
    void textIsGroupedByFactorWithFileAndLine() {
        String text = ReportRenderers.forFormat("text").render(report);
        assertTrue(text.contains("\nIII Config"));
        assertTrue(text.contains("etc/hadoop/ssl-server.xml:12: error: plain-text password"));
        assertFalse(text.contains("\u001b["), "no colour codes");
    }

    @Test
    void renderingIsDeterministic() {
        for (String format : ReportRenderers.formats()) {
            assertEquals(
                    ReportRenderers.forFormat(format).render(report),
                    ReportRenderers.forFormat(format)
                            .render(SampleReport.report(Set.of("TF12-K8S-JOB-NO-TTL"))));
        }
    }

    @Test
    void unknownFormatAndUnknownCheckAreUsageErrors() {
        KubeliftException e =
                assertThrows(KubeliftException.class, () -> ReportRenderers.forFormat("xml"));
        assertEquals(KubeliftException.Kind.USAGE, e.kind());
        KubeliftException d =
                assertThrows(
                        KubeliftException.class, () -> SampleReport.report(Set.of("TF99-NOPE")));
        assertEquals(KubeliftException.Kind.USAGE, d.kind());
    }

    @Test
    void scoresFollowTheDocumentedFormula() {
        FactorScore xi = report.scores().get("XI");
        // XI app checks: TF11-LOG-FILE-APPENDER (warning, fails), TF11-LOG-DIR (info, suppressed →
        // passes) and the
        // rule TF11-RULE-FILE-SOCKET-LOG-HANDLER (warning, passes)
        assertEquals(3, xi.applicable());
        assertEquals(2, xi.passed());
        assertEquals(Math.round(100f * 3 / 5), xi.score());
        assertEquals("C", xi.grade());
    }

    @Test
    void invalidYamlIsABadInputErrorWithFileAndLine() {
        KubeliftException e =
                assertThrows(
                        KubeliftException.class,
                        () ->
                                Checker.withDefaultChecks()
                                        .check(
                                                CheckInput.ofManifests(
                                                        "x",
                                                        List.of(
                                                                new ManifestSource(
                                                                        "bad.yaml",
                                                                        "a: b\n  c: [\n"))),
                                                CheckOptions.defaults()));
        assertEquals(KubeliftException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().startsWith("bad.yaml:"), e.getMessage());
    }

    @Test
    void aHardenedManifestHasNoFindingAndScoresHundred() throws Exception {
        Path clean = CheckCasesTest.CASES.resolve("TF07-K8S-NODEPORT/negative.k8s.yaml");
        Report r =
                Checker.withDefaultChecks()
                        .check(
                                CheckInput.ofManifests("k8s", Manifests.load(clean)),
                                CheckOptions.defaults());
        assertEquals(List.of(), r.findings());
        assertEquals(100, r.overall().score());
        assertFalse(r.exceeds(Severity.INFO));
    }

    private void assertHas(String id, String file, int line) {
        assertTrue(
                report.findings().stream()
                        .anyMatch(
                                f ->
                                        f.checkId().equals(id)
                                                && file.equals(f.file())
                                                && f.line() == line),
                "expected "
                        + id
                        + " at "
                        + file
                        + ":"
                        + line
                        + " in "
                        + report.findings().stream().map(ReportsTest::brief).toList());
    }

    private static String brief(Finding f) {
        return f.checkId() + "@" + f.file() + ":" + f.line();
    }

    private static JsonNode findJson(JsonNode json, String id) {
        for (JsonNode f : json.get("findings")) {
            if (f.get("checkId").asText().equals(id)) {
                return f;
            }
        }
        throw new AssertionError(id + " not in JSON");
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
