package io.kubelift.maven;

import io.kubelift.checker.CheckOptions;
import io.kubelift.core.Kubelift;
import io.kubelift.core.ProjectConversion;
import io.kubelift.model.ProjectDescriptor;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Analyses the project and writes, like {@code kubelift convert}: {@code plan.yaml}, {@code k8s/}
 * (workloads, Services, ConfigMaps, Secrets, Kustomize overlays), {@code scripts/} and {@code
 * report/} (text, JSON, SARIF, HTML) under {@code target/kubelift/}. Never fails on findings;
 * {@code kubelift:check} does.
 */
@Mojo(
        name = "generate",
        defaultPhase = LifecyclePhase.PROCESS_RESOURCES,
        requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class GenerateMojo extends AbstractKubeliftMojo {
    /** Check ids to leave out of the report (e.g. {@code TF03-CONFIG-HARDCODED-HOST}). */
    @Parameter(property = "kubelift.disabledChecks")
    protected List<String> disabledChecks;

    /**
     * Where you publish kubelift's check pages ({@code docs/checks/}, e.g. {@code
     * https://git.example.com/kubelift/docs/checks/}): the SARIF report's rules then carry {@code
     * helpUri} and the HTML report links each check. Without it there are no links; the pages are
     * embedded in the SARIF report either way.
     */
    @Parameter(property = "kubelift.docsUrl")
    protected String docsUrl;

    /** Skips this goal only ({@code kubelift.skip} skips every goal). */
    @Parameter(property = "kubelift.skip.generate", defaultValue = "false")
    protected boolean skipGenerate;

    @Override
    boolean goalSkipped() {
        return skipGenerate;
    }

    @Override
    String goal() {
        return "generate";
    }

    @Override
    void run(Kubelift kubelift, ProjectDescriptor descriptor)
            throws org.apache.maven.plugin.MojoFailureException {
        ProjectConversion result =
                kubelift.convert(
                        descriptor, userPlan(), planName, out(), checkOptions(null), docsUrl);
        if (result.report() == null) {
            notRunnable();
            return;
        }
        getLog().info(
                        result.files().size()
                                + " files → "
                                + result.outDir()
                                + " ("
                                + result.report().findings().size()
                                + " findings in report/)");
        Path aggregate = ReactorReports.record(session, project, result.report(), docsUrl);
        if (aggregate != null) {
            getLog().info("reactor report → " + aggregate);
        }
    }

    protected CheckOptions checkOptions(io.kubelift.model.Severity failOn) {
        Set<String> disabled = new TreeSet<>();
        if (disabledChecks != null) {
            disabledChecks.stream()
                    .flatMap(s -> java.util.Arrays.stream(s.split(",")))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .forEach(disabled::add);
        }
        return new CheckOptions(disabled, failOn);
    }
}
