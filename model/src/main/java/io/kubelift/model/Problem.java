package io.kubelift.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Something the analyzer could not read or chose to skip, reported (never thrown) so one bad file
 * does not stop an analysis: {@code file:line: message}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"kind", "file", "line", "message"})
public record Problem(Kind kind, String file, int line, String message) {
    public enum Kind {
        /** Not read on purpose: too large, binary, a special file, a link leaving the root. */
        SKIPPED,
        /** Read, but could not be parsed. */
        PARSE_ERROR,
        /** Parsed, with something worth telling (e.g. an XInclude not followed). */
        NOTE
    }

    public Problem {
        if (kind == null) {
            throw new IllegalArgumentException("problem.kind is required");
        }
        Lists.require(file, "problem.file");
        Lists.require(message, "problem.message");
    }

    /** {@code file:line: message} (the line left out when unknown). */
    public String describe() {
        return (line > 0 ? file + ":" + line : file) + ": " + message;
    }
}
