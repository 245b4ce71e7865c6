package io.kubelift.checker;

import io.kubelift.model.KubeliftException;
import java.util.List;
import java.util.Locale;

/** The report formats: {@code text}, {@code json}, {@code sarif}, {@code html}. */
public final class ReportRenderers {
    private static final List<String> FORMATS = List.of("text", "json", "sarif", "html");

    private ReportRenderers() {}

    public static ReportRenderer forFormat(String format) {
        return forFormat(format, null);
    }

    /**
     * @param docsUrl where the user publishes the check pages ({@code docs/checks/}), e.g. {@code
     *     https://git.example.com/kubelift/docs/checks/}: SARIF rules get {@code helpUri = docsUrl
     *     + ID.md} and the HTML report links each check id there. Null: no links (kubelift has no
     *     public address of its own); the pages' text is embedded in SARIF either way.
     */
    public static ReportRenderer forFormat(String format, String docsUrl) {
        String f = format == null ? "" : format.strip().toLowerCase(Locale.ROOT);
        String docs = docsUrl(docsUrl);
        return switch (f) {
            case "text" -> new TextReportRenderer();
            case "json" -> new JsonReportRenderer();
            case "sarif" -> new SarifReportRenderer(docs);
            case "html" -> new HtmlReportRenderer(docs);
            default ->
                    throw KubeliftException.usage(
                            "unknown report format '" + format + "'",
                            "use one of " + String.join(", ", FORMATS));
        };
    }

    public static List<String> formats() {
        return FORMATS;
    }

    /**
     * The file name {@code convert} writes a format to ({@code report.txt}, {@code report.sarif},
     * …).
     */
    public static String fileName(String format) {
        return switch (format) {
            case "text" -> "report.txt";
            case "sarif" -> "report.sarif";
            default -> "report." + format;
        };
    }

    /**
     * The docs URL as given, checked (an absolute http or https URL) and ending in '/'; null for
     * null or blank.
     *
     * @throws KubeliftException USAGE for anything else
     */
    public static String docsUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.strip();
        try {
            java.net.URI uri = new java.net.URI(u);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute()
                    || !(scheme.equals("http") || scheme.equals("https"))
                    || uri.getHost() == null
                    || uri.getQuery() != null
                    || uri.getFragment() != null) {
                throw new java.net.URISyntaxException(
                        u, "not an absolute http(s) URL without query or fragment");
            }
        } catch (java.net.URISyntaxException e) {
            throw KubeliftException.usage(
                    "the docs URL '" + u + "' is not an absolute http(s) URL",
                    "give the address where docs/checks/ is published, e.g. https://git.example.com/kubelift/docs/checks/");
        }
        return u.endsWith("/") ? u : u + "/";
    }

    /** {@code docsUrl + ID.md}, or null without a docs URL. */
    static String docUrl(String docsUrl, String checkId) {
        return docsUrl == null ? null : docsUrl + checkId + ".md";
    }
}
