package io.kubelift.generator;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a generation run needs besides the plan: the environments to write overlays for (default dev, test,
 * prod) and, per component, the image reference {@code kubelift build} pushed (ideally by digest). A component
 * without an entry gets {@link ImageNames#imagesFor the documented default}, never a {@code latest} tag.
 */
public record GenerateOptions(List<String> environments, Map<String, String> images) {
    public static final List<String> DEFAULT_ENVIRONMENTS = List.of("dev", "test", "prod");

    public GenerateOptions {
        environments = environments == null || environments.isEmpty() ? DEFAULT_ENVIRONMENTS : List.copyOf(environments);
        images = images == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(images));
        var seen = new java.util.HashSet<String>();
        for (String env : environments) {
            if (!io.kubelift.model.Names.isDnsLabel(env) || !seen.add(env)) {
                throw io.kubelift.model.KubeliftException.usage("environment '" + env + "' is not a DNS-1123 label or is given twice",
                        "use lower-case names such as dev, test, prod");
            }
        }
    }

    public static GenerateOptions defaults() {
        return new GenerateOptions(DEFAULT_ENVIRONMENTS, Map.of());
    }
}
