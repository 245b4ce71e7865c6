package io.kubelift.maven;

import io.kubelift.core.Kubelift;
import io.kubelift.core.ProjectPlan;
import io.kubelift.model.ProjectDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Analyses the project (its config, resources, sources and POM) and writes the migration plan to
 * {@code target/kubelift/plan.yaml}. Copy it to {@code src/main/kubelift/plan.yaml} to edit it;
 * later goals then use the edited plan.
 */
@Mojo(
        name = "analyze",
        defaultPhase = LifecyclePhase.PROCESS_RESOURCES,
        requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class AnalyzeMojo extends AbstractKubeliftMojo {
    /** Skips this goal only ({@code kubelift.skip} skips every goal). */
    @Parameter(property = "kubelift.skip.analyze", defaultValue = "false")
    protected boolean skipAnalyze;

    @Override
    boolean goalSkipped() {
        return skipAnalyze;
    }

    @Override
    String goal() {
        return "analyze";
    }

    @Override
    void run(Kubelift kubelift, ProjectDescriptor descriptor) {
        ProjectPlan result = kubelift.analyze(descriptor, userPlan(), planName, out());
        if (!result.runnable()) {
            notRunnable();
            return;
        }
        getLog().info(
                        "plan "
                                + result.plan().metadata().name()
                                + ": "
                                + result.plan().spec().components().size()
                                + " component(s) → "
                                + result.planFile()
                                + (result.fromUserPlan() ? " (from " + plan + ")" : ""));
    }
}
