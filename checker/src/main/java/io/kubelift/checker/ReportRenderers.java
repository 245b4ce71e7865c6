package io.kubelift.checker;

import io.kubelift.model.KubeliftException;
import java.util.List;
import java.util.Locale;

/** The report formats: {@code text}, {@code json}, {@code sarif}, {@code html}. */
public final class ReportRenderers {
    /** Where the check doc pages are published; SARIF rules and the HTML report link to {@code BASE + ID.md}. */
    public static final String DOCS_BASE_URL = "https://github.com/kubelift/kubelift/blob/main/docs/checks/";
    private static final List<String> FORMATS = List.of("text", "json", "sarif", "html");

    private ReportRenderers() {
    }

    public static ReportRenderer forFormat(String format) {
        String f = format == null ? "" : format.strip().toLowerCase(Locale.ROOT);
        return switch (f) {
            case "text" -> new TextReportRenderer();
            case "json" -> new JsonReportRenderer();
            case "sarif" -> new SarifReportRenderer();
            case "html" -> new HtmlReportRenderer();
            default -> throw KubeliftException.usage("unknown report format '" + format + "'",
                    "use one of " + String.join(", ", FORMATS));
        };
    }

    public static List<String> formats() {
        return FORMATS;
    }

    /** The file name {@code convert} writes a format to ({@code report.txt}, {@code report.sarif}, …). */
    public static String fileName(String format) {
        return switch (format) {
            case "text" -> "report.txt";
            case "sarif" -> "report.sarif";
            default -> "report." + format;
        };
    }

    static String docUrl(String checkId) {
        return DOCS_BASE_URL + checkId + ".md";
    }
}
