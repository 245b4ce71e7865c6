package io.kubelift.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelift.generator.defaults.DefaultsReader;
import io.kubelift.generator.defaults.OrgDefaults;
import io.kubelift.model.FileSet;
import io.kubelift.model.KubeliftException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * kubelift.yaml: strict reading with file:line errors and sources, and what it changes in the
 * output of both layouts.
 */
class OrgDefaultsTest {
    static final Path FILE = Fixtures.RESOURCES.resolve("defaults/kubelift.yaml");

    static FileSet generate(String name, String layout) {
        GenerateOptions o =
                GenerateOptions.defaults().withOrg(DefaultsReader.read(FILE)).withLayout(layout);
        return Generator.withDefaults()
                .generate(Fixtures.plan(name), Fixtures.app(name), Fixtures.secrets(), o);
    }

    @Test
    void readsEverySettingAndRemembersItsLine() {
        OrgDefaults d = DefaultsReader.read(FILE);
        assertEquals("registry.example.com/platform", d.registry());
        assertEquals("fast-ssd", d.storageClass());
        assertEquals("apps.example.com", d.domain());
        assertEquals(3, d.environment("prod").replicas());
        assertEquals("100m", d.environment("dev").requests().get("cpu"));
        assertEquals(FILE + ":9", d.sourceOf("ingress.domain"));
        assertEquals("built-in default", d.sourceOf("ingress.hostPattern"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "image:\\n  registri: x|:2: unknown setting 'registri' in image",
                "storage:\\n  size: lots|:2: storage.size 'lots' is not a Kubernetes quantity",
                "ingress:\\n  domain: Apps_Example|:2: ingress.domain 'Apps_Example' is not a DNS name",
                "ingress:\\n  hostPattern: app.example.com|:2: ingress.hostPattern must contain {component}",
                "environments:\\n  prod:\\n    replicas: many|:3: environments.prod.replicas 'many' is not a number",
                "image: [a|:1: is not valid YAML",
                "kind: Plan|:1: kind must be Defaults",
                "image:\\n  tagPolicy: fixed|:2: image.tagPolicy fixed needs image.tag",
            })
    void badSettingsNameTheLine(String yaml, String expected) {
        KubeliftException e =
                assertThrows(
                        KubeliftException.class,
                        () -> DefaultsReader.parse(yaml.replace("\\n", "\n"), "k.yaml"));
        assertTrue(e.getMessage().startsWith("k.yaml" + expected), e.getMessage());
    }

    @Test
    void outputRecordsWhereEachSettingCameFrom() {
        String sources =
                generate("java-cp", GenerateOptions.KUSTOMIZE)
                        .files()
                        .get("defaults-sources.yaml")
                        .text();
        assertTrue(sources.contains("ingress.domain: '" + FILE + ":9'\n"), sources);
        assertTrue(sources.contains("environments.prod.replicas: '" + FILE + ":40'\n"), sources);
        assertFalse(
                Fixtures.generate("java-cp").contains("defaults-sources.yaml"),
                "no file without a kubelift.yaml");
    }

    /**
     * prod's replicas apply to stateless Deployments (here through the autoscaler), not to a
     * Deployment with a volume.
     */
    @Test
    void environmentReplicasOnlyForStatelessDeployments(@TempDir Path out) throws Exception {
        Fixtures.write(generate("java-cp", GenerateOptions.KUSTOMIZE), out.resolve("a"));
        JsonNode hpa =
                OrgDefaultsTest.kustomize(out.resolve("a/k8s/overlays/prod")).stream()
                        .filter(d -> d.path("kind").asText().equals("HorizontalPodAutoscaler"))
                        .findFirst()
                        .orElseThrow();
        assertEquals(3, hpa.path("spec").path("minReplicas").asInt());
        Fixtures.write(generate("cronjob", GenerateOptions.KUSTOMIZE), out.resolve("b"));
        JsonNode ledger =
                OrgDefaultsTest.kustomize(out.resolve("b/k8s/overlays/prod")).stream()
                        .filter(d -> d.path("kind").asText().equals("Deployment"))
                        .findFirst()
                        .orElseThrow();
        assertEquals(
                1,
                ledger.path("spec").path("replicas").asInt(1),
                "a Deployment with a volume keeps one writer");
    }

    @Test
    void emptyFileMeansNoDefaults() {
        assertEquals(OrgDefaults.NONE, DefaultsReader.parse("", "k.yaml"));
    }

    /**
     * The prod overlay built by kubectl: one host per exposed component, TLS with the issuer,
     * storage class and registry from the file.
     */
    @ParameterizedTest
    @CsvSource({"hadoop-yarn, 2, false", "zookeeper, 0, true", "cronjob, 0, true"})
    void prodOverlayCarriesTheDefaults(
            String name, int ingresses, boolean claims, @TempDir Path out) throws Exception {
        Fixtures.write(generate(name, GenerateOptions.KUSTOMIZE), out);
        List<JsonNode> docs = kustomize(out.resolve("k8s/overlays/prod"));
        checkProd(docs, Fixtures.plan(name).metadata().name(), ingresses, claims);
        List<JsonNode> dev = kustomize(out.resolve("k8s/overlays/dev"));
        for (JsonNode d : dev) {
            if (d.path("kind").asText().equals("Ingress")) {
                assertTrue(d.path("spec").path("tls").isMissingNode(), "no TLS in dev");
                assertTrue(
                        d.path("spec")
                                .path("rules")
                                .get(0)
                                .path("host")
                                .asText()
                                .contains(".dev.apps.example.com"));
            }
            if (d.path("kind").asText().equals("StatefulSet")
                    && !d.path("spec").path("volumeClaimTemplates").isEmpty()) {
                assertEquals(
                        "2Gi",
                        d.path("spec")
                                .path("volumeClaimTemplates")
                                .get(0)
                                .path("spec")
                                .path("resources")
                                .path("requests")
                                .path("storage")
                                .asText(),
                        "dev storage size");
                assertEquals(
                        "100m",
                        container(d).path("resources").path("requests").path("cpu").asText(),
                        "dev cpu request");
            }
            assertFalse(
                    d.path("kind").asText().equals("PodDisruptionBudget"),
                    "no disruption budget in dev");
        }
    }

    @ParameterizedTest
    @CsvSource({"hadoop-yarn, 2, false", "zookeeper, 0, true", "cronjob, 0, true"})
    void helmProdValuesCarryTheDefaults(
            String name, int ingresses, boolean claims, @TempDir Path out) throws Exception {
        String helm = HelmChartTest.helm();
        Fixtures.write(generate(name, GenerateOptions.HELM), out);
        Path chart = out.resolve("chart");
        HelmChartTest.Result lint =
                HelmChartTest.run(
                        List.of(
                                helm,
                                "lint",
                                "--strict",
                                chart.toString(),
                                "-f",
                                chart.resolve("values-prod.yaml").toString()));
        assertEquals(0, lint.code(), lint.out() + lint.err());
        HelmChartTest.Result t =
                HelmChartTest.run(
                        List.of(
                                helm,
                                "template",
                                "r",
                                chart.toString(),
                                "-f",
                                chart.resolve("values-prod.yaml").toString()));
        assertEquals(0, t.code(), t.err());
        List<JsonNode> docs = ManifestValidationTest.readAll(t.out());
        for (JsonNode d : docs) {
            var messages =
                    ManifestValidationTest.validator().validate(d).getMessages().stream()
                            .filter(m -> !ManifestValidationTest.isIntOrStringFalsePositive(m))
                            .map(m -> m.getMessage())
                            .toList();
            assertEquals(
                    List.of(),
                    messages,
                    d.path("kind").asText() + "/" + d.path("metadata").path("name").asText());
            ManifestValidationTest.checkPodSecurity(d);
        }
        checkProd(docs, Fixtures.plan(name).metadata().name(), ingresses, claims);
    }

    static void checkProd(
            List<JsonNode> docs, String app, int expectedIngresses, boolean expectClaims) {
        Set<String> hosts = new HashSet<>();
        int ingresses = 0;
        boolean sawClaim = false;
        for (JsonNode d : docs) {
            String kind = d.path("kind").asText();
            if (kind.equals("Ingress")) {
                ingresses++;
                String host = d.path("spec").path("rules").get(0).path("host").asText();
                assertTrue(host.endsWith(".prod.apps.example.com"), host);
                assertTrue(hosts.add(host), "two Ingresses share host " + host);
                assertEquals(
                        host,
                        d.path("spec").path("tls").get(0).path("hosts").get(0).asText(),
                        "TLS for " + host);
                assertEquals("nginx", d.path("spec").path("ingressClassName").asText());
                assertEquals(
                        "letsencrypt-prod",
                        d.path("metadata")
                                .path("annotations")
                                .path("cert-manager.io/cluster-issuer")
                                .asText());
            }
            if (kind.equals("StatefulSet") || kind.equals("Deployment")) {
                JsonNode c = container(d);
                assertTrue(
                        c.path("image")
                                .asText()
                                .startsWith("registry.example.com/platform/" + app + "-"),
                        c.path("image").asText());
                assertTrue(
                        c.path("image").asText().endsWith(":1.4.2"),
                        "prod tag: " + c.path("image").asText());
                JsonNode pod = d.path("spec").path("template").path("spec");
                assertEquals("linux", pod.path("nodeSelector").path("kubernetes.io/os").asText());
                assertEquals("dedicated", pod.path("tolerations").get(0).path("key").asText());
                assertEquals(
                        "data",
                        d.path("spec")
                                .path("template")
                                .path("metadata")
                                .path("labels")
                                .path("example.com/team")
                                .asText());
                for (JsonNode claim : d.path("spec").path("volumeClaimTemplates")) {
                    sawClaim = true;
                    assertEquals("fast-ssd", claim.path("spec").path("storageClassName").asText());
                    assertEquals(
                            "100Gi",
                            claim.path("spec")
                                    .path("resources")
                                    .path("requests")
                                    .path("storage")
                                    .asText());
                }
            }
            if (kind.equals("PersistentVolumeClaim")) {
                sawClaim = true;
                assertEquals("fast-ssd", d.path("spec").path("storageClassName").asText());
                assertEquals(
                        "100Gi",
                        d.path("spec").path("resources").path("requests").path("storage").asText());
            }
        }
        assertEquals(expectedIngresses, ingresses, "one Ingress per exposed component");
        assertEquals(expectClaims, sawClaim, "a claim was checked");
    }

    static JsonNode container(JsonNode workload) {
        for (JsonNode c : workload.path("spec").path("template").path("spec").path("containers")) {
            if (c.path("name").asText().equals(ObjectNames.CONTAINER)) {
                return c;
            }
        }
        throw new AssertionError("no app container");
    }

    static List<JsonNode> kustomize(Path overlay) throws Exception {
        Process p =
                new ProcessBuilder(
                                ManifestValidationTest.kubectl(), "kustomize", overlay.toString())
                        .start();
        byte[] stdout = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "kubectl kustomize " + overlay + ": " + err);
        return new ArrayList<>(
                ManifestValidationTest.readAll(new String(stdout, StandardCharsets.UTF_8)));
    }
}
