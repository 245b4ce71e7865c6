package io.kubelift.checker;

import io.kubelift.model.Finding;
import io.kubelift.model.Severity;
import java.util.List;

/**
 * A self-contained HTML compliance report (inline CSS and SVG, no scripts, no network): overall
 * score, a picture of the migrated app ({@link TopologySvg}), a score and grade per factor, what
 * {@code kubelift generate} fixes versus what needs a person, and every finding with its (masked)
 * snippet, suppressions and disabled checks.
 */
public final class HtmlReportRenderer implements ReportRenderer {
    private final String docsUrl;

    /** Check ids without links. */
    public HtmlReportRenderer() {
        this(null);
    }

    /**
     * Check ids linked to {@code docsUrl + ID.md} ({@link ReportRenderers#docsUrl}); none when
     * null.
     */
    public HtmlReportRenderer(String docsUrl) {
        this.docsUrl = ReportRenderers.docsUrl(docsUrl);
    }

    private static final String CSS =
"""
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2430;background:#f5f7fa}
            header{background:#1f3a5f;color:#fff;padding:24px 32px}header h1{margin:0 0 4px;font-size:24px}
            main{padding:16px 32px 48px;max-width:1200px}section{background:#fff;border-radius:8px;padding:16px 20px;
            margin:16px 0;box-shadow:0 1px 3px rgba(0,0,0,.08)}h2{font-size:18px;margin:0 0 12px}
            table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e6e9ef;
            vertical-align:top;font-size:14px}th{color:#5b6678;font-weight:600}
            .grade{display:inline-block;min-width:28px;text-align:center;border-radius:4px;color:#fff;font-weight:700}
            .gA{background:#2e7d32}.gB{background:#689f38}.gC{background:#f9a825}.gD{background:#ef6c00}.gF{background:#c62828}
            .gna{background:#9aa5b1}.sev{font-weight:600;text-transform:uppercase;font-size:12px}
            .error{color:#c62828}.warning{color:#ef6c00}.info{color:#1565c0}
            pre{background:#f0f2f5;padding:4px 8px;margin:4px 0 0;white-space:pre-wrap;word-break:break-all;font-size:12px}
            .loc{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px}.muted{color:#5b6678}
            .cards{display:flex;gap:16px;flex-wrap:wrap}.card{flex:1;min-width:180px;background:#fff;border-radius:8px;
            padding:16px;box-shadow:0 1px 3px rgba(0,0,0,.08)}.big{font-size:32px;font-weight:700}
            .fixed{color:#2e7d32;font-weight:600}.person{color:#c62828;font-weight:600}
.picture svg{max-width:100%;height:auto}
            """;

    /** The report's stylesheet, shared by the batch portfolio page so both look alike. */
    public static String stylesheet() {
        return CSS;
    }

    @Override
    public String render(Report r) {
        StringBuilder h = new StringBuilder(16_384);
        FactorScore overall = r.overall();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append(
                        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">")
                .append("<title>kubelift compliance report — ")
                .append(esc(r.rootName()))
                .append("</title><style>")
                .append(CSS)
                .append("</style></head><body>\n<header><h1>Twelve-factor compliance: ")
                .append(esc(r.rootName()))
                .append("</h1><div>kubelift check · ")
                .append(r.findings().size())
                .append(" finding(s) · evidence: ")
                .append(esc(String.join(", ", r.sources().stream().map(CheckSource::id).toList())))
                .append("</div></header>\n<main>\n");
        long fixed = r.findings().stream().filter(Finding::fixedByGenerate).count();
        h.append("<div class=\"cards\">");
        if (r.hasBefore()) {
            h.append(card("Before (as installed)", scoreHtml(r.overallBefore())))
                    .append(card("After kubelift generate", scoreHtml(overall)));
        } else {
            h.append(card("Overall", scoreHtml(overall)));
        }
        h.append(card("Errors", "<span class=\"error\">" + r.count(Severity.ERROR) + "</span>"))
                .append(
                        card(
                                "Warnings",
                                "<span class=\"warning\">" + r.count(Severity.WARNING) + "</span>"))
                .append(
                        card(
                                "Fixed in the generated output",
                                "<span class=\"fixed\">" + fixed + "</span>"))
                .append(
                        card(
                                "Need a person",
                                "<span class=\"person\">"
                                        + (r.findings().size() - fixed)
                                        + "</span>"))
                .append("</div>\n");
        if (r.topology() != null && !r.topology().isEmpty()) {
            h.append("<section class=\"picture\"><h2>The app on Kubernetes</h2>")
                    .append(TopologySvg.render(r.topology(), r.rootName(), "topology"))
                    .append(
                            "<p class=\"muted\">Left: the Service of each component and its ports. Middle: the "
                                    + "components with their workload kind, replicas, Secrets (by name, never a value) and "
                                    + "volumes; dark arrows: one component reaches another (a peer in the plan). Right: hosts "
                                    + "outside the app that the app still names; data stores are drawn as cylinders.</p>")
                    .append("</section>\n");
        }
        factors(h, r);
        findings(
                h,
                r,
                "Needs a person",
                r.findings().stream().filter(f -> !f.fixedByGenerate()).toList(),
                "Nothing left for a person: every finding is fixed by kubelift generate.");
        findings(
                h,
                r,
                "Fixed in the generated output (checked, not assumed)",
                r.findings().stream().filter(Finding::fixedByGenerate).toList(),
                "No finding of this kind.");
        suppressions(h, r);
        h.append(
                "<section><h2>Scoring</h2><p class=\"muted\">Per factor: 100 × weight of passed checks ÷ weight of "
                        + "applicable checks (error 3, warning 2, info 1); a check passes when none of its findings remain. "
                        + "Grades: A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, F below. Overall: the mean of the factors with an "
                        + "applicable check.</p></section>\n");
        h.append("</main></body></html>\n");
        return h.toString();
    }

