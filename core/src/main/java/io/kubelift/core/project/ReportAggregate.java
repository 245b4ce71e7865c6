package io.kubelift.core.project;

import io.kubelift.checker.Report;
import io.kubelift.model.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One report over the modules of a multi-module build: every module's findings, their file paths prefixed with the
 * module's path from the root (so {@code src/main/resources/app.properties} of module {@code api} reads
 * {@code api/src/main/resources/app.properties}), ordered by module then as each module reported them.
 */
public final class ReportAggregate {
    private ReportAggregate() {
    }

    /** @param byModule module path relative to the root ({@code ""} for the root itself) → its report */
    public static Report of(String rootName, Map<String, Report> byModule) {
        List<Finding> all = new ArrayList<>();
        new TreeMap<>(byModule).forEach((module, report) -> {
            String prefix = module == null || module.isEmpty() ? "" : module.replace('\\', '/').replaceAll("/+$", "") + "/";
            for (Finding f : report.findings()) {
                String file = f.file() == null ? (prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1))
                        : prefix + f.file();
                all.add(new Finding(f.checkId(), f.factor(), f.severity(), file, f.line(), f.message(), f.remediation(), f.fixedByGenerate(), f.snippet()));
            }
        });
        return new Report(rootName, all);
    }
}
