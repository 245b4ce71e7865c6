package io.kubelift.generator.defaults;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Organisation-wide choices from {@code kubelift.yaml} (docs/kubelift-yaml.schema.json): where
 * images are pushed, ingress class, base domain and TLS issuer, storage class, default requests and
 * limits, scheduling, extra metadata, how secrets reach the cluster, and how each environment
 * differs. Every value remembers where it came from ({@link #sources()}: setting path → {@code
 * file:line}); an absent value means the built-in default.
 */
public record OrgDefaults(
        String registry,
        String tagPolicy,
        String tag,
        String ingressClass,
        String domain,
        String hostPattern,
        String tlsIssuer,
        String tlsIssuerKind,
        String storageClass,
        String storageSize,
        Map<String, String> requests,
        Map<String, String> limits,
        Map<String, String> nodeSelector,
        List<Map<String, Object>> tolerations,
        Map<String, String> labels,
        Map<String, String> annotations,
        String secretsMode,
        String secretStoreKind,
        String secretStoreName,
        Map<String, Environment> environments,
        Map<String, String> sources) {

    public static final String TAG_PLAN_HASH = "plan-hash";
    public static final String TAG_FIXED = "fixed";
    public static final String DEFAULT_HOST_PATTERN = "{component}.{env}.{domain}";

    /**
     * How one environment differs; null fields fall back to the built-in profile of that
     * environment.
     */
    public record Environment(
            Integer replicas,
            Map<String, String> requests,
            Map<String, String> limits,
            String tag,
            Boolean tls,
            String storageSize,
            Boolean autoscaling,
            Boolean disruptionBudget,
            String domain) {
        public static final Environment NONE =
                new Environment(null, Map.of(), Map.of(), null, null, null, null, null, null);

        public Environment {
            requests = requests == null ? Map.of() : Map.copyOf(new TreeMap<>(requests));
            limits = limits == null ? Map.of() : Map.copyOf(new TreeMap<>(limits));
        }
    }

    public static final OrgDefaults NONE =
            new OrgDefaults(
                    null, null, null, null, null, null, null, null, null, null, Map.of(), Map.of(),
                    Map.of(), List.of(), Map.of(), Map.of(), null, null, null, Map.of(), Map.of());

    public OrgDefaults {
        requests = sorted(requests);
        limits = sorted(limits);
        nodeSelector = sorted(nodeSelector);
        tolerations = tolerations == null ? List.of() : List.copyOf(tolerations);
        labels = sorted(labels);
        annotations = sorted(annotations);
        environments =
                environments == null
                        ? Map.of()
                        : java.util.Collections.unmodifiableMap(new TreeMap<>(environments));
        sources =
                sources == null
                        ? Map.of()
                        : java.util.Collections.unmodifiableMap(new TreeMap<>(sources));
    }

    private static <V> Map<String, V> sorted(Map<String, V> m) {
        return m == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(m));
    }

    public Environment environment(String env) {
        return environments.getOrDefault(env, Environment.NONE);
    }

    /**
     * Where a setting (a dotted path such as {@code ingress.domain}) came from: {@code
     * kubelift.yaml:7}, or "built-in default".
     */
    public String sourceOf(String setting) {
        return Optional.ofNullable(sources.get(setting)).orElse("built-in default");
    }

    public String hostPatternOrDefault() {
        return hostPattern == null ? DEFAULT_HOST_PATTERN : hostPattern;
    }

    public String tagPolicyOrDefault() {
        return tagPolicy == null ? TAG_PLAN_HASH : tagPolicy;
    }
}
