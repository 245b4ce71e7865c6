package io.kubelift.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One violation a check reports: which rule ({@code checkId}, e.g. {@code
 * TF03-CONFIG-HARDCODED-HOST}), its factor (a roman numeral I–XV), severity, where (file relative
 * to the checked path, line), a message, how to fix it, and whether {@code kubelift generate}
 * already fixes it.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({
    "checkId",
    "factor",
    "severity",
    "file",
    "line",
    "message",
    "remediation",
    "fixedByGenerate",
    "snippet"
})
public record Finding(
        String checkId,
        String factor,
        Severity severity,
        String file,
        int line,
        String message,
        String remediation,
        boolean fixedByGenerate,
        String snippet) {
    public Finding {
        Lists.require(checkId, "finding.checkId");
        Lists.require(factor, "finding.factor");
        Lists.require(message, "finding.message");
        if (severity == null) {
            throw new IllegalArgumentException("finding.severity is required");
        }
    }
}
