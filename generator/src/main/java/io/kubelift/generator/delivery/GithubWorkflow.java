package io.kubelift.generator.delivery;

import static io.kubelift.generator.delivery.OrderedYaml.map;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubelift.generator.ComponentContext;
import io.kubelift.generator.PlanContext;
import io.kubelift.generator.layout.Layout;
import io.kubelift.model.FileSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code .github/workflows/kubelift-<app>.yaml}: a GitHub Actions workflow. Job {@code build}
 * checks the output ({@code kubelift check --fail-on error}) and builds and pushes the images; job
 * {@code deploy} deploys to the first environment on a push to main, or to the one chosen when the
 * workflow is run by hand, as a GitHub environment (so its protection rules apply).
 */
final class GithubWorkflow implements Layout {
    static final String CHECKOUT = "actions/checkout@v4";
    static final String SETUP_JAVA = "actions/setup-java@v4";
    static final String UPLOAD = "actions/upload-artifact@v4";
    static final String DOWNLOAD = "actions/download-artifact@v4";
    static final String SETUP_HELM = "azure/setup-helm@v4";
    static final String RUNNER = "ubuntu-latest";

    @Override
    public String name() {
        return "github";
    }

    static String path(PlanContext ctx) {
        return ".github/workflows/kubelift-" + ctx.appName() + ".yaml";
    }

    @Override
    public void write(PlanContext ctx, List<HasMetadata> objects, FileSet out) {
        PipelineScript s = new PipelineScript(ctx);
        String env = "${{ inputs.environment || '" + s.environments().get(0) + "' }}";
        Map<String, Object> workflowEnv = new LinkedHashMap<>();
        workflowEnv.put("KUBELIFT_OUT", s.outDir());
        workflowEnv.put("KUBELIFT_REGISTRY", "${{ vars.KUBELIFT_REGISTRY }}");
        if (!s.maven()) {
            workflowEnv.put("KUBELIFT_DIST_URL", "${{ vars.KUBELIFT_DIST_URL }}");
        }

        List<Object> buildSteps = new ArrayList<>();
        buildSteps.add(map("uses", CHECKOUT));
        buildSteps.add(
                map(
                        "uses",
                        SETUP_JAVA,
                        "with",
                        map(
                                "distribution",
                                "temurin",
                                "java-version",
                                "17",
                                "cache",
                                s.maven() ? "maven" : null)));
        if (!s.maven()) {
            buildSteps.add(
                    map(
                            "name",
                            "Install kubelift",
                            "run",
                            "set -eu\n"
                                    + s.install(
                                            "echo \"$HOME/.kubelift/bin\" >> \"$GITHUB_PATH\"")));
        }
        buildSteps.add(map("name", "kubelift check", "run", "set -eu\n" + s.check()));
        buildSteps.add(
                map(
                        "name",
                        "Build and push the images",
                        "env",
                        map(
                                "REGISTRY_USER",
                                "${{ secrets.REGISTRY_USER }}",
                                "REGISTRY_PASSWORD",
                                "${{ secrets.REGISTRY_PASSWORD }}"),
                        "run",
                        "set -eu\n" + s.build()));
        buildSteps.add(
                map(
                        "uses",
                        UPLOAD,
                        "with",
                        map("name", "kubelift-images", "path", String.join("\n", s.artifacts()))));

        Map<String, Object> deployEnv = new LinkedHashMap<>();
        deployEnv.put("ENVIRONMENT", env);
        for (ComponentContext c : s.plainSecretComponents()) {
            String var = PipelineScript.secretVariable(c.name());
            deployEnv.put(var, "${{ secrets." + var + " }}");
        }
        List<Object> deploySteps = new ArrayList<>();
        deploySteps.add(map("uses", CHECKOUT));
        deploySteps.add(map("uses", DOWNLOAD, "with", map("name", "kubelift-images")));
        if (s.helm()) {
            deploySteps.add(map("uses", SETUP_HELM));
        }
        deploySteps.add(
                map(
                        "name",
                        "Cluster access",
                        "env",
                        map("KUBECONFIG_DATA", "${{ secrets.KUBECONFIG }}"),
                        "run",
                        "set -eu\n"
                                + ": \"${KUBECONFIG_DATA:?set the secret KUBECONFIG of this environment}\"\n"
                                + "mkdir -p \"$HOME/.kube\"\n"
                                + "printf '%s\\n' \"$KUBECONFIG_DATA\" > \"$HOME/.kube/config\"\n"
                                + "chmod 600 \"$HOME/.kube/config\"\n"));
        deploySteps.add(map("name", "Deploy to " + env, "run", "set -eu\n" + s.deploy()));

        Map<String, Object> workflow =
                map(
                        "name",
                        "kubelift " + s.app(),
                        "on",
                        map(
                                "push",
                                map("branches", List.of("main")),
                                "workflow_dispatch",
                                map(
                                        "inputs",
                                        map(
                                                "environment",
                                                map(
                                                        "description",
                                                        "the environment to deploy to",
                                                        "required",
                                                        true,
                                                        "type",
                                                        "choice",
                                                        "options",
                                                        s.environments(),
                                                        "default",
                                                        s.environments().get(0))))),
                        "permissions",
                        map("contents", "read"),
                        "concurrency",
                        map(
                                "group",
                                "kubelift-" + s.app() + "-" + env,
                                "cancel-in-progress",
                                false),
                        "env",
                        workflowEnv,
                        "jobs",
                        map(
                                "build",
                                map("runs-on", RUNNER, "steps", buildSteps),
                                "deploy",
                                map(
                                        "needs",
                                        "build",
                                        "runs-on",
                                        RUNNER,
                                        "environment",
                                        env,
                                        "env",
                                        deployEnv,
                                        "steps",
                                        deploySteps)));
        out.add(
                path(ctx),
                OrderedYaml.write(
                        "# Generated by kubelift (--ci github): check, build and push the images, deploy "
                                + (s.helm() ? "the chart" : "the overlay")
                                + ".\n# Settings and secrets to set in the repository: docs/deploy.md#ci-pipelines\n",
                        workflow));
    }
}
