package io.kubelift.generator.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kubelift.model.KubeliftException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * YAML for pipelines and Argo CD applications: keys in the order a person reads them (the order
 * they were put in, not sorted), quotes only where YAML needs them, scripts as literal blocks.
 * Built from insertion-ordered maps, so the same input gives the same bytes.
 */
final class OrderedYaml {
    private static final YAMLMapper YAML =
            YAMLMapper.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .build();

    private OrderedYaml() {}

    /** A map of key-value pairs in the given order; null values are left out. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                m.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return m;
    }

    static String write(String header, Object document) {
        try {
            String y = YAML.writeValueAsString(document);
            return header + (y.endsWith("\n") ? y : y + "\n");
        } catch (JsonProcessingException e) {
            throw new KubeliftException(
                    KubeliftException.Kind.INTERNAL,
                    "cannot write YAML: " + e.getOriginalMessage(),
                    e);
        }
    }
}
