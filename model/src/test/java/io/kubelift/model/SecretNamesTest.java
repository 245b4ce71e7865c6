package io.kubelift.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretNamesTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "spring.datasource.password",
                "db.pwd",
                "mail.passwd",
                "ssl.keystore.pass",
                "key.passphrase",
                "dbPassword",
                "keyPass",
                "storepass",
                "api.token",
                "http.bearer",
                "oauth.client.secret",
                "aws.secret.key",
                "aws.access-key",
                "stripe.api_key",
                "tls.private.key",
                "fs.azure.account.key",
                "ssl.client.key",
                "hmac.auth-key",
                "webhook.signature.secret",
                "zk.auth",
                "zkauth",
                "basic.auth",
                "auth",
                "credentials",
                "sasl.jaas.config",
                "KafkaClient.jaasConfig",
                "  api.token  "
            })
    void keysWhoseLastWordNamesASecret(String key) {
        assertTrue(SecretNames.isSecretKey(key), key);
        assertTrue(SecretNames.mentionsSecret(key), key);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ssl.keystore.password.file",
                "ssl.keystore.password.location",
                "password.policy",
                "passwordEncoder",
                "password_length",
                "DB_PASSWORD_FILE",
                "token.expiry",
                "token.validity",
                "token.renew.interval",
                "token.max.lifetime",
                "TOKEN_TTL",
                "api.key.id",
                "client.secret.name",
                "hadoop.security.authentication",
                "authorization",
                "auth.type",
                "auth-method",
                "auth.enabled",
                "secret.provider",
                "credential.provider.path",
                "hadoop.kerberos.keytab",
                "dfs.web.authentication.kerberos.keytab",
                "jdbc.user",
                "spring.datasource.username",
                "server.port",
                "author",
                "passive.mode",
                "authors",
                "token.user",
                "secret.class",
                "token_endpoint",
                "password.principal"
            })
    void namesThatHoldSomethingElse(String name) {
        assertFalse(SecretNames.isSecretKey(name), name);
        assertFalse(SecretNames.mentionsSecret(name), name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SECRET_KEY_BASE",
                "DB_PASSWORD_VALUE",
                "GITHUB_TOKEN_RW",
                "credential.value",
                "API_KEY_PRIMARY",
                "zk_auth_digest"
            })
    void distinctiveWordsCountAnywhereOnlyForMentions(String name) {
        assertFalse(SecretNames.isSecretKey(name), name);
        assertTrue(SecretNames.mentionsSecret(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bypass.list", "auth.server.host", "passthrough"})
    void shortWordsCountOnlyAsTheLastWord(String name) {
        assertFalse(SecretNames.isSecretKey(name), name);
        assertFalse(SecretNames.mentionsSecret(name), name);
    }

    /** An encoded secret (issue #15: *.b64 keys) is named by the secret word before the suffix. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "db.password.b64",
                "client_secret_base64",
                "apiTokenBase64",
                "ssl.keystore.password-base64-encoded",
                "SECRET_B64"
            })
    void encodedSecretsAreNamedWithoutTheEncodingSuffix(String key) {
        assertTrue(SecretNames.isSecretKey(key), key);
        assertTrue(SecretNames.mentionsSecret(key), key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"logo.base64", "b64", "image_b64", "password.file.b64", "base64"})
    void anEncodingSuffixAloneNamesNoSecret(String key) {
        assertFalse(SecretNames.isSecretKey(key), key);
    }

    @ParameterizedTest
    @NullSource
    void noName(String name) {
        assertFalse(SecretNames.isSecretKey(name));
        assertFalse(SecretNames.mentionsSecret(name));
    }
}
