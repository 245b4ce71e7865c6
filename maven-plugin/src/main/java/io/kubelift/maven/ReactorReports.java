package io.kubelift.maven;

import io.kubelift.checker.Report;
import io.kubelift.core.Kubelift;
import io.kubelift.core.ReportAggregate;
import io.kubelift.model.AtomicWriter;
import io.kubelift.model.FileSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * The aggregate report of a multi-module build: each module's report is remembered for the session,
 * and the aggregate under the top-level project ({@code target/kubelift/report/}) is rewritten
 * after each module, so it is complete after the last one whatever the build order (also with
 * {@code -T}).
 */
final class ReactorReports {
    private static final String KEY = ReactorReports.class.getName();

    private ReactorReports() {}

    /**
     * Records {@code report} for {@code project}; returns where the aggregate was written, or null
     * in a single-project build.
     */
    static Path record(MavenSession session, MavenProject project, Report report, String docsUrl) {
        if (session.getProjects().size() < 2 || session.getTopLevelProject() == null) {
            return null;
        }
        Map<String, Report> reports = reports(session);
        MavenProject root = session.getTopLevelProject();
        String module =
                root.getBasedir()
                        .toPath()
                        .toAbsolutePath()
                        .normalize()
                        .relativize(project.getBasedir().toPath().toAbsolutePath().normalize())
                        .toString()
                        .replace('\\', '/');
        synchronized (reports) {
            reports.put(module, report);
            Path out = Path.of(root.getBuild().getDirectory(), "kubelift");
            boolean rootIsApp = reports.containsKey("");
            String dir = rootIsApp ? "reactor-report/" : Kubelift.REPORT_DIR;
            Report aggregate = ReportAggregate.of(root.getArtifactId(), reports);
            AtomicWriter.write(
                    out,
                    new FileSet().addAll(dir, Kubelift.renderAll(aggregate, docsUrl)),
                    true,
                    List.of(dir));
            return out.resolve(dir);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Report> reports(MavenSession session) {
        var data = session.getRepositorySession().getData();
        Object existing = data.get(KEY);
        if (existing == null) {
            data.set(KEY, null, new TreeMap<String, Report>());
            existing = data.get(KEY);
        }
        return (Map<String, Report>) existing;
    }
}
