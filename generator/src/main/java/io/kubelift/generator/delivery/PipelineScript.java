package io.kubelift.generator.delivery;

import io.kubelift.generator.ComponentContext;
import io.kubelift.generator.GenerateOptions;
import io.kubelift.generator.GenerateOptions.Delivery;
import io.kubelift.generator.PlanContext;
import java.util.List;
import java.util.Locale;

/**
 * The shell every pipeline runs, whatever the CI system: the same check, build and deploy commands,
 * so GitHub Actions, GitLab CI and Tekton differ only in how they schedule them. The scripts read
 * their settings from environment variables: {@code KUBELIFT_OUT} (the output directory in the
 * repository), {@code KUBELIFT_REGISTRY} (where images are pushed; default the defaults file's
 * registry), {@code KUBELIFT_DIST_URL} (a kubelift distribution archive, for the CLI), {@code
 * REGISTRY_USER}/{@code REGISTRY_PASSWORD} (optional), {@code ENVIRONMENT} and, with plain secrets,
 * {@code KUBELIFT_SECRETS_<COMPONENT>} (the filled env file of a component).
 */
final class PipelineScript {
    /** Where the build step lists the pushed images: {@code IMAGE <component> <ref@digest>}. */
    static final String IMAGES_FILE = "kubelift-images.txt";

    private final PlanContext ctx;
    private final Delivery delivery;

    PipelineScript(PlanContext ctx) {
        this.ctx = ctx;
        this.delivery = ctx.options().delivery();
    }

    String app() {
        return ctx.appName();
    }

    List<String> environments() {
        return ctx.options().environments();
    }

    String outDir() {
        return delivery.repoDir();
    }

    boolean maven() {
        return Delivery.MAVEN.equals(delivery.tool());
    }

    boolean helm() {
        return ctx.options().layout().equals(GenerateOptions.HELM);
    }

    /**
     * What the deploy job needs from the build job: the list of pushed images, and with Maven the
     * output directory the build wrote (a CLI pipeline's output is committed).
     */
    List<String> artifacts() {
        return maven() ? List.of(IMAGES_FILE, outDir()) : List.of(IMAGES_FILE);
    }

    /** The defaults file's registry, or empty: then KUBELIFT_REGISTRY must be set. */
    String defaultRegistry() {
        String r = ctx.options().org().registry();
        return r == null ? "" : r;
    }

    /** Components whose secrets the pipeline must deliver (plain mode only). */
    List<ComponentContext> plainSecretComponents() {
        if (!ctx.options().secretsMode().equals("plain")) {
            return List.of();
        }
        return ctx.components().stream().filter(c -> !c.component().secrets().isEmpty()).toList();
    }

