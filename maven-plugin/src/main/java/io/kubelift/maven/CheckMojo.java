package io.kubelift.maven;

import io.kubelift.checker.Report;
import io.kubelift.checker.ReportRenderers;
import io.kubelift.core.Kubelift;
import io.kubelift.core.ProjectConversion;
import io.kubelift.model.Finding;
import io.kubelift.model.ProjectDescriptor;
import io.kubelift.model.Severity;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Everything {@code kubelift:generate} does, then fails the build when a finding is at least as
 * severe as {@code failOn}: the twelve-factor (+3) checks over the project's facts, its plan and
 * the generated manifests.
 */
@Mojo(
        name = "check",
        defaultPhase = LifecyclePhase.VERIFY,
        requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class CheckMojo extends GenerateMojo {
    private static final int LISTED = 10;

    /**
     * Fail the build on a finding at least this severe: {@code info}, {@code warning}, {@code
     * error} or {@code none}.
     */
    @Parameter(property = "kubelift.failOn", defaultValue = "error")
    protected String failOn;

    /** Skips this goal only ({@code kubelift.skip} skips every goal). */
    @Parameter(property = "kubelift.skip.check", defaultValue = "false")
    protected boolean skipCheck;

    @Override
    boolean goalSkipped() {
        return skipCheck;
    }

    @Override
    String goal() {
        return "check";
    }

    @Override
    String relatedParameters() {
        return "<failOn> (-Dkubelift.failOn), <disabledChecks> (-Dkubelift.disabledChecks), <plan> (-Dkubelift.plan)";
    }

    @Override
    void run(Kubelift kubelift, ProjectDescriptor descriptor) throws MojoFailureException {
        Severity threshold = threshold();
        ProjectConversion result =
                kubelift.convert(
                        descriptor, userPlan(), planName, out(), checkOptions(threshold), docsUrl);
        Report report = result.report();
        if (report == null) {
            notRunnable();
            return;
        }
        Path aggregate = ReactorReports.record(session, project, report, docsUrl);
        for (Finding f : report.findings()) {
            String line = f.severity().id() + " " + f.checkId() + " " + where(f) + f.message();
            switch (f.severity()) {
                case ERROR -> getLog().error(line);
                case WARNING -> getLog().warn(line);
                default -> getLog().info(line);
            }
        }
        Path text =
                result.outDir()
                        .resolve(Kubelift.REPORT_DIR)
                        .resolve(ReportRenderers.fileName("text"));
        getLog().info(
                        report.findings().size()
                                + " findings; report → "
                                + text
                                + (aggregate == null ? "" : "; reactor report → " + aggregate));
        if (threshold != null && report.exceeds(threshold)) {
            List<Finding> over =
                    report.findings().stream()
                            .filter(f -> f.severity().compareTo(threshold) >= 0)
                            .toList();
            StringBuilder sb = new StringBuilder();
            sb.append("kubelift:check failed for ")
                    .append(project.getArtifactId())
                    .append(": ")
                    .append(over.size())
                    .append(" finding(s) at or above '")
                    .append(threshold.id())
                    .append("'");
            for (Finding f : over.subList(0, Math.min(LISTED, over.size()))) {
                sb.append(System.lineSeparator())
                        .append("  ")
                        .append(where(f))
                        .append(f.checkId())
                        .append(": ")
                        .append(f.message());
                if (f.remediation() != null && !f.remediation().isBlank()) {
                    sb.append(" — ").append(f.remediation());
                }
            }
            if (over.size() > LISTED) {
                sb.append(System.lineSeparator())
                        .append("  … and ")
                        .append(over.size() - LISTED)
                        .append(" more");
            }
            sb.append(System.lineSeparator())
                    .append("  full report: ")
                    .append(text)
                    .append(System.lineSeparator())
                    .append(
                            "  fix them, disable a check with <disabledChecks> (-Dkubelift.disabledChecks=ID),")
                    .append(
                            " or change the threshold with <failOn> (-Dkubelift.failOn=warning|error|none) in ")
                    .append(Failures.pom(project));
            throw new MojoFailureException(sb.toString());
        }
    }

    Severity threshold() throws MojoFailureException {
        String value = failOn == null ? "error" : failOn.trim();
        if (value.equalsIgnoreCase("none")) {
            return null;
        }
        try {
            return Severity.parse(value);
        } catch (IllegalArgumentException e) {
            throw Failures.badParameter(
                    project, "failOn", value, "not a severity", "use info, warning, error or none");
        }
    }

    private static String where(Finding f) {
        if (f.file() == null || f.file().isEmpty()) {
            return "";
        }
        return f.file() + (f.line() > 0 ? ":" + f.line() : "") + ": ";
    }
}
