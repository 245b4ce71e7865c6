package io.kubelift.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelift.generator.defaults.DefaultsReader;
import io.kubelift.model.KubeliftException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The one-file rendering of an environment holds exactly what kubectl kustomize builds from the
 * overlay.
 */
class RenderTest {
    static final List<String> CASES = Fixtures.CASES;

    @ParameterizedTest
    @FieldSource("CASES")
    void renderEqualsTheKustomizeBuildOfEveryOverlay(String name, @TempDir Path out)
            throws Exception {
        for (boolean withDefaults : List.of(false, true)) {
            GenerateOptions o = GenerateOptions.defaults();
            if (withDefaults) {
                o = o.withOrg(DefaultsReader.read(OrgDefaultsTest.FILE));
            }
            Path dir = out.resolve(String.valueOf(withDefaults));
            Fixtures.write(
                    Generator.withDefaults()
                            .generate(
                                    Fixtures.plan(name), Fixtures.app(name), Fixtures.secrets(), o),
                    dir);
            for (String env : GenerateOptions.DEFAULT_ENVIRONMENTS) {
                String rendered =
                        Generator.withDefaults()
                                .render(
                                        Fixtures.plan(name),
                                        Fixtures.app(name),
                                        Fixtures.secrets(),
                                        o,
                                        env);
                for (String secret : Fixtures.SECRET_VALUES.values()) {
                    assertFalse(rendered.contains(secret), "secret value in the rendered file");
                }
                List<String> built =
                        normalise(OrgDefaultsTest.kustomize(dir.resolve("k8s/overlays/" + env)));
                List<String> mine = normalise(ManifestValidationTest.readAll(rendered));
                List<String> onlyBuilt = built.stream().filter(d -> !mine.contains(d)).toList();
                List<String> onlyMine = mine.stream().filter(d -> !built.contains(d)).toList();
                assertEquals(
                        onlyBuilt,
                        onlyMine,
                        name
                                + " "
                                + env
                                + (withDefaults ? " with kubelift.yaml" : "")
                                + ": kustomize built (expected) vs rendered (actual)");
                assertEquals(built.size(), mine.size());
            }
        }
    }

    @Test
    void unknownEnvironmentIsAUsageError() {
        assertThrows(
                KubeliftException.class,
                () ->
                        Generator.withDefaults()
                                .render(
                                        Fixtures.plan("java-cp"),
                                        Fixtures.app("java-cp"),
                                        Fixtures.secrets(),
                                        GenerateOptions.defaults(),
                                        "staging"));
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper SORTED =
            com.fasterxml.jackson.databind.json.JsonMapper.builder()
                    .enable(
                            com.fasterxml.jackson.databind.SerializationFeature
                                    .ORDER_MAP_ENTRIES_BY_KEYS)
                    .build();

    private static String sorted(JsonNode d) {
        try {
            return SORTED.writeValueAsString(SORTED.treeToValue(d, Object.class));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sorted JSON of the objects; kustomize's generated Secrets left out and their hash suffix
     * taken off the references.
     */
    static List<String> normalise(List<JsonNode> docs) {
        return docs.stream()
                .filter(d -> !d.path("kind").asText().equals("Secret"))
                .map(d -> sorted(d).replaceAll("(-secrets)-[a-z0-9]{10}\"", "$1\""))
                .sorted()
                .toList();
    }
}
