package io.kubelift.checker;

import io.kubelift.model.SecretNames;
import io.kubelift.model.SecretValue;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises literal values (as opposed to references) and masks those under secret-looking names
 * ({@link SecretNames#mentionsSecret}) in text shown to users. Used for manifest snippets (which
 * are not masked by the analyzer) and as a second line of defence for evidence text.
 */
public final class SecretText {
    /** Values that are references or placeholders, not literal secrets. */
    private static final Pattern REFERENCE =
            Pattern.compile(
                    "(?s)\\s*(\\$\\{[^}]*}|\\$[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_][A-Za-z0-9_]*%|\\{\\{.*}}|<[^>]*>|"
                            + "\\*+|x+|changeme|change_me|null|none|true|false|secretKeyRef|valueFrom)\\s*",
                    Pattern.CASE_INSENSITIVE);

    private static final Pattern KEY_VALUE =
            Pattern.compile("^(\\s*-?\\s*\"?([A-Za-z0-9_.\\-]+)\"?\\s*[:=]\\s*)(.+?)(\\s*(#.*)?)$");

    private SecretText() {}

    /**
     * True for a non-empty value that is not a reference ({@code ${X}}, {@code $X}, {@code {{ }}})
     * nor a mask.
     */
    public static boolean isLiteral(String value) {
        if (value == null) {
            return false;
        }
        String v = unquote(value.strip());
        return !v.isEmpty() && !REFERENCE.matcher(v).matches();
    }

    private static String unquote(String v) {
        if (v.length() >= 2
                && (v.startsWith("\"") && v.endsWith("\"")
                        || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    /** Masks the value of a {@code key: value} / {@code key=value} line whose key looks secret. */
    public static String maskLine(String line) {
        if (line == null) {
            return null;
        }
        Matcher m = KEY_VALUE.matcher(line);
        if (m.matches() && SecretNames.mentionsSecret(m.group(2)) && isLiteral(m.group(3))) {
            return m.group(1) + SecretValue.MASK + m.group(4);
        }
        return line;
    }

    /**
     * Masks the value of a line that is known to hold a secret value ({@code value: x} after a
     * secret env name).
     */
    public static String maskValue(String line) {
        if (line == null) {
            return null;
        }
        Matcher m = KEY_VALUE.matcher(line);
        return m.matches() ? m.group(1) + SecretValue.MASK + m.group(4) : SecretValue.MASK;
    }

    private static final Pattern REFERENCE_ONLY =
            Pattern.compile(
                    "(?i).*(=|:|<value>)\\s*(\"|')?(\\$\\{[^}]+}|\\$[A-Za-z_][A-Za-z0-9_]*)(\"|')?\\s*(</value>)?\\s*$");
    private static final Pattern EMPTY_VALUE =
            Pattern.compile(
                    "(?i).*((=|:)\\s*(\"\"|'')?\\s*|<value>\\s*</value>\\s*|<value\\s*/>\\s*)$");

    /**
     * True when an evidence line shows that the setting holds only a reference ({@code ${env.X}},
     * {@code $X}) or nothing at all: such a setting is not a literal secret even if an analyzer
     * reported it.
     */
    public static boolean isReferenceOnly(String evidenceText) {
        if (evidenceText == null || evidenceText.contains(SecretValue.MASK)) {
            return false;
        }
        String t = evidenceText.strip();
        return REFERENCE_ONLY.matcher(t).matches() || EMPTY_VALUE.matcher(t).matches();
    }

    /** The lower-cased name, for comparisons. */
    static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
