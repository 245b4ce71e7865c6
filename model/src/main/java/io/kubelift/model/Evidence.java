package io.kubelift.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a fact was seen: a file relative to the analysed app root, a 1-based line (0 when the fact
 * is about the whole file), and the text of that line. The text is stored already masked: a line
 * that holds a secret value never reaches the model with the value in it.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Evidence(@JsonProperty(required = true) String file, int line, String text) {
    /** Longest snippet kept; longer lines are cut with an ellipsis. */
    public static final int MAX_TEXT = 240;

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public Evidence {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("evidence.file is required");
        }
        if (line < 0) {
            throw new IllegalArgumentException("evidence.line must be >= 0");
        }
        text =
                text == null || text.isBlank()
                        ? null
                        : clip(text.strip()); // "" is not written, so it reads back as null
    }

    /**
     * DOTALL: a file name may hold a newline (it is written escaped in YAML and must read back).
     */
    private static final Pattern COMPACT =
            Pattern.compile("(.+?)(?::(\\d+))?(?: +\\| ?(.*))?", Pattern.DOTALL);

    /**
     * The compact form a plan is written in ({@link #compact()}): {@code file:line | text}, {@code
     * file:line} or {@code file}.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Evidence parse(String compact) {
        Matcher m = COMPACT.matcher(compact == null ? "" : compact.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "evidence is 'file:line | text', not '" + compact + "'");
        }
        return new Evidence(
                m.group(1), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)), m.group(3));
    }

    /** {@code file:line | text}: one line, the form plans use unless {@code --evidence full}. */
    public String compact() {
        return location()
                + (text == null ? "" : " | " + text.replace('\n', ' ').replace('\r', ' '));
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
