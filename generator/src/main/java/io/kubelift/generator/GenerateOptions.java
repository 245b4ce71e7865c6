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
 * secrets}: plain, external-secrets, sealed; null = the defaults file's choice, else plain); and
 * what delivers the output ({@link Delivery}: a CI pipeline, Argo CD applications).
 */
public record GenerateOptions(
        List<String> environments,
        Map<String, String> images,
        String layout,
        OrgDefaults org,
        String secrets,
        Delivery delivery) {
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
        delivery = delivery == null ? Delivery.NONE : delivery;
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
        this(environments, images, null, null, null, null);
    }

    public GenerateOptions(
            List<String> environments,
            Map<String, String> images,
            String layout,
            OrgDefaults org,
            String secrets) {
        this(environments, images, layout, org, secrets, null);
    }

    static void oneOf(String option, String value, List<String> allowed) {
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
        return new GenerateOptions(environments, newImages, layout, org, secrets, delivery);
    }

    public GenerateOptions withLayout(String newLayout) {
        return new GenerateOptions(environments, images, newLayout, org, secrets, delivery);
    }

    public GenerateOptions withOrg(OrgDefaults newDefaults) {
        return new GenerateOptions(environments, images, layout, newDefaults, secrets, delivery);
    }

    public GenerateOptions withSecrets(String mode) {
        return new GenerateOptions(environments, images, layout, org, mode, delivery);
    }

    public GenerateOptions withDelivery(Delivery newDelivery) {
        return new GenerateOptions(environments, images, layout, org, secrets, newDelivery);
    }

    /** The secrets mode in effect: the option, else the defaults file's, else plain. */
    public String secretsMode() {
        return secrets != null ? secrets : org.secretsMode() != null ? org.secretsMode() : "plain";
    }

    /**
     * What delivers the output besides the manifests: {@code ci} writes a pipeline ({@value
     * Delivery#GITHUB}, {@value Delivery#TEKTON}, {@value Delivery#GITLAB}) that builds the images
     * with {@code tool} ({@value Delivery#CLI}: the kubelift command; {@value Delivery#MAVEN}: the
     * Maven plugin), runs {@code kubelift check --fail-on error} and deploys the layout; {@code
     * gitops} ({@value Delivery#ARGOCD}) writes an Argo CD Application per environment for the git
     * repository {@code gitopsRepo}. {@code repoDir} is where the output directory sits in that
     * repository (default {@code .}: the output is the repository's root). Null fields: nothing.
     */
    public record Delivery(
            String ci, String gitops, String tool, String repoDir, String gitopsRepo) {
        public static final String GITHUB = "github";
        public static final String TEKTON = "tekton";
        public static final String GITLAB = "gitlab";
        public static final String ARGOCD = "argocd";
        public static final String CLI = "cli";
        public static final String MAVEN = "maven";
        public static final List<String> CI_SYSTEMS = List.of(GITHUB, TEKTON, GITLAB);
        public static final List<String> GITOPS_TOOLS = List.of(ARGOCD);
        public static final Delivery NONE = new Delivery(null, null, null, null, null);

        public Delivery {
            oneOf("--ci", ci, CI_SYSTEMS);
            oneOf("--gitops", gitops, GITOPS_TOOLS);
            tool = tool == null ? CLI : tool;
            oneOf("ci tool", tool, List.of(CLI, MAVEN));
            repoDir = repoDir == null || repoDir.isBlank() ? "." : normalise(repoDir);
            if (gitops != null && (gitopsRepo == null || gitopsRepo.isBlank())) {
                throw KubeliftException.usage(
                        "--gitops " + gitops + " needs the git repository the output is pushed to",
                        "add --gitops-repo URL (e.g. https://git.example.com/team/app.git)");
            }
        }

        private static String normalise(String dir) {
            String d = dir.replace('\\', '/');
            while (d.endsWith("/") && d.length() > 1) {
                d = d.substring(0, d.length() - 1);
            }
            if (d.startsWith("/") || d.equals("..") || d.startsWith("../") || d.contains("/../")) {
                throw KubeliftException.usage(
                        "--repo-dir '" + dir + "' is not a path inside the repository",
                        "give the output directory relative to the repository root, e.g. deploy/myapp");
            }
            return d.startsWith("./") && d.length() > 2 ? d.substring(2) : d;
        }
    }
}
