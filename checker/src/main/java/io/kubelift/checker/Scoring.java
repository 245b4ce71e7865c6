package io.kubelift.checker;

import io.kubelift.model.Finding;
import io.kubelift.model.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Per-factor scores. A check is applicable when it ran (its evidence was given and it is not
 * disabled); it passes when no finding of it is left after suppressions. Weights: error 3, warning
 * 2, info 1. The overall score (key {@code overall}) is the mean of the factors that have an
 * applicable check.
 */
public final class Scoring {
    public static final String OVERALL = "overall";

    private Scoring() {}

    static int weight(Severity s) {
        return switch (s) {
            case ERROR -> 3;
            case WARNING -> 2;
            case INFO -> 1;
        };
    }

    public static Map<String, FactorScore> score(List<CheckInfo> ran, List<Finding> findings) {
        Set<String> failing = findings.stream().map(Finding::checkId).collect(Collectors.toSet());
        Map<String, FactorScore> out = new LinkedHashMap<>();
        int sum = 0;
        int counted = 0;
        int allApplicable = 0;
        int allPassed = 0;
        for (Factor factor : Factor.values()) {
            List<CheckInfo> applicable = ran.stream().filter(c -> c.factor() == factor).toList();
            int total = applicable.stream().mapToInt(c -> weight(c.severity())).sum();
            int passedWeight =
                    applicable.stream()
                            .filter(c -> !failing.contains(c.id()))
                            .mapToInt(c -> weight(c.severity()))
                            .sum();
            int passed = (int) applicable.stream().filter(c -> !failing.contains(c.id())).count();
            int count =
                    (int)
                            findings.stream()
                                    .filter(f -> f.factor().equals(factor.numeral()))
                                    .count();
            int score = total == 0 ? -1 : Math.round(100f * passedWeight / total);
            out.put(
                    factor.numeral(),
                    new FactorScore(
                            factor.numeral(),
                            factor.title(),
                            score,
                            FactorScore.grade(score),
                            applicable.size(),
                            passed,
                            count));
            if (total > 0) {
                sum += score;
                counted++;
            }
            allApplicable += applicable.size();
            allPassed += passed;
        }
        int overall = counted == 0 ? -1 : Math.round((float) sum / counted);
        out.put(
                OVERALL,
                new FactorScore(
                        OVERALL,
                        "All factors",
                        overall,
                        FactorScore.grade(overall),
                        allApplicable,
                        allPassed,
                        findings.size()));
        return out;
    }
}
