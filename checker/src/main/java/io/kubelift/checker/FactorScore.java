package io.kubelift.checker;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The compliance of one factor: {@code score} = 100 · Σ weight(passed checks) / Σ weight(applicable
 * checks), with weights error 3, warning 2, info 1; grade A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, F below.
 * A factor with no applicable check has score -1 and grade "n/a".
 */
@JsonPropertyOrder({"factor", "title", "score", "grade", "applicable", "passed", "findings"})
public record FactorScore(
        String factor,
        String title,
        int score,
        String grade,
        int applicable,
        int passed,
        int findings) {
    public static String grade(int score) {
        if (score < 0) {
            return "n/a";
        }
        return score >= 90 ? "A" : score >= 75 ? "B" : score >= 60 ? "C" : score >= 40 ? "D" : "F";
    }
}
