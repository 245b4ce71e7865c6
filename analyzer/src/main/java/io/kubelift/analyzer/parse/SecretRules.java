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

    /**
     * The value-bearing attribute of an element whose name is sensitive: Elytron's {@code
     * <credential-reference clear-text="…"/>}, {@code <password value="…"/>}, {@code <secret
     * text="…"/>}. Group 1 is the element's name (without its {@code [id]}).
     */
    private static final Pattern SENSITIVE_ELEMENT_VALUE =
            Pattern.compile(
                    "(?i)(?:.*/)?([A-Za-z_][\\w.-]*?)(?:\\[[^\\]]*\\])?@(clear-?text|plain-?text|value|text)$");

    /**
     * A setting that names a private key file: its last word is a key ({@code hostKey}, {@code
     * ssl.key}, {@code privateKey}, {@code key-file}), never a public key.
     */
    private static final Pattern KEY_FILE_NAME =
            Pattern.compile("(?i)^(?!.*public).*(key|key[-_.]?file)$");

    /**
     * A path to a private key file: a key, PEM, DER, PuTTY or serialized key file name, or an SSH
     * identity ({@code id_rsa}).
     */
    private static final Pattern KEY_FILE_VALUE =
            Pattern.compile(
                    "(?i)^[^\\s,;]*?([\\w.-]+\\.(key|pem|der|ppk|ser)|(^|[/\\\\])id_(rsa|dsa|ecdsa|ed25519))$");

    /** A path: it has a directory part or starts from a placeholder ({@code ${karaf.etc}/…}). */
    private static final Pattern PATH_LIKE = Pattern.compile("^(\\$\\{[^}]+\\}|[^\\s]*[/\\\\]).*");

    /**
     * The enumerated values of an {@code *auth} setting (TLS client authentication, an auth
     * scheme): a mode, not a credential ({@code ssl@client-auth="want"}).
     */
    private static final Pattern AUTH_MODE =
            Pattern.compile(
                    "(?i)(want|need|none|required|requested|optional|true|false|yes|no|on|off|enabled|disabled"
                            + "|basic|digest|form|bearer|negotiate|kerberos|spnego|ntlm|simple|sasl|ssl|tls|mtls|mutual"
                            + "|cert|client-cert|certificate|anonymous|any|both|default|local|ldap|jdbc|oauth2?|oidc|jwt)");

    private static final Pattern AUTH_LAST = Pattern.compile("(?i).*auth$");

    private SecretRules() {}

    /**
     * A setting naming a private key file by a path ({@code hostKey = ${karaf.etc}/host.key},
     * {@code ssl.key=/etc/tls/server.pem}): the file it names is a secret, so the setting is one
     * too (kind {@code key-file}). Keystores are not matched: their passwords are the secret
     * settings, and their paths stay in the config.
     */
    public static boolean isKeyFileSetting(String key, String value) {
        if (key == null || value == null) {
            return false;
        }
        String v = value.trim();
        String last = key.trim().replaceAll(".*[/@]", "");
        return KEY_FILE_NAME.matcher(last).matches()
                && !v.isEmpty()
                && !v.matches("(?i).*\\.pub$")
                && KEY_FILE_VALUE.matcher(v).matches()
                && (PATH_LIKE.matcher(v).matches() || v.matches("(?i)[\\w.-]+"));
    }

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
        Matcher el = SENSITIVE_ELEMENT_VALUE.matcher(k);
        if (el.matches()
                && SecretNames.mentionsSecret(el.group(1).replaceAll("(?i)[-_.]?ref(erence)?$", ""))
                && !(AUTH_LAST.matcher(el.group(1)).matches()
                        && AUTH_MODE.matcher(value.trim()).matches())) {
            return Optional.of("password");
        }
        if (isKeyFileSetting(k, value)) {
            return Optional.of("key-file");
        }
        if (!SecretNames.isSecretKey(k)) {
            return Optional.empty();
        }
        String lk = k.toLowerCase(Locale.ROOT);
        if (AUTH_LAST.matcher(lk).matches() && AUTH_MODE.matcher(value.trim()).matches()) {
            return Optional.empty(); // client-auth=want, http.auth=basic: a mode, not a credential
        }
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
