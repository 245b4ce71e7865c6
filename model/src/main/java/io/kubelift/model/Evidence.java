package io.kubelift.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a fact was seen: a file relative to the analysed app root, a 1-based line (0 when the fact is
 * about the whole file), and the text of that line. The text is stored already masked: a line that holds
 * a secret value never reaches the model with the value in it.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Evidence(@JsonProperty(required = true) String file, int line, String text) {
    /** Longest snippet kept; longer lines are cut with an ellipsis. */
    public static final int MAX_TEXT = 240;

    public Evidence {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("evidence.file is required");
        }
        if (line < 0) {
            throw new IllegalArgumentException("evidence.line must be >= 0");
        }
        text = text == null || text.isBlank() ? null : clip(text.strip()); // "" is not written, so it reads back as null
    }

    public static Evidence of(String file, int line, String text) {
        return new Evidence(file, line, text);
    }

    public static Evidence ofFile(String file) {
        return new Evidence(file, 0, null);
    }

    /** {@code file:line}, or just {@code file} when the line is unknown. */
    public String location() {
        return line > 0 ? file + ":" + line : file;
    }

    private static String clip(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 1) + "…";
    }
}
