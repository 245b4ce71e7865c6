package io.kubelift.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import io.fabric8.tekton.v1.Pipeline;
import io.kubelift.generator.GenerateOptions.Delivery;
import io.kubelift.generator.defaults.DefaultsReader;
import io.kubelift.model.FileSet;
import io.kubelift.model.KubeliftException;
import io.kubelift.testing.Golden;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --ci} and {@code --gitops}: each case under {@code src/test/resources/delivery/<case>/}
 * has {@code input/options.yaml} (fixture, layout, secrets, ci, gitops, tool, repoDir, gitopsRepo,
 * defaults) and {@code expected/} (the delivery files, golden). Every generated file is validated
 * against its published schema (GitHub workflow and GitLab CI: SchemaStore's JSON Schemas; Tekton:
 * fabric8's typed tekton.dev/v1 model, strictly; Argo CD: the Application schema compiled from its
 * CRD) and every shell script in it is parsed with {@code sh -n}.
 */
class DeliveryTest {
    static final Path CASES = Fixtures.RESOURCES.resolve("delivery");
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> cases() throws IOException {
        return Fixtures.caseDirs(CASES).stream();
    }

    static FileSet generate(String name) throws IOException {
        JsonNode o = YAML.readTree(CASES.resolve(name).resolve("input/options.yaml").toFile());
        String fixture = o.path("fixture").asText();
        GenerateOptions options =
                GenerateOptions.defaults()
                        .withLayout(text(o, "layout"))
                        .withSecrets(text(o, "secrets"))
                        .withDelivery(
                                new Delivery(
                                        text(o, "ci"),
                                        text(o, "gitops"),
                                        text(o, "tool"),
                                        text(o, "repoDir"),
                                        text(o, "gitopsRepo")));
        if (o.path("defaults").asBoolean()) {
            options =
                    options.withOrg(
                            DefaultsReader.read(
                                    Fixtures.RESOURCES.resolve("defaults/kubelift.yaml")));
        }
        return Generator.withDefaults()
                .generate(
                        Fixtures.plan(fixture), Fixtures.app(fixture), Fixtures.secrets(), options);
    }

    private static String text(JsonNode o, String field) {
        return o.hasNonNull(field) ? o.get(field).asText() : null;
    }

