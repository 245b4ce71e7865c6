package io.kubelift.core;

import io.kubelift.model.Severity;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The self-contained portfolio view ({@code index.html}): inline CSS, no scripts, no network. */
final class PortfolioPage {
    private PortfolioPage() {}

    static String render(List<BatchConverter.AppResult> results) {
        return render(results, r -> r.name() + "/");
    }

    /** {@code appDir}: the app's output directory relative to the page, ending in {@code /}. */
    static String render(
            List<BatchConverter.AppResult> results,
            java.util.function.Function<BatchConverter.AppResult, String> appDir) {
        TreeSet<String> factors = new TreeSet<>((a, b) -> Integer.compare(roman(a), roman(b)));
        results.forEach(r -> factors.addAll(r.findingsByFactor().keySet()));
        long ok = results.stream().filter(BatchConverter.AppResult::ok).count();
        StringBuilder h = new StringBuilder();
        h.append(
                        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>kubelift portfolio</title>\n<style>\n")
                .append(
                        "body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}\n")
                .append(
                        "th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f3f3f3}\n")
                .append(
                        ".failed{background:#fde8e8}.grade{font-weight:bold;text-align:center}.g-A{color:#1a7f37}.g-B{color:#4d7f1a}\n")
                .append(
                        ".g-C{color:#9a6700}.g-D{color:#bc4c00}.g-F{color:#cf222e}.num{text-align:right}\n</style></head><body>\n")
                .append("<h1>kubelift portfolio</h1>\n<p>")
                .append(ok)
                .append(" of ")
                .append(results.size())
                .append(
                        " apps converted.</p>\n<table>\n<tr><th>app</th><th>status</th><th>grade</th><th>components</th>");
        for (String f : factors) {
            h.append("<th>").append(esc(f)).append("</th>");
        }
        h.append("<th>errors</th><th>warnings</th><th>report</th></tr>\n");
        for (BatchConverter.AppResult r : results) {
            h.append("<tr class=\"")
                    .append(r.ok() ? "ok" : "failed")
                    .append("\"><td>")
                    .append(esc(r.name()))
                    .append("</td><td>")
                    .append(esc(r.status()));
            if (!r.message().isEmpty()) {
                h.append("<br><small>").append(esc(r.message())).append("</small>");
            }
            h.append("</td><td class=\"grade g-")
                    .append(esc(r.grade()))
                    .append("\">")
                    .append(esc(r.grade()))
                    .append("</td><td>");
            for (Map.Entry<String, String> w : r.workloads().entrySet()) {
                h.append(esc(w.getKey()))
                        .append(" <small>(")
                        .append(esc(w.getValue()))
                        .append(")</small><br>");
            }
            h.append("</td>");
            for (String f : factors) {
                h.append("<td class=\"num\">")
                        .append(r.findingsByFactor().getOrDefault(f, 0L))
                        .append("</td>");
            }
            h.append("<td class=\"num\">")
                    .append(BatchConverter.count(r, Severity.ERROR))
                    .append("</td><td class=\"num\">")
                    .append(BatchConverter.count(r, Severity.WARNING))
                    .append("</td><td>");
            if (r.ok()) {
                h.append("<a href=\"")
                        .append(esc(appDir.apply(r)))
                        .append("report/report.html\">report</a>");
            }
            h.append("</td></tr>\n");
        }
        return h.append("</table>\n</body></html>\n").toString();
    }

    static int roman(String s) {
        String[] numerals = {
            "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
            "XV"
        };
        for (int i = 0; i < numerals.length; i++) {
            if (numerals[i].equals(s)) {
                return i + 1;
            }
        }
        return 99;
    }

    static String esc(String s) {
        return s == null
                ? ""
                : s.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;");
    }
}
