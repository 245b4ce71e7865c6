package io.kubelift.model;

import java.util.regex.Pattern;

/**
 * The one list of setting names that look like they hold a secret (password, secret, token,
 * credential, private and access keys, auth strings, JAAS configs), and of the names that mention a
 * secret but hold something else (a path, a name, a size, a switch). The analyzer asks {@link
 * #isSecretKey} before it moves a value into a Kubernetes Secret; the checker asks {@link
 * #mentionsSecret} before it flags a literal or masks a line in a report. Both questions use the
 * same words and the same exceptions; they differ only in where the word may stand.
 */
public final class SecretNames {
    /**
     * Secret words that name a secret only as the last word of a key ({@code ssl.keystore.pass},
     * not {@code bypass.proxy}).
     */
    private static final String LAST_WORDS =
            "pass(word|wd|phrase)?|passw(or)?d|pwd|secret|token|bearer|credentials?|keypass|storepass"
                    + "|private[-_.]?key|api[-_.]?key|access[-_.]?key|secret[-_.]?key|client[-_.]?secret|client[-_.]?key"
                    + "|auth[-_.]?key|account[-_.]?key|signature[-_.]?secret|zk[-_.]?auth|(^|[-_.])auth"
                    + "|sasl[-_.]jaas[-_.]config|jaas[-_.]?config";

    /**
     * Secret words distinctive enough to mark a name wherever they stand ({@code
     * DB_PASSWORD_VALUE}, {@code SECRET_KEY_BASE}); short or common words ({@code pass}, {@code
     * auth}) count only as the last word.
     */
    private static final String ANYWHERE_WORDS =
            "passw(or)?d|pwd|secret|token|bearer|credential|api[-_.]?key|access[-_.]?key|private[-_.]?key"
                    + "|client[-_.]?key|auth[-_.]?key|account[-_.]?key|zk[-_.]?auth";

    /**
     * Names that mention a secret but hold a path, a name, a size, a switch or a reference, not the
     * secret itself.
     */
    private static final String NOT_SECRET_ENDINGS =
            "[-_.](file|path|paths|dir|location|provider|providers|name|names|id|alias|length|size|type|class"
                    + "|algorithm|ttl|timeout|expiry|enabled|url|uri|endpoint|ref|mode|format|keytab|reader|store[-_.]?type"
                    + "|encoding|validity|interval|policy|principal|user|username)"
                    + "|keytab|password[-_.]?(file|path|policy|encoder|length)"
                    + "|token[-_.]?(expiry|validity|renew[-_.]?interval|max[-_.]?lifetime)"
                    + "|authentication|authorization|auth[-_.]?(type|method|enabled)";

    private static final Pattern SECRET_LAST = Pattern.compile("(?i).*(" + LAST_WORDS + ")$");
    private static final Pattern SECRET_ANYWHERE =
            Pattern.compile("(?i).*(" + ANYWHERE_WORDS + ").*");
    private static final Pattern NOT_SECRET =
            Pattern.compile("(?i).*(" + NOT_SECRET_ENDINGS + ")$");

    /**
     * An encoding suffix ({@code password.b64}, {@code secret_base64}, {@code keyBase64}): the
     * value is the secret, encoded; the name is read without it.
     */
    private static final Pattern ENCODING_SUFFIX =
            Pattern.compile("(?i)(?<=.)([-_.]?(b64|base64)([-_.]?encoded)?)$");

    private SecretNames() {}

    /**
     * Whether a secret of this kind has a confidential value. A data-source user name ({@code
     * username}) is half a credential and a key-file setting ({@code key-file}) names where a
     * private key lives: both go to the Secret with the others, but their values are ordinary words
     * and paths that also stand elsewhere (a database named like its user, {@code host.key} inside
     * {@code host.key.pub}), so they are not masked in free text nor counted as leaks.
     */
    public static boolean confidentialKind(String kind) {
        return !"username".equals(kind) && !"key-file".equals(kind);
    }

    private static String withoutEncoding(String key) {
        return ENCODING_SUFFIX.matcher(key).replaceFirst("");
    }

    /**
     * True when the key's last word names a secret ({@code spring.datasource.password}, {@code
     * api.token}, {@code sasl.jaas.config}) and its ending does not say it holds something else
     * ({@code password.file}). Strict: a key that passes has its value moved into a Secret.
     */
    public static boolean isSecretKey(String key) {
        if (key == null) {
            return false;
        }
        String k = withoutEncoding(key.trim());
        return SECRET_LAST.matcher(k).matches() && !NOT_SECRET.matcher(k).matches();
    }

    /**
     * True when the name is a {@linkplain #isSecretKey secret key}, or carries a distinctive secret
     * word anywhere ({@code SECRET_KEY_BASE}, {@code DB_PASSWORD_VALUE}), and its ending does not
     * say it holds something else ({@code DB_PASSWORD_FILE}, {@code TOKEN_TTL}). Looser than {@link
     * #isSecretKey}: a name that passes only has its literal value flagged and masked.
     */
    public static boolean mentionsSecret(String name) {
        if (name == null) {
            return false;
        }
        String n = withoutEncoding(name.trim());
        return (SECRET_LAST.matcher(n).matches() || SECRET_ANYWHERE.matcher(n).matches())
                && !NOT_SECRET.matcher(n).matches();
    }
}
