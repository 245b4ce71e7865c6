package io.kubelift.core;

import io.kubelift.checker.Factor;
import io.kubelift.checker.HtmlReportRenderer;
import io.kubelift.checker.TopologySvg;
import io.kubelift.model.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The portfolio view ({@code index.html}), in the compliance report's style: totals, one row per
 * app (score before → after, a score per factor, errors, warnings, a link to the app's report), and
 * a picture of each migrated app. Self-contained: inline CSS and SVG, no network. Sorting works
 * without scripts (each sort link shows a copy of the rows in that order, CSS {@code :target}); a
 * small inline script, allowed by its hash in the page's CSP, sorts any column in place instead. A
 * failed app has blanks, not zeros.
 */
final class PortfolioPage {
    private PortfolioPage() {}

    /** The sorts offered without a script: id suffix, column title, comparator. */
    private record Order(String id, Comparator<BatchConverter.AppResult> by) {}

    private static final Comparator<BatchConverter.AppResult> BY_NAME =
            Comparator.comparing(BatchConverter.AppResult::name);

    /** Inline script: sorts the table in place; the no-script copies are dropped. */
    static final String SCRIPT =
            "(function(){var t=document.getElementById('apps');if(!t)return;"
                    + "var keep=document.getElementById('by-app');"
                    + "Array.prototype.slice.call(t.tBodies).forEach(function(b){if(b!==keep)b.parentNode.removeChild(b);});"
                    + "keep.className='';var ths=t.tHead.rows[0].cells;"
                    + "function sort(th,asc){var col=th.cellIndex,num=th.getAttribute('data-type')==='num';"
                    + "for(var i=0;i<ths.length;i++)ths[i].removeAttribute('aria-sort');"
                    + "th.setAttribute('aria-sort',asc?'ascending':'descending');"
                    + "var rows=Array.prototype.slice.call(keep.rows);"
                    + "rows.sort(function(a,b){var x=a.cells[col].getAttribute('data-v'),y=b.cells[col].getAttribute('data-v');"
                    + "if(x===''&&y!=='')return 1;if(y===''&&x!=='')return -1;"
                    + "var c=num?parseFloat(x||'0')-parseFloat(y||'0'):x.localeCompare(y);"
                    + "if(!asc)c=-c;if(c===0)c=a.cells[0].getAttribute('data-v').localeCompare(b.cells[0].getAttribute('data-v'));return c;});"
                    + "rows.forEach(function(r){keep.appendChild(r);});}"
                    + "Array.prototype.forEach.call(ths,function(th){if(!th.hasAttribute('data-type'))return;"
                    + "th.tabIndex=0;var go=function(e){e.preventDefault();"
                    + "sort(th,th.getAttribute('aria-sort')==='ascending'?false:th.getAttribute('data-type')==='text'||th.getAttribute('aria-sort')==='descending');};"
                    + "th.addEventListener('click',go);"
                    + "th.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' ')go(e);});});"
                    + "var h=location.hash.match(/^#by-(.+)$/);if(h){var th=t.querySelector('th[data-sort=\"'+h[1]+'\"]');"
                    + "if(th)sort(th,th.getAttribute('data-type')==='text');}})();";

    private static final String CSS =
            """
            table.apps th a{color:inherit;text-decoration:none;border-bottom:1px dotted #5b6678}
            table.apps th[data-type]{cursor:pointer;white-space:nowrap}
            th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
            table.apps td.num,table.apps th.num{text-align:right}tr.failed td{background:#fdecea}
            tbody.order{display:none}tbody.order:target{display:table-row-group}
            table.apps:not(:has(tbody.order:target)) tbody#by-app{display:table-row-group}
            tfoot td,tfoot th{font-weight:700;border-top:2px solid #c9d1dc}
            .s{display:inline-block;min-width:30px;text-align:center;border-radius:4px;color:#fff;font-weight:600;font-size:12px}
            .picture svg{max-width:100%;height:auto}dl.legend{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;font-size:13px}
            dl.legend dt{font-weight:600}dl.legend dd{margin:0}div.scroll{overflow-x:auto}
            small.why{display:block;max-width:26em;overflow-wrap:anywhere;color:#5b6678}
            """;

    static String render(List<BatchConverter.AppResult> results) {
        return render(results, r -> r.name() + "/");
    }

    /** {@code appDir}: the app's output directory relative to the page, ending in {@code /}. */
    static String render(
            List<BatchConverter.AppResult> results,
            Function<BatchConverter.AppResult, String> appDir) {
        List<BatchConverter.AppResult> apps = new ArrayList<>(results);
        apps.sort(BY_NAME);
        List<BatchConverter.AppResult> ok =
                apps.stream().filter(BatchConverter.AppResult::ok).toList();
        List<Factor> factors = new ArrayList<>();
        for (Factor f : Factor.values()) {
            if (ok.stream().anyMatch(r -> r.scores().getOrDefault(f.numeral(), -1) >= 0)) {
                factors.add(f);
            }
        }
        StringBuilder h = new StringBuilder(32_768);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append(
                        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                                + "style-src 'unsafe-inline'; img-src data:; script-src '")
                .append(sha256(SCRIPT))
                .append("'\"><title>kubelift portfolio</title><style>")
                .append(HtmlReportRenderer.stylesheet())
                .append(CSS)
                .append("</style></head><body>\n<header><h1>kubelift portfolio</h1><div>")
                .append(ok.size())
                .append(" of ")
                .append(apps.size())
                .append(" apps converted")
                .append(
                        apps.size() > ok.size()
                                ? " · " + (apps.size() - ok.size()) + " failed"
                                : "")
                .append("</div></header>\n<main>\n");
        cards(h, apps, ok);
        h.append("<section><h2>Apps</h2><p class=\"muted\">Sort by ")
                .append("<a href=\"#by-app\">name</a>, <a href=\"#by-after\">score after</a>, ")
                .append(
                        "<a href=\"#by-before\">score before</a>, <a href=\"#by-errors\">errors</a> or ")
                .append("<a href=\"#by-warnings\">warnings</a> (or click a column heading).</p>\n")
                .append("<div class=\"scroll\"><table class=\"apps\" id=\"apps\"><thead><tr>");
        head(h, "app", "text", "App", null, "by-app");
        h.append("<th>Status</th>");
        head(h, "before", "num", "Before", "overall score of the app as installed", "by-before");
        head(
                h,
                "after",
                "num",
                "After",
                "overall score of what kubelift generate wrote",
                "by-after");
        h.append("<th>Components</th>");
        for (Factor f : factors) {
            head(h, f.numeral(), "num", f.numeral(), f.title(), null);
        }
        head(h, "errors", "num", "Errors", null, "by-errors");
        head(h, "warnings", "num", "Warnings", null, "by-warnings");
        h.append("<th>Report</th></tr></thead>\n");
        List<Order> orders =
                List.of(
                        new Order("by-app", BY_NAME),
                        new Order("by-after", desc(r -> r.scoreAfter())),
                        new Order("by-before", desc(r -> r.scoreBefore())),
                        new Order("by-errors", desc(r -> r.ok() ? count(r, Severity.ERROR) : null)),
                        new Order(
                                "by-warnings",
                                desc(r -> r.ok() ? count(r, Severity.WARNING) : null)));
        for (Order o : orders) {
            List<BatchConverter.AppResult> sorted = new ArrayList<>(apps);
            sorted.sort(o.by());
            h.append("<tbody class=\"order\" id=\"").append(o.id()).append("\">\n");
            for (BatchConverter.AppResult r : sorted) {
                row(h, r, factors, appDir);
            }
            h.append("</tbody>\n");
        }
        totals(h, apps, ok, factors);
        h.append("</table></div>\n");
        legend(h, factors);
        h.append("</section>\n");
        for (BatchConverter.AppResult r : ok) {
            if (r.topology() == null || r.topology().isEmpty()) {
                continue;
            }
            h.append("<section class=\"picture\" id=\"app-")
                    .append(esc(r.name()))
                    .append("\"><h2>")
                    .append(esc(r.name()))
                    .append(" on Kubernetes</h2>")
                    .append(TopologySvg.render(r.topology(), r.name(), "topology-" + r.name()))
                    .append("<p><a href=\"")
                    .append(esc(appDir.apply(r)))
                    .append("report/report.html\">Open the report of ")
                    .append(esc(r.name()))
                    .append("</a></p></section>\n");
        }
        h.append("</main><script>").append(SCRIPT).append("</script></body></html>\n");
        return h.toString();
    }

    private static Comparator<BatchConverter.AppResult> desc(
            Function<BatchConverter.AppResult, ? extends Number> key) {
        // blanks (failed apps, no score) last, then highest first, then by name
        return Comparator.<BatchConverter.AppResult, Boolean>comparing(r -> key.apply(r) == null)
                .thenComparing(r -> key.apply(r) == null ? 0.0 : -key.apply(r).doubleValue())
                .thenComparing(BY_NAME);
    }

    private static void head(
            StringBuilder h, String sort, String type, String label, String title, String link) {
        h.append("<th data-sort=\"")
                .append(esc(sort))
                .append("\" data-type=\"")
                .append(type)
                .append("\"")
                .append("num".equals(type) ? " class=\"num\"" : "")
                .append(title == null ? "" : " title=\"" + esc(title) + "\"")
                .append(" scope=\"col\">");
        if (link != null) {
            h.append("<a href=\"#").append(link).append("\">").append(esc(label)).append("</a>");
        } else {
            h.append(esc(label));
        }
        h.append("</th>");
    }

    private static void cards(
            StringBuilder h,
            List<BatchConverter.AppResult> apps,
            List<BatchConverter.AppResult> ok) {
        h.append("<div class=\"cards\">")
                .append(card("Apps converted", ok.size() + " / " + apps.size()))
                .append(
                        card(
                                "Mean score before → after",
                                mean(ok, BatchConverter.AppResult::scoreBefore)
                                        + " → "
                                        + mean(ok, BatchConverter.AppResult::scoreAfter)))
                .append(
                        card(
                                "Errors",
                                "<span class=\"error\">"
                                        + ok.stream().mapToLong(r -> count(r, Severity.ERROR)).sum()
                                        + "</span>"))
                .append(
                        card(
                                "Warnings",
                                "<span class=\"warning\">"
                                        + ok.stream()
                                                .mapToLong(r -> count(r, Severity.WARNING))
                                                .sum()
                                        + "</span>"))
                .append(
                        card(
                                "Failed",
                                "<span class=\"person\">" + (apps.size() - ok.size()) + "</span>"))
                .append("</div>\n");
    }

    private static String card(String label, String valueHtml) {
        return "<div class=\"card\"><div class=\"muted\">"
                + esc(label)
                + "</div><div class=\"big\">"
                + valueHtml
                + "</div></div>";
    }

    private static String mean(
            List<BatchConverter.AppResult> ok, Function<BatchConverter.AppResult, Integer> score) {
        var stats =
                ok.stream()
                        .map(score)
                        .filter(s -> s != null && s >= 0)
                        .mapToInt(Integer::intValue)
                        .summaryStatistics();
        return stats.getCount() == 0 ? "–" : String.valueOf(Math.round(stats.getAverage()));
    }

    private static void row(
            StringBuilder h,
            BatchConverter.AppResult r,
            List<Factor> factors,
            Function<BatchConverter.AppResult, String> appDir) {
        h.append("<tr class=\"").append(r.ok() ? "ok" : "failed").append("\">");
        h.append("<td data-v=\"").append(esc(r.name())).append("\">");
        if (r.ok() && r.topology() != null && !r.topology().isEmpty()) {
            h.append("<a href=\"#app-")
                    .append(esc(r.name()))
                    .append("\">")
                    .append(esc(r.name()))
                    .append("</a>");
        } else {
            h.append(esc(r.name()));
        }
        h.append("</td><td>").append(esc(r.status()));
        if (!r.message().isEmpty()) {
            h.append("<small class=\"why\">").append(esc(r.message())).append("</small>");
        }
        h.append("</td>");
        scoreCell(h, r.ok() ? r.scoreBefore() : null);
        scoreCell(h, r.ok() ? r.scoreAfter() : null);
        h.append("<td>");
        for (Map.Entry<String, String> w : r.workloads().entrySet()) {
            h.append(esc(w.getKey()))
                    .append(" <small class=\"muted\">(")
                    .append(esc(w.getValue()))
                    .append(")</small><br>");
        }
        h.append("</td>");
        for (Factor f : factors) {
            Integer s = r.ok() ? r.scores().get(f.numeral()) : null;
            scoreCell(h, s == null || s < 0 ? null : s, r.findingsByFactor().get(f.numeral()));
        }
        numCell(h, r.ok() ? count(r, Severity.ERROR) : null, "error");
        numCell(h, r.ok() ? count(r, Severity.WARNING) : null, "warning");
        h.append("<td>");
        if (r.ok()) {
            h.append("<a href=\"")
                    .append(esc(appDir.apply(r)))
                    .append("report/report.html\">report</a>");
        }
        h.append("</td></tr>\n");
    }

    private static void scoreCell(StringBuilder h, Integer score) {
        scoreCell(h, score, null);
    }

    private static void scoreCell(StringBuilder h, Integer score, Long findings) {
        if (score == null || score < 0) {
            h.append("<td class=\"num\" data-v=\"\"></td>");
            return;
        }
        h.append("<td class=\"num\" data-v=\"")
                .append(score)
                .append("\"><span class=\"s g")
                .append(grade(score))
                .append("\"")
                .append(
                        findings == null || findings == 0
                                ? ""
                                : " title=\"" + findings + " finding(s)\"")
                .append(">")
                .append(score)
                .append("</span></td>");
    }

    private static void numCell(StringBuilder h, Long n, String cls) {
        if (n == null) {
            h.append("<td class=\"num\" data-v=\"\"></td>");
            return;
        }
        h.append("<td class=\"num\" data-v=\"")
                .append(n)
                .append("\">")
                .append(n == 0 ? "0" : "<span class=\"" + cls + "\">" + n + "</span>")
                .append("</td>");
    }

    private static void totals(
            StringBuilder h,
            List<BatchConverter.AppResult> apps,
            List<BatchConverter.AppResult> ok,
            List<Factor> factors) {
        h.append("<tfoot><tr><th scope=\"row\">All (")
                .append(ok.size())
                .append(" of ")
                .append(apps.size())
                .append(")</th><td>mean</td><td class=\"num\">")
                .append(mean(ok, BatchConverter.AppResult::scoreBefore))
                .append("</td><td class=\"num\">")
                .append(mean(ok, BatchConverter.AppResult::scoreAfter))
                .append("</td><td>")
                .append(ok.stream().mapToInt(r -> r.workloads().size()).sum())
                .append(" components</td>");
        for (Factor f : factors) {
            h.append("<td class=\"num\">")
                    .append(mean(ok, r -> r.scores().get(f.numeral())))
                    .append("</td>");
        }
        h.append("<td class=\"num\">")
                .append(ok.stream().mapToLong(r -> count(r, Severity.ERROR)).sum())
                .append("</td><td class=\"num\">")
                .append(ok.stream().mapToLong(r -> count(r, Severity.WARNING)).sum())
                .append("</td><td></td></tr></tfoot>\n");
    }

    private static void legend(StringBuilder h, List<Factor> factors) {
        h.append(
                "<h3>What the columns mean</h3><p class=\"muted\">Before: the app as installed; after: what "
                        + "<code>kubelift generate</code> wrote for it (manifests, scripts), the score the app's "
                        + "report leads with. Each factor column is the app's score for that factor after generate: "
                        + "100 × the weight of the checks that pass ÷ the weight of the checks that apply (error 3, "
                        + "warning 2, info 1), coloured by grade (A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, F below); hover a "
                        + "score for the number of findings behind it. A blank cell means no value: the app failed "
                        + "to convert, or no check of that factor applies to it. The last row gives the mean of the "
                        + "converted apps and the total errors and warnings.</p><dl class=\"legend\">");
        for (Factor f : factors) {
            h.append("<dt>")
                    .append(f.numeral())
                    .append("</dt><dd>")
                    .append(esc(f.title()))
                    .append("</dd>");
        }
        h.append("</dl>\n");
    }

    private static String grade(int score) {
        return score >= 90 ? "A" : score >= 75 ? "B" : score >= 60 ? "C" : score >= 40 ? "D" : "F";
    }

    static long count(BatchConverter.AppResult r, Severity s) {
        return BatchConverter.count(r, s);
    }

    static String sha256(String script) {
        try {
            return "sha256-"
                    + Base64.getEncoder()
                            .encodeToString(
                                    MessageDigest.getInstance("SHA-256")
                                            .digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String esc(String s) {
        return s == null
                ? ""
                : s.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;")
                        .replace("'", "&#39;");
    }
}
