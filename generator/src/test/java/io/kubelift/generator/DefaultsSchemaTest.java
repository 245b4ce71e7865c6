package io.kubelift.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.kubelift.generator.defaults.DefaultsReader;
import io.kubelift.model.KubeliftException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/kubelift-yaml.schema.json, the documented schema of the organisation defaults, accepts every
 * example kubelift.yaml (the one in docs/deploy.md and those the tests use) and rejects wrong ones,
 * which kubelift's own reader rejects too.
 */
class DefaultsSchemaTest {
    static final Path DOCS = Path.of("../docs");
    private static final YAMLMapper YAML = new YAMLMapper();

    static JsonSchema schema() throws IOException {
        try (InputStream in = Files.newInputStream(DOCS.resolve("kubelift-yaml.schema.json"))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    /** The examples: test resources named kubelift.yaml and the example in docs/deploy.md. */
    static Map<String, String> examples() throws IOException {
        Map<String, String> ex = new java.util.TreeMap<>();
        for (Path root :
                List.of(Path.of("src/test/resources"), Path.of("../core/src/test/resources"))) {
            try (var s = Files.walk(root)) {
                for (Path p :
                        s.filter(f -> f.getFileName().toString().equals("kubelift.yaml"))
                                .toList()) {
                    ex.put(p.toString(), Files.readString(p));
                }
            }
        }
        String deploy = Files.readString(DOCS.resolve("deploy.md"));
        Matcher m =
                Pattern.compile(
                                "```yaml\n(apiVersion: kubelift.io/v1alpha1\n.*?)```",
                                Pattern.DOTALL)
                        .matcher(deploy);
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertFalse(blocks.isEmpty(), "docs/deploy.md shows an example kubelift.yaml");
        for (int i = 0; i < blocks.size(); i++) {
            ex.put("docs/deploy.md#" + i, blocks.get(i));
        }
        return ex;
    }

    @Test
    void everyExampleValidatesAndReads() throws IOException {
        JsonSchema schema = schema();
        Map<String, String> examples = examples();
        assertTrue(examples.size() >= 3, examples.keySet().toString());
        for (Map.Entry<String, String> e : examples.entrySet()) {
            Set<ValidationMessage> errors = schema.validate(YAML.readTree(e.getValue()));
            assertEquals(Set.of(), errors, e.getKey() + " against docs/kubelift-yaml.schema.json");
            DefaultsReader.parse(e.getValue(), "kubelift.yaml"); // and kubelift reads it
        }
    }

    @Test
    void wrongFilesAreRejectedByTheSchemaAndTheReader() throws IOException {
        JsonSchema schema = schema();
        String base = "apiVersion: kubelift.io/v1alpha1\nkind: Defaults\n";
        for (String wrong :
                List.of(
                        base + "image:\n  registy: registry.example.com\n",
                        base + "image:\n  tagPolicy: newest\n",
                        base + "resources:\n  requests: {cpu: lots}\n",
                        base + "storage:\n  size: 20 GB\n",
                        base + "colour: blue\n",
                        "apiVersion: kubelift.io/v9\nkind: Defaults\n")) {
            JsonNode doc = YAML.readTree(wrong);
            assertFalse(schema.validate(doc).isEmpty(), "the schema accepts:\n" + wrong);
            assertThrows(
                    KubeliftException.class,
                    () -> DefaultsReader.parse(wrong, "kubelift.yaml"),
                    "kubelift reads:\n" + wrong);
        }
    }
}
