package io.kubelift.analyzer.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the placeholders config files use to a value an install runs with when nothing overrides
 * it: the default after the colon of {@code ${jboss.http.port:8080}}, {@code
 * ${env.HTTP_PORT:8080}}, {@code ${prop:default}} and the shell form {@code ${PORT:-8080}}. Nested
 * placeholders resolve from the inside out ({@code ${a:${b:1}}} → 1). A placeholder without a
 * default stays as written: nothing in the file says what it is.
 */
public final class Placeholders {
    /**
     * An innermost placeholder: no {@code $}, braces inside; name, then an optional {@code :} or
     * {@code :-} default.
     */
    private static final Pattern INNERMOST =
            Pattern.compile("\\$\\{([^${}:]+)(?::-?([^${}]*))?\\}");

    private static final int MAX_ROUNDS = 8;

    private Placeholders() {}

    /** The value with every placeholder that has a default replaced by it. */
    public static String withDefaults(String value) {
        if (value == null || !value.contains("${")) {
            return value;
        }
        String v = value;
        for (int round = 0; round < MAX_ROUNDS && v.contains("${"); round++) {
            Matcher m = INNERMOST.matcher(v);
            StringBuilder out = new StringBuilder();
            boolean changed = false;
            while (m.find()) {
                if (m.group(2) != null) {
                    m.appendReplacement(out, Matcher.quoteReplacement(m.group(2)));
                    changed = true;
                } else {
                    m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                }
            }
            m.appendTail(out);
            if (!changed) {
                break;
            }
            v = out.toString();
        }
        return v;
    }

    /** Whether the value still holds a placeholder after {@link #withDefaults}. */
    public static boolean unresolved(String value) {
        return value != null && value.contains("${");
    }
}
