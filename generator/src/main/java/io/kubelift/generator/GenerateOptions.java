package io.kubelift.generator;

import io.kubelift.generator.defaults.OrgDefaults;
import io.kubelift.model.KubeliftException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a generation run needs besides the plan: the environments to write overlays for (default
 * dev, test, prod); per component, the image reference {@code kubelift build} pushed (ideally by
 * digest) — a component without an entry gets {@link ImageNames#imagesFor the documented default},
 * never a {@code latest} tag; the output {@code layout} ({@value #KUSTOMIZE} or {@value #HELM});
 * the organisation defaults ({@code kubelift.yaml}); how secrets reach the cluster ({@code
 * secrets}: plain, external-secrets, sealed; null = the defaults file's choice, else plain).
 */
public record GenerateOptions(
        List<String> environments,
        Map<String, String> images,
        String layout,
        OrgDefaults org,
        String secrets) {
    public static final List<String> DEFAULT_ENVIRONMENTS = List.of("dev", "test", "prod");
    public static final String KUSTOMIZE = "kustomize";
    public static final String HELM = "helm";
    public static final List<String> LAYOUTS = List.of(KUSTOMIZE, HELM);
    public static final List<String> SECRET_MODES = List.of("plain", "external-secrets", "sealed");

    public GenerateOptions {
        environments =
                environments == null || environments.isEmpty()
                        ? DEFAULT_ENVIRONMENTS
                        : List.copyOf(environments);
        images =
                images == null
                        ? Map.of()
                        : java.util.Collections.unmodifiableMap(new TreeMap<>(images));
        layout = layout == null ? KUSTOMIZE : layout;
        org = org == null ? OrgDefaults.NONE : org;
        var seen = new java.util.HashSet<String>();
        for (String env : environments) {
            if (!io.kubelift.model.Names.isDnsLabel(env) || !seen.add(env)) {
                throw KubeliftException.usage(
                        "environment '" + env + "' is not a DNS-1123 label or is given twice",
                        "use lower-case names such as dev, test, prod");
            }
        }
        oneOf("--layout", layout, LAYOUTS);
        oneOf("--secrets", secrets, SECRET_MODES);
    }

    public GenerateOptions(List<String> environments, Map<String, String> images) {
        this(environments, images, null, null, null);
    }

    private static void oneOf(String option, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw KubeliftException.usage(
                    option + " '" + value + "' is not one of " + allowed,
                    "use one of " + String.join(", ", allowed));
        }
    }

    public static GenerateOptions defaults() {
        return new GenerateOptions(DEFAULT_ENVIRONMENTS, Map.of());
    }

    public GenerateOptions withImages(Map<String, String> newImages) {
        return new GenerateOptions(environments, newImages, layout, org, secrets);
    }

    public GenerateOptions withLayout(String newLayout) {
        return new GenerateOptions(environments, images, newLayout, org, secrets);
    }

    public GenerateOptions withOrg(OrgDefaults newDefaults) {
        return new GenerateOptions(environments, images, layout, newDefaults, secrets);
    }

    public GenerateOptions withSecrets(String mode) {
        return new GenerateOptions(environments, images, layout, org, mode);
    }

    /** The secrets mode in effect: the option, else the defaults file's, else plain. */
    public String secretsMode() {
        return secrets != null ? secrets : org.secretsMode() != null ? org.secretsMode() : "plain";
    }
}
