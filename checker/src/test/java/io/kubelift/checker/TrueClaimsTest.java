package io.kubelift.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelift.model.Evidence;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Facts;
import io.kubelift.model.Finding;
import io.kubelift.model.PlanCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "Fixed by generate" is measured on the generated output; the report scores before and after. */
class TrueClaimsTest {
    private static final Fact HOST =
            new Fact(
                    FactKind.HOST_REFERENCE,
                    "db01.corp.example.net",
                    null,
                    Map.of("configKey", "db.url"),
                    new Evidence(
                            "conf/app.properties",
                            3,
                            "db.url=jdbc:mysql://db01.corp.example.net/app"));
    private static final Fact SECRET =
            new Fact(
                    FactKind.SECRET,
                    "db.password",
                    null,
                    Map.of("kind", "password"),
                    new Evidence("conf/app.properties", 4, "db.password=****"));
    private static final Fact DAEMON =
            new Fact(
                    FactKind.DAEMONIZE,
                    "nohup",
                    null,
                    Map.of(),
                    new Evidence("bin/start.sh", 9, "nohup java -jar app.jar &"));
    private static final Fact HEAP =
            new Fact(
                    FactKind.HEAP_SETTING,
                    "-Xmx2g",
                    null,
                    Map.of("bytes", "2147483648"),
                    new Evidence("bin/start.sh", 8, "JAVA_OPTS=-Xmx2g"));
    private static final Fact STATE =
            new Fact(
                    FactKind.STATE_DIR,
                    "/var/lib/app",
                    null,
                    Map.of(),
                    new Evidence("conf/app.properties", 5, "data.dir=/var/lib/app"));

    private static String deployment(String command, String... mounts) {
        StringBuilder sb =
                new StringBuilder(
                        """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec:
                  template:
                    spec:
                      containers:
                      - name: app
                        image: app@sha256:0000000000000000000000000000000000000000000000000000000000000000
                        command: [%s]
                        volumeMounts:
                        - {name: config, mountPath: /opt/app/conf/app.properties, subPath: app.properties}
                """
                                .formatted(command));
        for (String m : mounts) {
            sb.append("        - {name: data, mountPath: ").append(m).append("}\n");
        }
        sb.append(
                """
                      volumes:
                      - {name: config, configMap: {name: app-config}}
                      - {name: data, emptyDir: {}}
                """);
        return sb.toString();
    }

    private static String configMap(String properties) {
        StringBuilder sb =
                new StringBuilder(
                        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app-config}\ndata:\n  app.properties: |\n");
        properties.lines().forEach(l -> sb.append("    ").append(l).append('\n'));
        return sb.toString();
    }

    private static Report check(List<ManifestSource> generated, Fact... facts) {
        return Checker.withDefaultChecks()
                .check(
                        CheckInput.ofConversion(
                                "app", null, new Facts(List.of(facts), List.of()), null, generated),
                        CheckOptions.defaults());
    }

    private static Finding only(Report r, String id) {
        List<Finding> fs = r.findings().stream().filter(f -> f.checkId().equals(id)).toList();
        assertEquals(1, fs.size(), id + ": " + fs);
        return fs.get(0);
    }

    @Test
    void aHostIsFixedOnlyWhenNoGeneratedFileHoldsIt() {
        List<ManifestSource> stillThere =
                List.of(
                        new ManifestSource(
                                "k8s/base/app-deployment.yaml", deployment("/opt/app/bin/run")),
                        new ManifestSource(
                                "k8s/base/app-configmap.yaml",
                                configMap(
                                        "# db01.corp.example.net is the old box\ndb.url=jdbc:mysql://db01.corp.example.net/app")));
        assertFalse(
                only(check(stillThere, HOST), "TF03-CONFIG-HARDCODED-HOST").fixedByGenerate(),
                "the ConfigMap still holds the host");

        List<ManifestSource> rewritten =
                List.of(
                        new ManifestSource(
                                "k8s/base/app-deployment.yaml", deployment("/opt/app/bin/run")),
                        new ManifestSource(
                                "k8s/base/app-configmap.yaml",
                                configMap(
                                        "# db01.corp.example.net was the old box (a comment configures nothing)\ndb.url=jdbc:mysql://mysql/app")));
        assertTrue(only(check(rewritten, HOST), "TF03-CONFIG-HARDCODED-HOST").fixedByGenerate());

        List<ManifestSource> notReplaced =
                List.of(
                        new ManifestSource(
                                "k8s/base/app-deployment.yaml",
                                "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app}\nspec: {template: {spec: {containers: [{name: app, image: x}]}}}\n"));
        assertFalse(
                only(check(notReplaced, HOST), "TF03-CONFIG-HARDCODED-HOST").fixedByGenerate(),
                "no ConfigMap replaces the file: the image carries the host");

        List<ManifestSource> inAnotherFile = new ArrayList<>(rewritten);
        inAnotherFile.add(
                new ManifestSource(
                        "scripts/app/entrypoint.sh",
                        "exec java -Ddb.host=db01.corp.example.net -jar app.jar\n"));
        assertFalse(
                only(check(inAnotherFile, HOST), "TF03-CONFIG-HARDCODED-HOST").fixedByGenerate(),
                "the generated start script still names the host");
    }

