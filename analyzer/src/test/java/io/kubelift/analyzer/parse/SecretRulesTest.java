package io.kubelift.analyzer.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The general secret rules of issue #14: key files, sensitive elements, auth modes, encodings. */
class SecretRulesTest {
    @ParameterizedTest
    @CsvSource({
        "hostKey, ${karaf.etc}/host.key",
        "ssl.key, /etc/tls/server.pem",
        "privateKey, conf/signing.der",
        "sftp.key-file, /home/app/.ssh/id_ed25519",
        "tls.keyFile, server.key",
        "Server/Ssh@hostKey, etc/ssh/host.ser"
    })
    void aKeySettingWithAPathToAKeyFileIsAKeyFileSecret(String key, String value) {
        assertEquals(Optional.of("key-file"), SecretRules.keyKind(key, value), key);
    }

    @ParameterizedTest
    @CsvSource({
        "publicKey, /etc/ssh/host.pub",
        "ssh.public.key, conf/host.key",
        "hostKey, ${HOST_KEY}",
        "cache.key, orders",
        "routing.key, orders.created",
        "hostKeyFormat, simple",
        "ssl.keystore.location, conf/keystore.jks",
        "https-certificate-file, conf/server.crt.pem",
        "sort.key, /tmp/data.csv"
    })
    void otherKeysAndPathsAreNot(String key, String value) {
        assertEquals(Optional.empty(), SecretRules.keyKind(key, value), key + "=" + value);
    }

    @ParameterizedTest
    @CsvSource({
        "server/tls/key-stores/key-store[applicationKS]/credential-reference@clear-text, s3cret-ks",
        "datasources/datasource[orders]/password@value, s3cret-db",
        "config/secret[api]@text, s3cret-api",
        "realm/credential@value, s3cret-cred"
    })
    void theValueAttributeOfASensitiveElementIsASecret(String key, String value) {
        assertEquals(Optional.of("password"), SecretRules.keyKind(key, value), key);
    }

    @ParameterizedTest
    @CsvSource({
        "elytron/credential-reference@store, credstore",
        "elytron/credential-reference@alias, ks-alias",
        "config/property[password]@value, ${db.password}",
        "config/password-policy@value, strong",
        "config/timeout@value, 30",
        "config/auth@value, basic"
    })
    void otherAttributesOfSuchElementsAreNot(String key, String value) {
        assertEquals(Optional.empty(), SecretRules.keyKind(key, value), key);
    }

    @ParameterizedTest
    @CsvSource({
        "protocol[sec-admin-listener]/ssl@client-auth, want",
        "protocol[http]/ssl@client-auth, false",
        "server.ssl.client-auth, need",
        "http.auth, basic",
        "mail.smtp.auth, true",
        "proxy.auth, none"
    })
    void anAuthModeIsNotASecret(String key, String value) {
        assertEquals(Optional.empty(), SecretRules.keyKind(key, value), key + "=" + value);
    }

    @ParameterizedTest
    @CsvSource({
        "hadoop.zk.auth, digest:hdfs:s3cret",
        "basic.auth, YWxhZGRpbjpvcGVuc2VzYW1l",
        "db.password.b64, czNjcmV0LWRi",
        "client_secret_base64, czNjcmV0LWNsaWVudA=="
    })
    void aCredentialUnderAnAuthOrEncodedNameStillIs(String key, String value) {
        assertEquals(true, SecretRules.keyKind(key, value).isPresent(), key + "=" + value);
    }
}
