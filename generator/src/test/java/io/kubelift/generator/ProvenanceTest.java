package io.kubelift.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelift.model.FileSet;
import io.kubelift.model.MigrationPlan;
import io.kubelift.model.PlanCodec;
import io.kubelift.model.ToolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every generated object says which kubelift made it, from which app and which plan (as Kompose and
 * JKube do).
 */
class ProvenanceTest {
    private static List<JsonNode> objects(FileSet files) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (Map.Entry<String, FileSet.Entry> e : files.files().entrySet()) {
            if (e.getKey().startsWith("k8s/base/")
                    && e.getKey().endsWith(".yaml")
                    && !e.getKey().endsWith("kustomization.yaml")) {
                for (JsonNode doc :
                        PlanCodec.yaml()
                                .readerFor(JsonNode.class)
                                .<JsonNode>readValues(e.getValue().text())
                                .readAll()) {
                    if (doc != null && doc.has("kind")) {
                        out.add(doc);
                    }
                }
            }
        }
        return out;
    }

    @Test
    void everyObjectCarriesVersionSourceAndPlanHash() throws Exception {
        MigrationPlan plan = Fixtures.plan("hadoop-yarn");
        List<JsonNode> objects = objects(Fixtures.generate("hadoop-yarn"));
        assertTrue(objects.size() > 5, "objects: " + objects.size());
        String hash = null;
        for (JsonNode o : objects) {
            JsonNode a = o.path("metadata").path("annotations");
            String what = o.get("kind").asText() + " " + o.path("metadata").path("name").asText();
            assertEquals(ToolVersion.get(), a.path("kubelift.io/version").asText(), what);
            assertEquals(plan.spec().source().path(), a.path("kubelift.io/source").asText(), what);
            assertTrue(
                    a.path("kubelift.io/plan-hash").asText().matches("sha256:[0-9a-f]{16}"),
                    what + ": " + a);
            hash = hash == null ? a.get("kubelift.io/plan-hash").asText() : hash;
            assertEquals(hash, a.get("kubelift.io/plan-hash").asText(), "one plan, one hash");
            // a StatefulSet's volumeClaimTemplates cannot change after the first apply: no
            // annotation that follows the plan
            for (JsonNode claim : o.path("spec").path("volumeClaimTemplates")) {
                assertFalse(claim.path("metadata").has("annotations"), what + " claim " + claim);
            }
        }
    }

    @Test
    void thePlanHashFollowsThePlan() throws Exception {
        MigrationPlan plan = Fixtures.plan("java-cp");
        MigrationPlan edited =
                new MigrationPlan(
                        plan.apiVersion(),
                        plan.kind(),
                        plan.metadata(),
                        new io.kubelift.model.PlanSpec(
                                new io.kubelift.model.Source(
                                        "elsewhere/app", plan.spec().source().detectors()),
                                plan.spec().components()));
        String before =
                planHash(
                        Generator.withDefaults()
                                .generate(
                                        plan,
                                        Fixtures.app("java-cp"),
                                        Fixtures.secrets(),
                                        GenerateOptions.defaults()));
        String after =
                planHash(
                        Generator.withDefaults()
                                .generate(
                                        edited,
                                        Fixtures.app("java-cp"),
                                        Fixtures.secrets(),
                                        GenerateOptions.defaults()));
        assertNotEquals(before, after);
    }

    private static String planHash(FileSet files) throws Exception {
        return objects(files)
                .get(0)
                .path("metadata")
                .path("annotations")
                .path("kubelift.io/plan-hash")
                .asText();
    }
}
