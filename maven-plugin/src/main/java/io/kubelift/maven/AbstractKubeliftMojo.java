package io.kubelift.maven;

import io.kubelift.core.project.ProjectDescriptor;
import io.kubelift.core.project.ProjectKubelift;
import io.kubelift.model.KubeliftException;
import java.io.File;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every kubelift goal shares: the skip switch, the output directory, the plan kept with the project, and the
 * translation of kubelift's typed errors into Maven failures whose message names the POM element to change.
 */
abstract class AbstractKubeliftMojo extends AbstractMojo {
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    /** Skips kubelift for this project. */
    @Parameter(property = "kubelift.skip", defaultValue = "false")
    protected boolean skip;

    /** Where plan.yaml, k8s/, scripts/ and report/ go. */
    @Parameter(property = "kubelift.outputDirectory", defaultValue = "${project.build.directory}/kubelift")
    protected File outputDirectory;

    /**
     * A plan kept with the project (e.g. an edited copy of {@code target/kubelift/plan.yaml}); when the file exists it
     * is used instead of the inferred plan.
     */
    @Parameter(property = "kubelift.plan", defaultValue = "${project.basedir}/src/main/kubelift/plan.yaml")
    protected File plan;

    /** The plan's name (metadata.name; the app label of every generated object). Default: the artifactId. */
    @Parameter(property = "kubelift.planName")
    protected String planName;

    /** A directory of rule files (Konveyor rule format) that kubelift:check and kubelift:generate run too. */
    @Parameter(property = "kubelift.rules")
    protected File rules;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("kubelift:" + goal() + " skipped (kubelift.skip)");
            return;
        }
        ProjectDescriptor descriptor = MavenProjectDescriptors.from(project);
        try {
            run(rules == null ? new ProjectKubelift(new MavenProgress(getLog())) : withRules(), descriptor);
        } catch (KubeliftException e) {
            Exception failure = Failures.of(goal(), project, e, relatedParameters());
            if (failure instanceof MojoFailureException f) {
                throw f;
            }
            throw (MojoExecutionException) failure;
        } catch (RuntimeException e) {
            throw new MojoExecutionException("kubelift:" + goal() + " failed for " + project.getArtifactId()
                    + " with an internal error: " + e + " — this is a kubelift bug; run with -e for the stack trace and report it", e);
        }
    }

    private ProjectKubelift withRules() {
        io.kubelift.checker.rules.RuleFiles.Loaded loaded = io.kubelift.checker.rules.RuleFiles.load(rules.toPath());
        loaded.skipped().forEach(getLog()::warn);
        java.util.List<io.kubelift.checker.Check> checks = new java.util.ArrayList<>(io.kubelift.checker.DefaultChecks.all());
        checks.addAll(loaded.checks());
        return new ProjectKubelift(io.kubelift.analyzer.Analyzer.withDefaultDetectors(), io.kubelift.generator.Generator.withDefaults(),
                new io.kubelift.checker.Checker(checks), new MavenProgress(getLog()));
    }

    /** The goal's name, for messages. */
    abstract String goal();

    /**
     * The POM elements (and their -D properties) that most likely fix a failure of this goal; by default the plan and
     * output parameters that every goal has.
     */
    String relatedParameters() {
        return "<plan> (-Dkubelift.plan), <planName> (-Dkubelift.planName), <outputDirectory> (-Dkubelift.outputDirectory)";
    }

    abstract void run(ProjectKubelift kubelift, ProjectDescriptor descriptor) throws MojoExecutionException, MojoFailureException;

    /** Logs why a module produced nothing: it is a library or an aggregator, not an app. */
    protected void notRunnable() {
        if ("pom".equals(project.getPackaging())) {
            getLog().info(project.getArtifactId() + " is an aggregator (packaging pom): each module that is an app gets its own plan");
            return;
        }
        getLog().info(project.getArtifactId() + " (packaging " + project.getPackaging() + ") is not a runnable app: no main class "
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
