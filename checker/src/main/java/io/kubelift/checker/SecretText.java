package io.kubelift.checker;

import io.kubelift.model.Finding;
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

    /** {@code scheme://user:password@host}: the password of the URL's user-info. */
    private static final Pattern URL_USER_INFO =
            Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^/\\s:@\"'<>]*:)([^/\\s@\"'<>]+)(@)");

    /** {@code ?password=…}, {@code ;pwd=…} in a URL or connection string. */
    private static final Pattern QUERY_SECRET =
            Pattern.compile(
                    "(?i)([?&;]\\s*(?:password|passwd|pwd|pass|secret|token)\\s*=\\s*)([^&;\\s\"'<]+)");

    /**
     * {@code key="value"} or {@code key='value'} anywhere in a line (JAAS entries, XML attributes,
     * Java assignments, {@code -Dkey=value} options, shell variables).
     */
    private static final Pattern INLINE_QUOTED =
            Pattern.compile(
                    "([A-Za-z_][A-Za-z0-9_.\\-]*)(\"?\\s*[=:]\\s*)(\"([^\"]*)\"|'([^']*)')");

    private static final Pattern INLINE_BARE =
            Pattern.compile(
                    "(?<![A-Za-z0-9_.])([A-Za-z_][A-Za-z0-9_.\\-]*)(=|:\\s+)([^\\s\"'&;,)<>]+)");

    /** {@code put("db.password", "x")}, {@code setProperty("mail.smtp.password", "x")}. */
    private static final Pattern CALL_PAIR =
            Pattern.compile("(\"([A-Za-z0-9_.\\-]+)\"\\s*,\\s*)\"([^\"]*)\"");

    /** {@code <password>x</password>}, {@code <secret>x</secret>}. */
    private static final Pattern XML_ELEMENT =
            Pattern.compile("(<([A-Za-z][A-Za-z0-9_.:\\-]*)>)([^<]+)(</\\2>)");

    /** A placeholder with a default: {@code ${DB_PASS:s3cret}}, {@code ${DB_PASS:-s3cret}}. */
    private static final Pattern PLACEHOLDER_DEFAULT =
            Pattern.compile("(\\$\\{([A-Za-z_][\\w.\\-]*)(?::-?|\\?:))([^}]+)(})");

    private static final Pattern PEM_BEGIN =
            Pattern.compile("(-----BEGIN [A-Z ]*PRIVATE KEY-----).*");

    /**
     * A long base64 run (the body of a PEM block, an encoded key): 60 characters or more with upper
     * and lower case letters and digits, and few slashes (so a long path is not one).
     */
    private static final Pattern BASE64_RUN =
            Pattern.compile("(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{60,}={0,2}(?![A-Za-z0-9+/=])");

    private static final Pattern AWS_ACCESS_KEY = Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b");

    /**
     * The one masking step of the checker: every finding's message and snippet, every suppression
     * reason, in every report format. Masks each secret form the analyzer knows: {@code key=value}
     * and {@code key: value} under a secret-looking name (anywhere in the line, quoted or not, as a
     * JAAS option, an XML attribute or element, a {@code -D} option, a {@code put("key", "value")}
     * call), the default of a placeholder under such a name ({@code ${DB_PASS:s3cret}}), the
     * password of a URL's user-info ({@code redis://:PASS@host}) or query ({@code ?password=}), AWS
     * access keys, and PEM private keys (the BEGIN line and base64 body lines). References ({@code
     * ${X}}, {@code $X}) and masks stay as they are.
     */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(maskOneLine(lines[i]));
        }
        return out.toString();
    }

    /** The finding with its message and snippet {@linkplain #mask masked}. */
    public static Finding mask(Finding f) {
        String message = mask(f.message());
        String snippet = mask(f.snippet());
        if (java.util.Objects.equals(message, f.message())
                && java.util.Objects.equals(snippet, f.snippet())) {
            return f;
        }
        return new Finding(
                f.checkId(),
                f.factor(),
                f.severity(),
                f.file(),
                f.line(),
                message,
                f.remediation(),
                f.fixedByGenerate(),
                snippet);
    }

    static Suppression mask(Suppression s) {
        String reason = mask(s.reason());
        return java.util.Objects.equals(reason, s.reason())
                ? s
                : new Suppression(
                        s.checkId(), s.file(), s.line(), reason, s.accepted(), s.suppressedLine());
    }

    private static String maskOneLine(String line) {
        String l = maskLine(line);
        Matcher pem = PEM_BEGIN.matcher(l);
        if (pem.find()) {
            return l.substring(0, pem.start()) + pem.group(1) + " " + SecretValue.MASK;
        }
        l = replace(BASE64_RUN, l, m -> looksEncoded(m.group()) ? SecretValue.MASK : m.group());
        l =
                replace(
                        URL_USER_INFO,
                        l,
                        m ->
                                isLiteral(m.group(2))
                                        ? m.group(1) + SecretValue.MASK + m.group(3)
                                        : m.group());
        l =
                replace(
                        QUERY_SECRET,
                        l,
                        m -> isLiteral(m.group(2)) ? m.group(1) + SecretValue.MASK : m.group());
        Matcher kv = KEY_VALUE.matcher(l);
        boolean secretKey = kv.matches() && SecretNames.mentionsSecret(kv.group(2));
        l =
                replace(
                        PLACEHOLDER_DEFAULT,
                        l,
                        m ->
                                (secretKey || SecretNames.mentionsSecret(m.group(2)))
                                                && isLiteral(m.group(3))
                                        ? m.group(1) + SecretValue.MASK + m.group(4)
                                        : m.group());
        l =
                replace(
                        INLINE_QUOTED,
                        l,
                        m -> {
                            String v = m.group(4) != null ? m.group(4) : m.group(5);
                            if (!SecretNames.mentionsSecret(m.group(1)) || !isLiteral(v)) {
                                return m.group();
                            }
                            char q = m.group(3).charAt(0);
                            return m.group(1) + m.group(2) + q + SecretValue.MASK + q;
                        });
        l =
                replace(
                        INLINE_BARE,
                        l,
                        m ->
                                SecretNames.mentionsSecret(m.group(1)) && isLiteral(m.group(3))
                                        ? m.group(1) + m.group(2) + SecretValue.MASK
                                        : m.group());
        l =
                replace(
                        CALL_PAIR,
                        l,
                        m ->
                                SecretNames.mentionsSecret(m.group(2)) && isLiteral(m.group(3))
                                        ? m.group(1) + "\"" + SecretValue.MASK + "\""
                                        : m.group());
        l =
                replace(
                        XML_ELEMENT,
                        l,
                        m ->
                                SecretNames.mentionsSecret(m.group(2)) && isLiteral(m.group(3))
                                        ? m.group(1) + SecretValue.MASK + m.group(4)
                                        : m.group());
        return AWS_ACCESS_KEY.matcher(l).replaceAll(SecretValue.MASK);
    }

    private static boolean looksEncoded(String run) {
        long slashes = run.chars().filter(c -> c == '/').count();
        return run.chars().anyMatch(Character::isDigit)
                && run.chars().anyMatch(Character::isUpperCase)
                && run.chars().anyMatch(Character::isLowerCase)
                && slashes * 10 < run.length();
    }

    private static String replace(
            Pattern p, String s, java.util.function.Function<Matcher, String> with) {
        Matcher m = p.matcher(s);
        StringBuilder sb = new StringBuilder(s.length());
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The lower-cased name, for comparisons. */
    static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