    @Test
    void aSecretIsFixedOnlyWhenTheGeneratedCopyHoldsAReference() {
        List<ManifestSource> literal =
                List.of(
                        new ManifestSource(
                                "k8s/base/app-deployment.yaml", deployment("/opt/app/bin/run")),
                        new ManifestSource(
                                "k8s/base/app-configmap.yaml", configMap("db.password=hunter2")));
        assertFalse(only(check(literal, SECRET), "TF03-LITERAL-SECRET").fixedByGenerate());
        List<ManifestSource> referenced =
                List.of(
                        new ManifestSource(
                                "k8s/base/app-deployment.yaml", deployment("/opt/app/bin/run")),
                        new ManifestSource(
                                "k8s/base/app-configmap.yaml",
                                configMap("db.password=${env.DB_PASSWORD}")));
        assertTrue(only(check(referenced, SECRET), "TF03-LITERAL-SECRET").fixedByGenerate());
    }

    @Test
    void scriptProblemsAreFixedOnlyWhenTheScriptNoLongerRuns() {
        List<ManifestSource> runsJava =
                List.of(
                        new ManifestSource(
                                "k8s/base/app-deployment.yaml",
                                deployment(
                                        "/opt/java/bin/java, -XX:MaxRAMPercentage=75.0, -jar, app.jar")));
        Report r = check(runsJava, DAEMON, HEAP);
        assertTrue(only(r, "TF09-SCRIPT-DAEMONIZES").fixedByGenerate());
        assertTrue(only(r, "TF08-JVM-FIXED-HEAP").fixedByGenerate());
        List<ManifestSource> runsScript =
                List.of(
                        new ManifestSource(
                                "k8s/base/app-deployment.yaml",
                                deployment("/bin/sh, /opt/app/bin/start.sh")));
        Report r2 = check(runsScript, DAEMON, HEAP);
        assertFalse(only(r2, "TF09-SCRIPT-DAEMONIZES").fixedByGenerate());
        assertFalse(only(r2, "TF08-JVM-FIXED-HEAP").fixedByGenerate());
    }

    @Test
    void stateIsFixedOnlyWhenAVolumeIsMountedThere() {
        assertFalse(
                only(
                                check(
                                        List.of(new ManifestSource("k8s/a.yaml", deployment("x"))),
                                        STATE),
                                "TF06-LOCAL-STATE")
                        .fixedByGenerate());
        assertTrue(
                only(
                                check(
                                        List.of(
                                                new ManifestSource(
                                                        "k8s/a.yaml", deployment("x", "/var/lib"))),
                                        STATE),
                                "TF06-LOCAL-STATE")
                        .fixedByGenerate());
    }

    @Test
    void beforeAndAfterScoresAreInEveryFormat() throws Exception {
        List<ManifestSource> rewritten =
                List.of(
                        new ManifestSource(
                                "k8s/base/app-deployment.yaml", deployment("/opt/app/bin/run")),
                        new ManifestSource(
                                "k8s/base/app-configmap.yaml",
                                configMap(
                                        "db.url=jdbc:mysql://mysql/app\ndb.password=${env.DB_PASSWORD}")));
        Report r = check(rewritten, HOST, SECRET);
        assertTrue(r.hasBefore());
        FactorScore before = r.before().get("III");
        assertEquals(
                2,
                before.passed(),
                "as installed both config checks fail (the cloud-credentials rule and the install-path"
                        + " check, which has no facts here, pass)");
        assertTrue(r.scores().get("III").score() > before.score(), "after generate they pass");

        JsonNode json = PlanCodec.json().readTree(ReportRenderers.forFormat("json").render(r));
        assertEquals(before.score(), json.get("before").get("III").get("score").asInt());
        assertEquals(
                r.scores().get("III").score(), json.get("scores").get("III").get("score").asInt());
        JsonNode sarif = PlanCodec.json().readTree(ReportRenderers.forFormat("sarif").render(r));
        assertEquals(
                before.score(),
                sarif.get("runs")
                        .get(0)
                        .get("properties")
                        .get("scoresBefore")
                        .get("III")
                        .get("score")
                        .asInt());
        String text = ReportRenderers.forFormat("text").render(r);
        assertTrue(
                text.contains(
                        "III Config  ["
                                + before.score()
                                + " "
                                + before.grade()
                                + " → "
                                + r.scores().get("III").score()),
                text);
        assertTrue(text.contains("Scores before (the app as installed)"), text);
        String html = ReportRenderers.forFormat("html").render(r);
        assertTrue(
                html.contains("Before (as installed)") && html.contains("After kubelift generate"),
                html);
    }

    @Test
    void withoutGeneratedOutputNothingIsClaimedFixed() {
        Report r =
                Checker.withDefaultChecks()
                        .check(
                                new CheckInput(
                                        "app",
                                        null,
                                        new Facts(List.of(HOST, SECRET, DAEMON), List.of()),
                                        null,
                                        List.of()),
                                CheckOptions.defaults());
        assertFalse(r.hasBefore());
        assertTrue(
                r.findings().stream().noneMatch(Finding::fixedByGenerate), r.findings().toString());
    }

    @Test
    void anAppCheckClaimsGenerateFixesOnlyWhenItMeasuresIt() {
        for (Check c : DefaultChecks.all()) {
            if (c.info().source() != CheckSource.APP) {
                continue;
            }
            boolean measures = false;
            for (Class<?> k = c.getClass();
                    k != FactCheck.class && k != Object.class;
                    k = k.getSuperclass()) {
                measures |=
                        java.util.Arrays.stream(k.getDeclaredMethods())
                                .anyMatch(
                                        m ->
                                                m.getName().equals("survives")
                                                        || m.getName().equals("remaining"));
            }
            assertEquals(
                    c.info().fixedByGenerate(),
                    measures,
                    c.info().id()
                            + ": says generate fixes it only if it measures that on the generated output (FactCheck.survives)");
        }
    }
}
