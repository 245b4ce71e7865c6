package io.kubelift.checker;

import io.kubelift.model.Finding;
import io.kubelift.model.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The result of a check run: findings (sorted by file, line, check id) left after suppressions, the
 * suppressions that matched, the disabled checks, per-factor scores (plus {@code overall}), the checks that ran
 * and the evidence sources that were present.
 */
public record Report(String rootName, List<Finding> findings, List<Suppression> suppressions, Set<String> disabled,
        Map<String, FactorScore> scores, List<CheckInfo> checksRun, Set<CheckSource> sources) {
    public Report {
        findings = List.copyOf(findings);
        suppressions = List.copyOf(suppressions);
        disabled = java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(disabled));
        scores = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scores));
        checksRun = List.copyOf(checksRun);
        sources = java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(
                sources.isEmpty() ? java.util.EnumSet.noneOf(CheckSource.class) : sources));
    }

    /** True when a finding is at or above {@code threshold}; a null threshold never fails. */
    public boolean exceeds(Severity threshold) {
        return threshold != null && findings.stream().anyMatch(f -> f.severity().compareTo(threshold) >= 0);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    public FactorScore overall() {
        return scores.get(Scoring.OVERALL);
    }
}
