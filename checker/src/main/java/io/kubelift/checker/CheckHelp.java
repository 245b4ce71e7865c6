package io.kubelift.checker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A check's help for report formats that embed it (SARIF {@code rules[].help}): the doc page the
 * project ships, {@code docs/checks/ID.md}, which the build puts on the classpath as {@code
 * io/kubelift/checker/docs/ID.md}; when a page is not there (a check added outside this project, a
 * build without the docs), the same sections made from the check's own description and remediation.
 */
final class CheckHelp {
    static final String PAGES = "/io/kubelift/checker/docs/";

    /**
     * A markdown inline link {@code [text](target)} whose target is relative (no scheme, not an
     * anchor).
     */
    private static final Pattern RELATIVE_LINK =
            Pattern.compile("\\[([^\\]\\n]+)\\]\\((?![a-zA-Z][a-zA-Z0-9+.-]*:|#)([^)\\s]+)\\)");

    private CheckHelp() {}

    /** Plain text: the summary, why, and how to fix. */
    static String text(CheckInfo c) {
        return c.summary() + ".\n\nWhy: " + c.rationale() + "\n\nHow to fix: " + c.remediation();
    }

    /**
     * The doc page as markdown. Its links are relative to {@code docs/checks/}: with {@code
     * docsUrl} they are resolved against it, without one only their text is kept (a relative link
     * means nothing inside a SARIF viewer).
     */
    static String markdown(CheckInfo c, String docsUrl) {
        String page = page(c.id());
        if (page == null) {
            page =
                    "# "
                            + c.id()
                            + "\n\n"
                            + c.summary()
                            + ".\n\n## Why\n\n"
                            + c.rationale()
                            + "\n\n## How to fix\n\n"
                            + c.remediation()
                            + "\n";
        }
        return links(page, docsUrl);
    }

    /** The shipped page of a check, or null. */
    static String page(String checkId) {
        if (!checkId.matches("[A-Za-z0-9-]+")) {
            return null;
        }
        try (InputStream in = CheckHelp.class.getResourceAsStream(PAGES + checkId + ".md")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String links(String markdown, String docsUrl) {
        Matcher m = RELATIVE_LINK.matcher(markdown);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String replacement =
                    docsUrl == null
                            ? m.group(1)
                            : "["
                                    + m.group(1)
                                    + "]("
                                    + URI.create(docsUrl).resolve(m.group(2))
                                    + ")";
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
