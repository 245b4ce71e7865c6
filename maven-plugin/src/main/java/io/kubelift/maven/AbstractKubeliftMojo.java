package io.kubelift.maven;

import io.kubelift.core.Kubelift;
import io.kubelift.model.KubeliftException;
import io.kubelift.model.ProjectDescriptor;
import java.io.File;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every kubelift goal shares: the skip switch, the output directory, the plan kept with the
 * project, and the translation of kubelift's typed errors into Maven failures whose message names
 * the POM element to change.
 */
abstract class AbstractKubeliftMojo extends AbstractMojo {
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    /** Skips every kubelift goal for this project ({@code kubelift.skip.GOAL} skips one goal). */
    @Parameter(property = "kubelift.skip", defaultValue = "false")
    protected boolean skip;

    /** Where plan.yaml, k8s/, scripts/ and report/ go. */
    @Parameter(
            property = "kubelift.outputDirectory",
            defaultValue = "${project.build.directory}/kubelift")
    protected File outputDirectory;

    /**
     * A plan kept with the project (e.g. an edited copy of {@code target/kubelift/plan.yaml}); when
     * the file exists it is used instead of the inferred plan.
     */
    @Parameter(
            property = "kubelift.plan",
            defaultValue = "${project.basedir}/src/main/kubelift/plan.yaml")
    protected File plan;

    /**
     * The plan's name (metadata.name; the app label of every generated object). Default: the
     * artifactId.
     */
    @Parameter(property = "kubelift.planName")
    protected String planName;

    /**
     * Directories of product profiles ({@code *.yaml}) the analyzer reads besides the built-in
     * ones, for an in-house product kubelift does not know (docs/analyzer.md, "Product profiles").
     */
    @Parameter(property = "kubelift.profiles")
    protected java.util.List<File> profiles;

    /**
     * Output layout: {@code kustomize} (k8s/base + k8s/overlays) or {@code helm} (a chart in
     * chart/).
     */
    @Parameter(property = "kubelift.layout", defaultValue = "kustomize")
    protected String layout;

    /**
     * Organisation defaults (docs/kubelift-yaml.schema.json); default: {@code kubelift.yaml} in the
     * project's directory.
     */
    @Parameter(property = "kubelift.config")
    protected File config;

    /**
     * How secrets reach the cluster: {@code plain} (git-ignored env files), {@code
     * external-secrets} or {@code sealed}.
     */
    @Parameter(property = "kubelift.secrets")
    protected String secrets;

    /**
     * Also write a CI pipeline that checks, builds (with this plugin) and deploys: {@code github},
     * {@code tekton} or {@code gitlab} (docs/deploy.md, "CI pipelines").
     */
    @Parameter(property = "kubelift.ci")
    protected String ci;

    /**
     * Also write a GitOps application per environment: {@code argocd} (needs {@code gitopsRepo}).
     */
    @Parameter(property = "kubelift.gitops")
    protected String gitops;

    /** The git repository the output is pushed to (Argo CD's repoURL). */
    @Parameter(property = "kubelift.gitopsRepo")
    protected String gitopsRepo;

    /**
     * Where the output directory sits in the repository; default: the output directory relative to
     * the project's directory (e.g. {@code target/kubelift}).
     */
    @Parameter(property = "kubelift.repoDir")
    protected String repoDir;

    /**
     * A directory of rule files (Konveyor rule format) that kubelift:check and kubelift:generate
     * run too.
     */
    @Parameter(property = "kubelift.rules")
    protected File rules;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("kubelift:" + goal() + " skipped (kubelift.skip)");
            return;
        }
        if (goalSkipped()) {
            getLog().info("kubelift:" + goal() + " skipped (" + skipProperty() + ")");
            return;
        }
        ProjectDescriptor descriptor = MavenProjectDescriptors.from(project);
        try {
            Kubelift kubelift =
                    Kubelift.withProfiles(
                                    new MavenProgress(getLog()),
                                    profiles == null
                                            ? java.util.List.of()
                                            : profiles.stream().map(File::toPath).toList())
                            .withRules(rules == null ? null : rules.toPath());
            run(
                    kubelift.withGenerateOptions(
                            io.kubelift.generator.GenerateOptions.defaults()
                                    .withLayout(layout)
                                    .withSecrets(secrets)
                                    .withDelivery(delivery()),
                            config == null ? null : config.toPath()),
                    descriptor);
        } catch (KubeliftException e) {
            Exception failure = Failures.of(goal(), project, e, relatedParameters());
            if (failure instanceof MojoFailureException f) {
                throw f;
            }
            throw (MojoExecutionException) failure;
        } catch (RuntimeException e) {
            throw new MojoExecutionException(
                    "kubelift:"
                            + goal()
                            + " failed for "
                            + project.getArtifactId()
                            + " with an internal error: "
                            + e
                            + " — this is a kubelift bug; run with -e for the stack trace and report it",
                    e);
        }
    }

    /** The CI pipeline and GitOps applications asked for; the pipeline builds with Maven. */
    io.kubelift.generator.GenerateOptions.Delivery delivery() {
        String dir = repoDir;
        if (dir == null || dir.isBlank()) {
            java.nio.file.Path base = project.getBasedir().toPath().toAbsolutePath();
            java.nio.file.Path out = outputDirectory.toPath().toAbsolutePath();
            dir = out.startsWith(base) ? base.relativize(out).toString() : ".";
        }
        return new io.kubelift.generator.GenerateOptions.Delivery(
                ci,
                gitops,
                io.kubelift.generator.GenerateOptions.Delivery.MAVEN,
                dir.isEmpty() ? "." : dir,
                gitopsRepo);
    }

    /** The goal's name, for messages. */
    abstract String goal();

    /**
     * This goal's own skip switch ({@code kubelift.skip.GOAL}); each goal declares the parameter.
     */
    abstract boolean goalSkipped();

    /** The property of {@link #goalSkipped()}, for the log line. */
    String skipProperty() {
        return "kubelift.skip." + goal();
    }

    /**
     * The POM elements (and their -D properties) that most likely fix a failure of this goal; by
     * default the plan and output parameters that every goal has.
     */
    String relatedParameters() {
        return "<plan> (-Dkubelift.plan), <planName> (-Dkubelift.planName), <outputDirectory> (-Dkubelift.outputDirectory), "
                + "<layout> (-Dkubelift.layout), <config> (-Dkubelift.config), <secrets> (-Dkubelift.secrets), "
                + "<ci> (-Dkubelift.ci), <gitops> (-Dkubelift.gitops), <gitopsRepo> (-Dkubelift.gitopsRepo)";
    }

    abstract void run(Kubelift kubelift, ProjectDescriptor descriptor)
            throws MojoExecutionException, MojoFailureException;

    /** Logs why a module produced nothing: it is a library or an aggregator, not an app. */
    protected void notRunnable() {
        if ("pom".equals(project.getPackaging())) {
            getLog().info(
                            project.getArtifactId()
                                    + " is an aggregator (packaging pom): each module that is an app gets its own plan");
            return;
        }
        getLog().info(
                        project.getArtifactId()
                                + " (packaging "
                                + project.getPackaging()
                                + ") is not a runnable app: no main class "
                                + "in the jar, spring-boot, shade, assembly or exec plugin configuration, none found in its sources, and not a "
                                + "WAR — nothing to do. Name one with <mainClass> in one of those plugins if it is an app.");
    }

    protected java.nio.file.Path out() {
        return outputDirectory.toPath();
    }

    protected java.nio.file.Path userPlan() {
        return plan == null ? null : plan.toPath();
    }
}
