package io.kubelift.core;

import io.kubelift.checker.CheckInfo;
import io.kubelift.checker.CheckSource;
import io.kubelift.checker.Report;
import io.kubelift.checker.Scoring;
import io.kubelift.checker.Suppression;
import io.kubelift.model.Finding;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One report over the modules of a multi-module build: every module's findings and suppressions,
 * their file paths prefixed with the module's path from the root (so {@code
 * src/main/resources/app.properties} of module {@code api} reads {@code
 * api/src/main/resources/app.properties}), ordered by module; the checks that ran anywhere; and
 * scores recomputed over the whole, so a check that fails in any module fails for the build.
 */
public final class ReportAggregate {
    private ReportAggregate() {}

    /**
     * @param byModule module path relative to the root ({@code ""} for the root itself) → its
     *     report
     */
    public static Report of(String rootName, Map<String, Report> byModule) {
        List<Finding> findings = new ArrayList<>();
        List<Suppression> suppressions = new ArrayList<>();
        Set<String> disabled = new TreeSet<>();
        Map<String, CheckInfo> ran = new LinkedHashMap<>();
        Set<CheckSource> sources = EnumSet.noneOf(CheckSource.class);
        new TreeMap<>(byModule)
                .forEach(
                        (module, report) -> {
                            String prefix =
                                    module == null || module.isEmpty()
                                            ? ""
                                            : module.replace('\\', '/').replaceAll("/+$", "") + "/";
                            for (Finding f : report.findings()) {
                                findings.add(
                                        new Finding(
                                                f.checkId(),
                                                f.factor(),
                                                f.severity(),
                                                prefixed(prefix, f.file()),
                                                f.line(),
                                                f.message(),
                                                f.remediation(),
                                                f.fixedByGenerate(),
                                                f.snippet()));
                            }
                            for (Suppression s : report.suppressions()) {
                                suppressions.add(
                                        new Suppression(
                                                s.checkId(),
                                                prefixed(prefix, s.file()),
                                                s.line(),
                                                s.reason(),
                                                s.accepted(),
                                                s.suppressedLine()));
                            }
                            disabled.addAll(report.disabled());
                            report.checksRun().forEach(c -> ran.putIfAbsent(c.id(), c));
                            sources.addAll(report.sources());
                        });
        List<CheckInfo> checks = List.copyOf(ran.values());
        return new Report(
                rootName,
                findings,
                suppressions,
                disabled,
                Scoring.score(checks, findings),
                checks,
                sources);
    }

    private static String prefixed(String prefix, String file) {
        if (file == null || file.isEmpty()) {
            return prefix.isEmpty() ? file : prefix.substring(0, prefix.length() - 1);
        }
        return prefix + file;
    }
}