    static String secretVariable(String component) {
        return "KUBELIFT_SECRETS_"
                + component.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** Puts the kubelift distribution on PATH (CLI pipelines); {@code pathLine} persists it. */
    String install(String pathLine) {
        return ": \"${KUBELIFT_DIST_URL:?set KUBELIFT_DIST_URL to the URL of a kubelift-VERSION.tar.gz (docs/deploy.md)}\"\n"
                + "mkdir -p \"$HOME/.kubelift\"\n"
                + "if command -v curl >/dev/null 2>&1; then fetch=\"curl -fsSL\"; else fetch=\"wget -qO-\"; fi\n"
                + "$fetch \"$KUBELIFT_DIST_URL\" | tar -xz -C \"$HOME/.kubelift\" --strip-components=1\n"
                + pathLine
                + "\n";
    }

    /** The twelve-factor check; fails the pipeline on an error finding. */
    String check() {
        if (maven()) {
            return "mvn -B package kubelift:check -Dkubelift.failOn=error\n";
        }
        return "kubelift check \"$KUBELIFT_OUT\" --fail-on error\n";
    }

    /** Builds and pushes every component's image and lists them in {@value #IMAGES_FILE}. */
    String build() {
        StringBuilder sb = new StringBuilder();
        sb.append("REGISTRY=\"${KUBELIFT_REGISTRY:-")
                .append(defaultRegistry())
                .append("}\"\n")
                .append(
                        ": \"${REGISTRY:?set KUBELIFT_REGISTRY to the registry to push to, e.g. registry.example.com/team}\"\n")
                .append("if [ -n \"${REGISTRY_USER:-}\" ]; then\n")
                .append("  mkdir -p \"$HOME/.docker\"\n")
                .append(
                        "  auth=\"$(printf '%s:%s' \"$REGISTRY_USER\" \"$REGISTRY_PASSWORD\" | base64 | tr -d '\\n')\"\n")
                .append(
                        "  printf '{\"auths\":{\"%s\":{\"auth\":\"%s\"}}}\\n' \"${REGISTRY%%/*}\" \"$auth\" > \"$HOME/.docker/config.json\"\n")
                .append("fi\n");
        if (maven()) {
            sb.append(
                            "mvn -B package kubelift:build -Dkubelift.to=\"registry:$REGISTRY\" > build.log || { cat build.log; exit 1; }\n")
                    .append("cat build.log\n")
                    .append(
                            "sed -n 's/^\\[INFO\\] image \\([^:]*\\): \\([^ ]*@sha256:[0-9a-f]*\\).*/IMAGE \\1 \\2/p' build.log > ")
                    .append(IMAGES_FILE)
                    .append('\n');
        } else {
            sb.append(
                            "kubelift build \"$KUBELIFT_OUT/plan.yaml\" --to \"registry:$REGISTRY\" -o \"${TMPDIR:-/tmp}/kubelift-pinned\" > build.log\n")
                    .append("cat build.log\n")
                    .append("grep '^IMAGE ' build.log > ")
                    .append(IMAGES_FILE)
                    .append('\n');
        }
        sb.append("test -s ")
                .append(IMAGES_FILE)
                .append(" || { echo 'kubelift: no image was built' >&2; exit 1; }\n");
        return sb.toString();
    }

    /**
     * Deploys environment {@code $ENVIRONMENT}: the plain secrets from the CI's secret variables,
     * then the overlay (Kustomize, with the pushed images pinned by digest) or the chart (Helm).
     */
    String deploy() {
        String ns = app() + "-$ENVIRONMENT";
        StringBuilder sb = new StringBuilder(": \"${ENVIRONMENT:?set ENVIRONMENT}\"\n");
        for (ComponentContext c : plainSecretComponents()) {
            String var = secretVariable(c.name());
            sb.append(": \"${")
                    .append(var)
                    .append(":?set the CI secret ")
                    .append(var)
                    .append(" to the filled secrets env file of ")
                    .append(c.name())
                    .append(" (see its .env.example)}\"\n");
            if (helm()) {
                sb.append("kubectl create namespace \"")
                        .append(ns)
                        .append("\" --dry-run=client -o yaml | kubectl apply -f -\n")
                        .append("printf '%s\\n' \"$")
                        .append(var)
                        .append("\" > \"${TMPDIR:-/tmp}/")
                        .append(c.name())
                        .append(".env\"\n")
                        .append("kubectl create secret generic ")
                        .append(c.name())
                        .append("-secrets --namespace \"")
                        .append(ns)
                        .append("\" --from-env-file=\"${TMPDIR:-/tmp}/")
                        .append(c.name())
                        .append(".env\" --dry-run=client -o yaml | kubectl apply -f -\n");
            } else {
                sb.append("printf '%s\\n' \"$")
                        .append(var)
                        .append("\" > \"$KUBELIFT_OUT/k8s/base/secrets/")
                        .append(c.name())
                        .append(".env\"\n");
            }
        }
        if (helm()) {
            sb.append("set --\n")
                    .append("while read -r _ c ref; do\n")
                    .append(
                            "  set -- \"$@\" --set-string \"components.$c.image.repository=${ref%@*}\" --set-string \"components.$c.image.digest=${ref#*@}\"\n")
                    .append("done < ")
                    .append(IMAGES_FILE)
                    .append('\n')
                    .append("helm upgrade --install ")
                    .append(app())
                    .append(" \"$KUBELIFT_OUT/chart\" --namespace \"")
                    .append(ns)
                    .append(
                            "\" --create-namespace -f \"$KUBELIFT_OUT/chart/values-$ENVIRONMENT.yaml\" --set-string image.registry= \"$@\" --wait\n");
        } else {
            sb.append("pin() {\n")
                    .append("  ref=\"$(sed -n \"s/^IMAGE $1 //p\" ")
                    .append(IMAGES_FILE)
                    .append(")\"\n")
                    .append(
                            "  [ -z \"$ref\" ] || printf -- '- name: %s\\n  newName: %s\\n  digest: %s\\n' \"$2\" \"${ref%@*}\" \"${ref#*@}\"\n")
                    .append("}\n")
                    .append("dir=\"$KUBELIFT_OUT/k8s/pinned/$ENVIRONMENT\"\n")
                    .append("mkdir -p \"$dir\"\n")
                    .append("{\n")
                    .append(
                            "  printf 'apiVersion: kustomize.config.k8s.io/v1beta1\\nkind: Kustomization\\nresources:\\n- ../../overlays/%s\\nimages:\\n' \"$ENVIRONMENT\"\n");
            for (ComponentContext c : ctx.components()) {
                sb.append("  pin ")
                        .append(c.name())
                        .append(' ')
                        .append(imageName(c.image()))
                        .append('\n');
            }
            sb.append("} > \"$dir/kustomization.yaml\"\n").append("kubectl apply -k \"$dir\"\n");
        }
        return sb.toString();
    }

    /**
     * An image reference without its tag or digest: what Kustomize's images transformer matches.
     */
    static String imageName(String ref) {
        int at = ref.indexOf('@');
        String r = at >= 0 ? ref.substring(0, at) : ref;
        int colon = r.lastIndexOf(':');
        return colon > r.lastIndexOf('/') ? r.substring(0, colon) : r;
    }
}
