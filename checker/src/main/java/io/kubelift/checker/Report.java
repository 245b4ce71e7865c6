package io.kubelift.checker;

import io.kubelift.model.Finding;
import io.kubelift.model.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The result of a check run: findings (sorted by file, line, check id) left after suppressions, the
 * suppressions that matched, the disabled checks, per-factor scores (plus {@code overall}), the
 * checks that ran and the evidence sources that were present.
 *
 * <p>When the run covered what {@code kubelift generate} wrote for the app, {@code scores} are the
 * scores after generate (the generated manifests and scripts, the plan, and the app findings
 * generate did not fix) and {@code before} the scores of the app as installed (its own checks,
 * every finding); otherwise {@code before} is empty. {@code topology} is the migrated app as the
 * HTML report draws it (null when no plan was checked).
 *
 * <p>Every finding's message and snippet and every suppression reason passes {@link
 * SecretText#mask} here, the one masking step all report formats share.
 */
public record Report(
        String rootName,
        List<Finding> findings,
        List<Suppression> suppressions,
        Set<String> disabled,
        Map<String, FactorScore> scores,
        Map<String, FactorScore> before,
        List<CheckInfo> checksRun,
        Set<CheckSource> sources,
        Topology topology) {
    public Report {
        findings = findings.stream().map(SecretText::mask).toList();
        suppressions = suppressions.stream().map(SecretText::mask).toList();
        before =
                java.util.Collections.unmodifiableMap(
                        new java.util.LinkedHashMap<>(before == null ? Map.of() : before));
        findings = List.copyOf(findings);
        suppressions = List.copyOf(suppressions);
        disabled = java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(disabled));
        scores = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scores));
        checksRun = List.copyOf(checksRun);
        sources =
                java.util.Collections.unmodifiableSet(
                        java.util.EnumSet.copyOf(
                                sources.isEmpty()
                                        ? java.util.EnumSet.noneOf(CheckSource.class)
                                        : sources));
    }

    /** A report without a picture of the app. */
    public Report(
            String rootName,
            List<Finding> findings,
            List<Suppression> suppressions,
            Set<String> disabled,
            Map<String, FactorScore> scores,
            Map<String, FactorScore> before,
            List<CheckInfo> checksRun,
            Set<CheckSource> sources) {
        this(rootName, findings, suppressions, disabled, scores, before, checksRun, sources, null);
    }

    /** A report without a before → after comparison. */
    public Report(
            String rootName,
            List<Finding> findings,
            List<Suppression> suppressions,
            Set<String> disabled,
            Map<String, FactorScore> scores,
            List<CheckInfo> checksRun,
            Set<CheckSource> sources) {
        this(rootName, findings, suppressions, disabled, scores, Map.of(), checksRun, sources);
    }

    /** True when a finding is at or above {@code threshold}; a null threshold never fails. */
    public boolean exceeds(Severity threshold) {
        return threshold != null
                && findings.stream().anyMatch(f -> f.severity().compareTo(threshold) >= 0);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    public FactorScore overall() {
        return scores.get(Scoring.OVERALL);
    }

    /** True when the report has a before → after comparison. */
    public boolean hasBefore() {
        return !before.isEmpty();
    }

    /** The overall score of the app as installed, or null without a comparison. */
    public FactorScore overallBefore() {
        return before.get(Scoring.OVERALL);
    }

    /** Findings that the generated output no longer has. */
    public long fixedCount() {
        return findings.stream().filter(Finding::fixedByGenerate).count();
    }
}