    /** The files the delivery layouts add (everything else is covered by the other tests). */
    static Map<String, String> deliveryFiles(FileSet files) {
        Map<String, String> d = new TreeMap<>();
        files.files()
                .forEach(
                        (path, e) -> {
                            if (path.startsWith(".github/")
                                    || path.startsWith(".tekton/")
                                    || path.equals(".gitlab-ci.yml")
                                    || path.startsWith("argocd/")) {
                                d.put(path, e.text());
                            }
                        });
        return d;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesGoldenFilesAndIsDeterministic(String name, @TempDir Path out) throws IOException {
        Map<String, String> files = deliveryFiles(generate(name));
        assertFalse(files.isEmpty(), name + " wrote no delivery file");
        assertEquals(files, deliveryFiles(generate(name)), "same input, same bytes");
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path p = out.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue());
        }
        Golden.assertTreeMatches(CASES.resolve(name).resolve("expected"), out);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void validatesAgainstThePublishedSchemas(String name) throws IOException {
        List<JsonNode> argo = new ArrayList<>();
        for (Map.Entry<String, String> e : deliveryFiles(generate(name)).entrySet()) {
            JsonNode doc = YAML.readTree(e.getValue());
            String path = e.getKey();
            if (path.startsWith(".github/")) {
                assertValid(
                        PublishedSchemas.schemaStore(PublishedSchemas.GITHUB_WORKFLOW), doc, path);
            } else if (path.equals(".gitlab-ci.yml")) {
                assertValid(PublishedSchemas.schemaStore(PublishedSchemas.GITLAB_CI), doc, path);
            } else if (path.startsWith(".tekton/")) {
                assertValidTekton(e.getValue(), path);
            } else {
                argo.add(doc);
            }
        }
        if (!argo.isEmpty()) {
            assertEquals(List.of(), PublishedSchemas.argoCdErrors(argo), "Argo CD Applications");
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everyScriptParses(String name, @TempDir Path tmp) throws Exception {
        for (Map.Entry<String, String> e : deliveryFiles(generate(name)).entrySet()) {
            List<String> scripts = new ArrayList<>();
            collectScripts(YAML.readTree(e.getValue()), scripts);
            for (int i = 0; i < scripts.size(); i++) {
                Path f = tmp.resolve("script-" + i + ".sh");
                Files.writeString(f, scripts.get(i));
                Process p =
                        new ProcessBuilder("sh", "-n", f.toString())
                                .redirectErrorStream(true)
                                .start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(p.waitFor(1, TimeUnit.MINUTES));
                assertEquals(
                        0,
                        p.exitValue(),
                        e.getKey() + " script " + i + ": " + out + "\n" + scripts.get(i));
            }
        }
    }

    /** run: (GitHub), script: (GitLab list, Tekton string). */
    private static void collectScripts(JsonNode n, List<String> into) {
        if (n.isObject()) {
            n.fields()
                    .forEachRemaining(
                            f -> {
                                if ((f.getKey().equals("run") || f.getKey().equals("script"))
                                        && f.getValue().isTextual()) {
                                    into.add(f.getValue().asText());
                                } else if (f.getKey().equals("script") && f.getValue().isArray()) {
                                    f.getValue().forEach(s -> into.add(s.asText()));
                                } else {
                                    collectScripts(f.getValue(), into);
                                }
                            });
        } else if (n.isArray()) {
            n.forEach(c -> collectScripts(c, into));
        }
    }

    static void assertValid(JsonSchema schema, JsonNode doc, String path) {
        Set<ValidationMessage> errors = schema.validate(doc);
        assertEquals(Set.of(), errors, path + " does not validate against its published schema");
    }

    /**
     * Tekton publishes its API as Go types; fabric8's tekton-model is generated from them. The
     * Pipeline must read into the typed model with no field left over (fabric8 keeps unknown fields
     * in additionalProperties), with the fields Tekton requires set, and write back the same tree.
     */
    static void assertValidTekton(String yaml, String path) throws IOException {
        Pipeline pipeline = YAML.readValue(yaml, Pipeline.class);
        List<String> unknown = new ArrayList<>();
        unknownFields(pipeline, "", unknown, new IdentityHashMap<>());
        assertEquals(List.of(), unknown, path + ": fields Tekton's API does not have");
        assertEquals("tekton.dev/v1", pipeline.getApiVersion());
        assertEquals("Pipeline", pipeline.getKind());
        assertFalse(pipeline.getSpec().getTasks().isEmpty(), path + ": a Pipeline needs tasks");
        Set<String> declaredParams = new java.util.HashSet<>();
        pipeline.getSpec().getParams().forEach(p -> declaredParams.add(p.getName()));
        Set<String> declaredWorkspaces = new java.util.HashSet<>();
        pipeline.getSpec().getWorkspaces().forEach(w -> declaredWorkspaces.add(w.getName()));
        Set<String> taskNames = new java.util.HashSet<>();
        for (var t : pipeline.getSpec().getTasks()) {
            assertTrue(t.getName().matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?"), t.getName());
            assertTrue(taskNames.add(t.getName()), "task names are unique: " + t.getName());
            t.getRunAfter()
                    .forEach(
                            a ->
                                    assertTrue(
                                            taskNames.contains(a),
                                            "runAfter " + a + " comes first"));
            Set<String> specParams = new java.util.HashSet<>();
            t.getTaskSpec().getParams().forEach(p -> specParams.add(p.getName()));
            t.getParams()
                    .forEach(
                            p -> {
                                assertTrue(specParams.contains(p.getName()), p.getName());
                                String v = p.getValue().getStringVal();
                                if (v.startsWith("$(params.")) {
                                    assertTrue(
                                            declaredParams.contains(v.substring(9, v.length() - 1)),
                                            "pipeline param " + v);
                                }
                            });
            t.getWorkspaces()
                    .forEach(
                            w ->
                                    assertTrue(
                                            declaredWorkspaces.contains(w.getWorkspace()),
                                            w.getWorkspace()));
            for (var step : t.getTaskSpec().getSteps()) {
                assertTrue(
                        step.getImage() != null && step.getImage().contains(":"), "a pinned image");
                assertTrue(
                        step.getScript() != null && step.getScript().startsWith("#!"), "a script");
            }
        }
        JsonNode original = YAML.readTree(yaml);
        JsonNode back = JSON.valueToTree(pipeline);
        stripNulls(back);
        assertEquals(original, back, path + ": the typed model reads and writes the same Pipeline");
    }

    private static void stripNulls(JsonNode n) {
        if (n instanceof ObjectNode o) {
            List<String> drop = new ArrayList<>();
            o.fields()
                    .forEachRemaining(
                            f -> {
                                stripNulls(f.getValue());
                                if (f.getValue().isNull()
                                        || (f.getValue().isArray() && f.getValue().isEmpty())
                                        || (f.getValue().isObject() && f.getValue().isEmpty())) {
                                    drop.add(f.getKey());
                                }
                            });
            o.remove(drop);
        } else if (n.isArray()) {
            n.forEach(DeliveryTest::stripNulls);
        }
    }

    @SuppressWarnings("unchecked")
    private static void unknownFields(
            Object o, String at, List<String> into, IdentityHashMap<Object, Boolean> seen) {
        if (o == null || seen.put(o, true) != null) {
            return;
        }
        if (o instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                unknownFields(l.get(i), at + "[" + i + "]", into, seen);
            }
            return;
        }
        if (!o.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method m : o.getClass().getMethods()) {
            if (m.getParameterCount() != 0
                    || !m.getName().startsWith("get")
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            try {
                Object v = m.invoke(o);
                if (m.getName().equals("getAdditionalProperties")) {
                    if (v instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        into.add(at + ": " + ((Map<String, Object>) extra).keySet());
                    }
                } else {
                    unknownFields(v, at + "." + m.getName().substring(3), into, seen);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void theValidatorsRejectBrokenFiles() throws IOException {
        FileSet files = generate("github-kustomize");
        ObjectNode workflow =
                (ObjectNode)
                        YAML.readTree(files.text(".github/workflows/kubelift-hadoop-yarn.yaml"));
        ((ObjectNode) workflow.path("jobs").path("build")).remove("runs-on");
        assertFalse(
                PublishedSchemas.schemaStore(PublishedSchemas.GITHUB_WORKFLOW)
                        .validate(workflow)
                        .isEmpty(),
                "a job without runs-on is not a GitHub workflow");
        ObjectNode gitlab =
                (ObjectNode) YAML.readTree(generate("gitlab-helm").text(".gitlab-ci.yml"));
        ((ObjectNode) gitlab.path("kubelift-build")).put("stage", 3).put("when", "sometimes");
        assertFalse(
                PublishedSchemas.schemaStore(PublishedSchemas.GITLAB_CI).validate(gitlab).isEmpty(),
                "when: sometimes is not GitLab CI");
        String tekton =
                generate("tekton-kustomize")
                        .text(".tekton/kubelift-hadoop-yarn-pipeline.yaml")
                        .replace("runAfter:", "runAfterr:");
        assertThrows(AssertionError.class, () -> assertValidTekton(tekton, "broken"));
        ObjectNode app =
                (ObjectNode)
                        YAML.readTree(
                                generate("argocd-kustomize")
                                        .text("argocd/hadoop-yarn-prod-application.yaml"));
        ((ObjectNode) app.path("spec")).remove("project");
        ((ObjectNode) app.path("spec").path("destination")).put("server", 443);
        assertEquals(1, PublishedSchemas.argoCdErrors(List.of(app)).size());
    }

    @Test
    void argoCdWithPlainSecretsInKustomizeIsRefused() {
        KubeliftException e =
                assertThrows(
                        KubeliftException.class,
                        () ->
                                Generator.withDefaults()
                                        .generate(
                                                Fixtures.plan("hadoop-yarn"),
                                                Fixtures.app("hadoop-yarn"),
                                                Fixtures.secrets(),
                                                GenerateOptions.defaults()
                                                        .withDelivery(
                                                                new Delivery(
                                                                        null,
                                                                        "argocd",
                                                                        null,
                                                                        null,
                                                                        "https://git.example.com/a.git"))));
        assertTrue(e.getMessage().contains("--secrets external-secrets"), e.getMessage());
    }

    @Test
    void badDeliveryOptionsAreUsageErrors() {
        for (Runnable r :
                List.<Runnable>of(
                        () -> new Delivery("jenkins", null, null, null, null),
                        () -> new Delivery(null, "flux", null, null, "https://g/x.git"),
                        () -> new Delivery(null, "argocd", null, null, null),
                        () -> new Delivery("github", null, null, "../elsewhere", null),
                        () -> new Delivery("github", null, null, "/abs", null))) {
            KubeliftException e = assertThrows(KubeliftException.class, r::run);
            assertEquals(KubeliftException.Kind.USAGE, e.kind());
        }
    }

    @Test
    void noDeliveryFilesUnlessAsked() {
        assertEquals(Map.of(), deliveryFiles(Fixtures.generate("hadoop-yarn")));
    }
}
