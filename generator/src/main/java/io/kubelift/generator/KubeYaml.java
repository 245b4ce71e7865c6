package io.kubelift.generator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kubelift.model.KubeliftException;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes Kubernetes objects (fabric8 model) and kustomization files as readable, deterministic
 * YAML: no document marker, quotes only where YAML needs them, multi-line strings as literal
 * blocks, map keys (labels, annotations, ConfigMap data) sorted, field order as the Kubernetes API
 * documents it, nulls left out.
 */
public final class KubeYaml {
    private static final ObjectMapper TREE =
            JsonMapper.builder()
                    .serializationInclusion(JsonInclude.Include.NON_NULL)
                    .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .build();
    private static final YAMLMapper YAML =
            YAMLMapper.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .build();

    private KubeYaml() {}

    /** The object as a JSON tree (what the schema validator and the YAML writer see). */
    public static JsonNode tree(Object object) {
        JsonNode n = TREE.valueToTree(object);
        prune(n);
        return n;
    }

    public static String write(Object object) {
        try {
            String y = YAML.writeValueAsString(tree(object));
            return y.endsWith("\n") ? y : y + "\n";
        } catch (JsonProcessingException e) {
            throw new KubeliftException(
                    KubeliftException.Kind.INTERNAL,
                    "cannot write YAML: " + e.getOriginalMessage(),
                    e);
        }
    }

    /**
     * Drops empty lists and {@code additionalProperties} leftovers; keeps empty objects, which mean
     * something ({@code emptyDir: {}}).
     */
    private static void prune(JsonNode node) {
        if (node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                prune(v);
                if (v.isNull() || (v instanceof ArrayNode a && a.isEmpty())) {
                    it.remove();
                }
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(KubeYaml::prune);
        }
    }
}
