package io.kubelift.analyzer.parse;

import io.kubelift.model.SecretNames;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What counts as a secret: sensitive key names ({@link SecretNames#isSecretKey}, shared with the
 * checker), the user of a JDBC data source, and sensitive values whatever their key (credentials in
 * URIs, AWS-style access keys, PEM private keys). Placeholders (${VAR}, %ENV%, empty, masked) are
 * not secrets: they are already externalised.
 */
public final class SecretRules {
    /**
     * The user of a JDBC data source (Spring's spring.datasource.username, a JNDI jdbc/ Resource's
     * username): half a credential.
     */
    private static final Pattern DB_USER_KEY =
            Pattern.compile("(?i).*(datasource|jdbc)[^=]*[-_.@]user(name)?$");

    private static final Pattern URI_CREDENTIAL =
            Pattern.compile("[a-zA-Z][a-zA-Z0-9+.:-]*://([^/\\s:@]*):([^/\\s@]+)@");
    private static final Pattern QUERY_PASSWORD =
            Pattern.compile("(?i)[?&;](password|pwd|pass)=([^&;\\s]+)");
    private static final Pattern AWS_ACCESS_KEY = Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b");
    private static final Pattern PLACEHOLDER =
            Pattern.compile(
                    "^(\\$\\{[^}]*\\}|\\$[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_]+%|\\*+|<[^>]*>|changeme-placeholder)$");

    /**
     * A placeholder with a default ({@code ${DB_PASS:s3cret}}, Spring's and Quarkus' form; {@code
     * ${DB_PASS:-s3cret}}, the shell's): the default is a hard-coded credential used whenever the
     * variable is unset.
     */
    private static final Pattern PLACEHOLDER_DEFAULT =
            Pattern.compile("^\\$\\{[A-Za-z_][\\w.\\-]*:-?([^}]+)\\}$");

    private SecretRules() {}

    /**
     * The literal secret in a value: the value itself, or the default of a placeholder ({@code
     * ${X:default}}); empty for a reference without a default.
     */
    public static String literalPart(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = PLACEHOLDER_DEFAULT.matcher(value.trim());
        return m.matches() ? m.group(1) : value;
    }

    /** The kind of secret a key names, when its value is a real value. */
    public static Optional<String> keyKind(String key, String rawValue) {
        String value = literalPart(rawValue);
        if (key == null
                || value == null
                || value.isBlank()
                || PLACEHOLDER.matcher(value.trim()).matches()) {
            return Optional.empty();
        }
        String k = key.trim();
        if (DB_USER_KEY.matcher(k).matches()) {
            return Optional.of("username");
        }
        if (!SecretNames.isSecretKey(k)) {
            return Optional.empty();
        }
        String lk = k.toLowerCase(Locale.ROOT);
        if (lk.contains("jaas")) {
            return Optional.of("jaas");
        }
        if (lk.matches(".*private[-_.]?key$")) {
            return Optional.of("private-key");
        }
        if (lk.matches(".*(access|api|secret|account|auth|client)[-_.]?key$")) {
            return Optional.of("access-key");
        }
        if (lk.matches(".*(token|bearer)$")) {
            return Optional.of("token");
        }
        if (lk.matches(".*(secret|credentials?|auth)$")) {
            return Optional.of("credential");
        }
        return Optional.of("password");
    }

    /**
     * A secret carried inside a value whatever its key (a password in a URI, an access key, a PEM
     * block).
     */
    public static Optional<String> valueKind(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = URI_CREDENTIAL.matcher(value);
        if (m.find() && !PLACEHOLDER.matcher(m.group(2)).matches()) {
            return Optional.of("credential-url");
        }
        Matcher q = QUERY_PASSWORD.matcher(value);
        if (q.find() && !PLACEHOLDER.matcher(q.group(2)).matches()) {
            return Optional.of("credential-url");
        }
        if (AWS_ACCESS_KEY.matcher(value).find()) {
            return Optional.of("access-key");
        }
        if (value.contains("-----BEGIN") && value.contains("PRIVATE KEY")) {
            return Optional.of("private-key");
        }
        return Optional.empty();
    }

    public static boolean isPrivateKeyBlock(String text) {
        return text.contains("-----BEGIN")
                && text.matches("(?s).*-----BEGIN [A-Z ]*PRIVATE KEY-----.*");
    }
}
