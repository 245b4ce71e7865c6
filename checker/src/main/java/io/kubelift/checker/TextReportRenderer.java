package io.kubelift.checker;

import io.kubelift.model.Finding;
import io.kubelift.model.Severity;
import java.util.List;

/** Plain text for terminals, grouped by factor; no colour (the front end decides about colour). */
final class TextReportRenderer implements ReportRenderer {
    @Override
    public String render(Report r) {
        StringBuilder sb = new StringBuilder();
        FactorScore overall = r.overall();
        sb.append("kubelift check ")
                .append(r.rootName())
                .append(": ")
                .append(r.findings().size())
                .append(" finding(s) (")
                .append(r.count(Severity.ERROR))
                .append(" error, ")
                .append(r.count(Severity.WARNING))
                .append(" warning, ")
                .append(r.count(Severity.INFO))
                .append(" info)");
        if (r.hasBefore()) {
            FactorScore before = r.overallBefore();
            sb.append(", score before ")
                    .append(scoreText(before))
                    .append(" → after generate ")
                    .append(scoreText(overall))
                    .append("; ")
                    .append(r.fixedCount())
                    .append(" fixed by the generated output");
        } else if (overall != null && overall.score() >= 0) {
            sb.append(", score ")
                    .append(overall.score())
                    .append(" (")
                    .append(overall.grade())
                    .append(")");
        }
        sb.append('\n');
        for (Factor factor : Factor.values()) {
            List<Finding> fs =
                    r.findings().stream().filter(f -> f.factor().equals(factor.numeral())).toList();
            if (fs.isEmpty()) {
                continue;
            }
            FactorScore s = r.scores().get(factor.numeral());
            sb.append('\n').append(factor.numeral()).append(' ').append(factor.title());
            FactorScore b = r.before().get(factor.numeral());
            if (r.hasBefore() && (b != null && b.score() >= 0 || s != null && s.score() >= 0)) {
                sb.append("  [")
                        .append(scoreText(b))
                        .append(" → ")
                        .append(scoreText(s))
                        .append(']');
            } else if (s != null && s.score() >= 0) {
                sb.append("  [").append(s.score()).append(' ').append(s.grade()).append(']');
            }
            sb.append('\n');
            for (Finding f : fs) {
                sb.append("  ")
                        .append(location(f))
                        .append(": ")
                        .append(f.severity().id())
                        .append(": ")
                        .append(f.message())
                        .append(" [")
                        .append(f.checkId())
                        .append("]\n");
                if (f.snippet() != null && !f.snippet().isBlank()) {
                    sb.append("      | ").append(f.snippet()).append('\n');
                }
                if (f.remediation() != null) {
                    sb.append("      fix: ")
                            .append(f.fixedByGenerate() ? "(fixed in the generated output) " : "")
                            .append(f.remediation())
                            .append('\n');
                }
            }
        }
        if (!r.suppressions().isEmpty()) {
            sb.append("\nSuppressions\n");
            for (Suppression s : r.suppressions()) {
                sb.append("  ")
                        .append(s.file())
                        .append(':')
                        .append(s.line())
                        .append(": ")
                        .append(s.checkId())
                        .append(s.accepted() ? " — " + s.reason() : " — rejected: no reason given")
                        .append('\n');
            }
        }
        if (!r.disabled().isEmpty()) {
            sb.append("\nDisabled checks: ").append(String.join(", ", r.disabled())).append('\n');
        }
        if (r.hasBefore()) {
            sb.append("\nScores before (the app as installed)");
            appendScores(sb, r.before().values());
            sb.append("\nScores after (generated manifests and scripts)");
        } else {
            sb.append("\nScores");
        }
        appendScores(sb, r.scores().values());
        sb.append('\n');
        return inert(sb.toString());
    }

    /** " FACTOR SCORE GRADE" for each factor that has a score. */
    private static void appendScores(StringBuilder sb, java.util.Collection<FactorScore> scores) {
        scores.stream()
                .filter(s -> s.score() >= 0)
                .forEach(
                        s ->
                                sb.append("  ")
                                        .append(s.factor())
                                        .append(' ')
                                        .append(s.score())
                                        .append(' ')
                                        .append(s.grade()));
    }

    /** {@code 63 C}, or {@code n/a} for a factor without an applicable check. */
    static String scoreText(FactorScore s) {
        return s == null || s.score() < 0 ? "n/a" : s.score() + " " + s.grade();
    }

    /**
     * The report as terminal-safe text: control characters other than newline and tab (ESC in a
     * file name or an app's line would drive the terminal) are written as {@code \\uXXXX}.
     */
    static String inert(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            if (ch != '\n' && ch != '\t' && (ch < 0x20 || ch == 0x7f || ch >= 0x80 && ch < 0xa0)) {
                b.append(String.format("\\u%04x", (int) ch));
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    static String location(Finding f) {
        String file = f.file() == null ? "(app)" : f.file();
        return f.line() > 0 ? file + ":" + f.line() : file;
    }
}
