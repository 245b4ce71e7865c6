package io.kubelift.generator.delivery;

import static io.kubelift.generator.delivery.OrderedYaml.map;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubelift.generator.ComponentContext;
import io.kubelift.generator.ObjectNames;
import io.kubelift.generator.PlanContext;
import io.kubelift.generator.layout.Layout;
import io.kubelift.model.FileSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code .tekton/kubelift-<app>-pipeline.yaml}: a Tekton {@code Pipeline} (tekton.dev/v1) with
 * embedded tasks clone, check, build and deploy sharing the workspace {@code source}. Optional
 * workspaces: {@code registry-auth} (a docker {@code config.json} for the push) and, with plain
 * secrets, {@code secrets} (a Secret whose keys are {@code <component>.env}). Deploy runs as the
 * PipelineRun's service account, which needs rights in the target namespace.
 */
final class TektonPipeline implements Layout {
    static final String GIT_IMAGE = "alpine/git:2.45.2";

    @Override
    public String name() {
        return "tekton";
    }

    static String path(PlanContext ctx) {
        return ".tekton/kubelift-" + ctx.appName() + "-pipeline.yaml";
    }

    @Override
    public void write(PlanContext ctx, List<HasMetadata> objects, FileSet out) {
        PipelineScript s = new PipelineScript(ctx);
        String buildImage = s.maven() ? GitlabPipeline.MAVEN_IMAGE : GitlabPipeline.JDK_IMAGE;
        String install = s.maven() ? "" : s.install("export PATH=\"$HOME/.kubelift/bin:$PATH\"");
        List<Object> params = new ArrayList<>();
        params.add(
                param("git-url", "the repository holding the app and the kubelift output", null));
        params.add(param("git-revision", "the branch, tag or commit to build", "main"));
        params.add(param("environment", "the environment to deploy to", s.environments().get(0)));
        params.add(param("registry", "where images are pushed", s.defaultRegistry()));
        if (!s.maven()) {
            params.add(param("kubelift-dist-url", "the URL of a kubelift-VERSION.tar.gz", null));
        }
        List<Object> workspaces = new ArrayList<>();
        workspaces.add(map("name", "source", "description", "the cloned repository"));
        workspaces.add(
                map(
                        "name",
                        "registry-auth",
                        "description",
                        "a docker config.json with the registry's credentials",
                        "optional",
                        true));
        boolean secrets = !s.plainSecretComponents().isEmpty();
        if (secrets) {
            workspaces.add(
                    map(
                            "name",
                            "secrets",
                            "description",
                            "a Secret whose keys are <component>.env, the filled secrets env files",
                            "optional",
                            true));
        }
        List<Object> tasks = new ArrayList<>();
        tasks.add(
                task(
                        "clone",
                        null,
                        List.of("git-url", "git-revision"),
                        List.of("source"),
                        GIT_IMAGE,
                        List.of(),
                        "git init -q .\n"
                                + "git fetch -q --depth 1 \"$(params.git-url)\" \"$(params.git-revision)\"\n"
                                + "git checkout -q FETCH_HEAD\n"));
        List<String> kubeliftParams =
                s.maven() ? List.of("registry") : List.of("registry", "kubelift-dist-url");
        List<Object> kubeliftEnv = new ArrayList<>();
        kubeliftEnv.add(map("name", "KUBELIFT_OUT", "value", s.outDir()));
        kubeliftEnv.add(map("name", "KUBELIFT_REGISTRY", "value", "$(params.registry)"));
        if (!s.maven()) {
            kubeliftEnv.add(
                    map("name", "KUBELIFT_DIST_URL", "value", "$(params.kubelift-dist-url)"));
        }
        tasks.add(
                task(
                        "check",
                        "clone",
                        kubeliftParams,
                        List.of("source"),
                        buildImage,
                        kubeliftEnv,
                        install + s.check()));
        tasks.add(
                task(
                        "build",
                        "check",
                        kubeliftParams,
                        List.of("source", "registry-auth"),
                        buildImage,
                        kubeliftEnv,
                        "if [ \"$(workspaces.registry-auth.bound)\" = \"true\" ]; then\n"
                                + "  mkdir -p \"$HOME/.docker\"\n"
                                + "  cp \"$(workspaces.registry-auth.path)/config.json\" \"$HOME/.docker/config.json\"\n"
                                + "fi\n"
                                + install
                                + s.build()));
        StringBuilder readSecrets = new StringBuilder();
        for (ComponentContext c : s.plainSecretComponents()) {
            String var = PipelineScript.secretVariable(c.name());
            readSecrets
                    .append("if [ \"$(workspaces.secrets.bound)\" = \"true\" ]; then ")
                    .append(var)
                    .append("=\"$(cat \"$(workspaces.secrets.path)/")
                    .append(c.name())
                    .append(".env\")\"; export ")
                    .append(var)
                    .append("; fi\n");
        }
        tasks.add(
                task(
                        "deploy",
                        "build",
                        List.of("environment"),
                        secrets ? List.of("source", "secrets") : List.of("source"),
                        GitlabPipeline.KUBE_IMAGE,
                        List.of(
                                map("name", "KUBELIFT_OUT", "value", s.outDir()),
                                map("name", "ENVIRONMENT", "value", "$(params.environment)")),
                        readSecrets + s.deploy()));
        Map<String, Object> pipeline =
                map(
                        "apiVersion",
                        "tekton.dev/v1",
                        "kind",
                        "Pipeline",
                        "metadata",
                        map(
                                "name",
                                "kubelift-" + s.app(),
                                "labels",
                                map(
                                        "app.kubernetes.io/name",
                                        s.app(),
                                        "app.kubernetes.io/managed-by",
                                        ObjectNames.MANAGED_BY)),
                        "spec",
                        map(
                                "description",
                                "Check the kubelift output of "
                                        + s.app()
                                        + ", build and push its images, deploy "
                                        + (s.helm() ? "the chart." : "the overlay."),
                                "params",
                                params,
                                "workspaces",
                                workspaces,
                                "tasks",
                                tasks));
        out.add(
                path(ctx),
                OrderedYaml.write(
                        "# Generated by kubelift (--ci tekton). Run it: docs/deploy.md#ci-pipelines\n",
                        pipeline));
    }

