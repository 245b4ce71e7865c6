package io.kubelift.checker;

import io.kubelift.model.Severity;
import java.util.regex.Pattern;

/**
 * What a check is, for docs, SARIF rules and scoring: its id, factor, default severity, one-line
 * summary, why it matters, how to fix it, whether {@code kubelift generate} already fixes it, and
 * the evidence it reads.
 */
public record CheckInfo(
        String id,
        Factor factor,
        Severity severity,
        String summary,
        String rationale,
        String remediation,
        boolean fixedByGenerate,
        CheckSource source) {
    private static final Pattern ID = Pattern.compile("TF(0[1-9]|1[0-5])-[A-Z0-9]+(-[A-Z0-9]+)*");

    public CheckInfo {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "check id must look like TF03-CONFIG-HARDCODED-HOST: " + id);
        }
        int n = Integer.parseInt(id.substring(2, 4));
        if (factor == null || factor.ordinal() + 1 != n) {
            throw new IllegalArgumentException(
                    "check "
                            + id
                            + ": its number says factor "
                            + Factor.values()[n - 1]
                            + ", not "
                            + factor);
        }
        if (severity == null
                || source == null
                || blank(summary)
                || blank(rationale)
                || blank(remediation)) {
            throw new IllegalArgumentException(
                    "check "
                            + id
                            + ": severity, source, summary, rationale and remediation are required");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The doc page of this check, relative to the repository root. */
    public String docPath() {
        return "docs/checks/" + id + ".md";
    }
}
