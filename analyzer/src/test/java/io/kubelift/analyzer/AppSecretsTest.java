package io.kubelift.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.model.SecretRef;
import io.kubelift.model.SecretValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * AppSecrets re-reads each kind of secret from its file, returns the value, and never prints it.
 */
class AppSecretsTest {
    @TempDir Path app;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            etc/hadoop/ssl-server.xml | ssl.server.keystore.password | <configuration><property><name>ssl.server.keystore.password</name><value>ks-S3cret</value></property></configuration> | ks-S3cret
            conf/app.properties       | db.password                  | db.user=app\\ndb.password=pr0p-S3cret\\n | pr0p-S3cret
            config/application.yml    | spring.datasource.password   | spring:\\n  datasource:\\n    password: yaml-S3cret\\n | yaml-S3cret
            conf/app.ini              | db.password                  | [db]\\npassword = ini-S3cret\\n | ini-S3cret
            .env                      | API_TOKEN                    | API_TOKEN=env-T0ken\\n | env-T0ken
            bin/app-env.sh            | DB_PASSWORD                  | #!/bin/sh\\nexport DB_PASSWORD=sh-S3cret\\n | sh-S3cret
            conf/db.properties        | db.url                       | db.url=jdbc:postgresql://app:jdbc-S3cret@db.example.com:5432/app\\n | jdbc-S3cret
            """)
    void returnsTheValueAndMasksIt(String file, String key, String content, String secret)
            throws Exception {
        Path p = app.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content.replace("\\n", "\n"));
        Analysis a = Analyzer.withDefaultDetectors().analyze(app, AnalyzeOptions.defaults());
        assertTrue(
                a.facts().facts().stream().noneMatch(f -> String.valueOf(f).contains(secret)),
                "facts never hold the value");

        Optional<SecretValue> v =
                AppSecrets.of(AppFileTrees.open(app))
                        .valueOf(new SecretRef(key, file, null, null, null));
        assertTrue(v.isPresent(), "found " + key + " in " + file);
        assertTrue(
                v.get().reveal().contains(secret), "the value (or the credential URL holding it)");
        assertEquals(SecretValue.MASK, v.get().toString());
        assertFalse(String.valueOf(v).contains(secret), "Optional.toString masks too");
    }
}