    private static Map<String, Object> param(String name, String description, String def) {
        return map("name", name, "type", "string", "description", description, "default", def);
    }

    /** A pipeline task with an embedded task spec of one step running {@code script}. */
    private static Map<String, Object> task(
            String name,
            String after,
            List<String> params,
            List<String> workspaces,
            String image,
            List<Object> env,
            String script) {
        boolean optionalWs = false;
        List<Object> specWorkspaces = new ArrayList<>();
        List<Object> bindings = new ArrayList<>();
        for (String ws : workspaces) {
            optionalWs = !ws.equals("source");
            specWorkspaces.add(map("name", ws, "optional", optionalWs ? true : null));
            bindings.add(map("name", ws, "workspace", ws));
        }
        List<Object> specParams = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (String p : params) {
            specParams.add(map("name", p, "type", "string"));
            values.add(map("name", p, "value", "$(params." + p + ")"));
        }
        return map(
                "name",
                name,
                "runAfter",
                after == null ? null : List.of(after),
                "params",
                values,
                "workspaces",
                bindings,
                "taskSpec",
                map(
                        "params",
                        specParams,
                        "workspaces",
                        specWorkspaces,
                        "steps",
                        List.of(
                                map(
                                        "name",
                                        name,
                                        "image",
                                        image,
                                        "workingDir",
                                        "$(workspaces.source.path)",
                                        "env",
                                        env.isEmpty() ? null : env,
                                        "script",
                                        "#!/bin/sh\nset -eu\n" + script))));
    }
}