    private static String scoreHtml(FactorScore s) {
        return s == null || s.score() < 0 ? "n/a" : s.score() + " " + grade(s.grade());
    }

    private static void factors(StringBuilder h, Report r) {
        h.append("<section><h2>Factors</h2><table><tr><th>Factor</th>")
                .append(r.hasBefore() ? "<th>Before</th><th>After</th>" : "<th>Score</th>")
                .append("<th></th><th>Grade</th><th>Checks passed</th><th>Findings</th></tr>\n");
        for (Factor f : Factor.values()) {
            FactorScore s = r.scores().get(f.numeral());
            if (s == null) {
                continue;
            }
            FactorScore b = r.before().get(f.numeral());
            h.append("<tr><td>")
                    .append(f.numeral())
                    .append(" · ")
                    .append(esc(f.title()))
                    .append("</td><td>");
            if (r.hasBefore()) {
                h.append(b == null || b.score() < 0 ? "–" : b.score() + " " + grade(b.grade()))
                        .append("</td><td>");
            }
            h.append(s.score() < 0 ? "–" : String.valueOf(s.score()))
                    .append("</td><td>")
                    .append(bar(s.score()))
                    .append("</td><td>")
                    .append(grade(s.grade()))
                    .append("</td><td>")
                    .append(s.passed())
                    .append(" / ")
                    .append(s.applicable())
                    .append("</td><td>")
                    .append(s.findings())
                    .append("</td></tr>\n");
        }
        h.append("</table></section>\n");
    }

    private void findings(StringBuilder h, Report r, String title, List<Finding> fs, String none) {
        h.append("<section><h2>")
                .append(esc(title))
                .append(" (")
                .append(fs.size())
                .append(")</h2>");
        if (fs.isEmpty()) {
            h.append("<p class=\"muted\">").append(esc(none)).append("</p></section>\n");
            return;
        }
        h.append(
                "<table><tr><th>Factor</th><th>Severity</th><th>Where</th><th>Finding</th></tr>\n");
        for (Finding f : fs) {
            h.append("<tr><td>")
                    .append(esc(f.factor()))
                    .append("</td><td class=\"sev ")
                    .append(f.severity().id())
                    .append("\">")
                    .append(f.severity().id())
                    .append("</td><td class=\"loc\">")
                    .append(esc(TextReportRenderer.location(f)))
                    .append("</td><td>")
                    .append(esc(f.message()));
            String doc = ReportRenderers.docUrl(docsUrl, f.checkId());
            if (doc != null) {
                h.append(" <a href=\"")
                        .append(esc(doc))
                        .append("\" class=\"loc\">")
                        .append(esc(f.checkId()))
                        .append("</a>");
            } else {
                h.append(" <span class=\"loc\">").append(esc(f.checkId())).append("</span>");
            }
            if (f.snippet() != null && !f.snippet().isBlank()) {
                h.append("<pre>").append(esc(f.snippet())).append("</pre>");
            }
            if (f.remediation() != null) {
                h.append("<div class=\"muted\">").append(esc(f.remediation())).append("</div>");
            }
            h.append("</td></tr>\n");
        }
        h.append("</table></section>\n");
    }

    private static void suppressions(StringBuilder h, Report r) {
        h.append("<section><h2>Suppressions and disabled checks</h2>");
        if (r.suppressions().isEmpty()) {
            h.append("<p class=\"muted\">No finding was suppressed in source.</p>");
        } else {
            h.append("<table><tr><th>Check</th><th>Where</th><th>Reason</th></tr>\n");
            for (Suppression s : r.suppressions()) {
                h.append("<tr><td class=\"loc\">")
                        .append(esc(s.checkId()))
                        .append("</td><td class=\"loc\">")
                        .append(esc(s.file() + ":" + s.line()))
                        .append("</td><td>")
                        .append(
                                s.accepted()
                                        ? esc(s.reason())
                                        : "<span class=\"person\">rejected: no reason given</span>")
                        .append("</td></tr>\n");
            }
            h.append("</table>");
        }
        h.append("<p>Disabled checks: ")
                .append(r.disabled().isEmpty() ? "none" : esc(String.join(", ", r.disabled())))
                .append("</p></section>\n");
    }

    private static String card(String label, String valueHtml) {
        return "<div class=\"card\"><div class=\"muted\">"
                + esc(label)
                + "</div><div class=\"big\">"
                + valueHtml
                + "</div></div>";
    }

    private static String grade(String g) {
        String cls = "n/a".equals(g) ? "gna" : "g" + g;
        return "<span class=\"grade " + cls + "\">" + esc(g) + "</span>";
    }

    private static String bar(int score) {
        int w = Math.max(0, score) * 2;
        String colour =
                score >= 90
                        ? "#2e7d32"
                        : score >= 75
                                ? "#689f38"
                                : score >= 60 ? "#f9a825" : score >= 40 ? "#ef6c00" : "#c62828";
        return "<svg width=\"200\" height=\"12\" role=\"img\" aria-label=\""
                + Math.max(score, 0)
                + " of 100\">"
                + "<rect width=\"200\" height=\"12\" rx=\"3\" fill=\"#e6e9ef\"/>"
                + (score < 0
                        ? ""
                        : "<rect width=\""
                                + w
                                + "\" height=\"12\" rx=\"3\" fill=\""
                                + colour
                                + "\"/>")
                + "</svg>";
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
