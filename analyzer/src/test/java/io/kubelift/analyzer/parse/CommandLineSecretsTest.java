package io.kubelift.analyzer.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineSecretsTest {
    private static List<String> found(String line) {
        return CommandLineSecrets.options(line).stream()
                .map(o -> o.prefix() + o.name() + o.separator() + o.value())
                .toList();
    }

    @Test
    void secretOptionsOfEveryShape() {
        assertEquals(
                List.of("-Djavax.net.ssl.keyStorePassword=KS1"),
                found("exec java -Djavax.net.ssl.keyStorePassword=KS1 -cp conf com.example.Main"));
        assertEquals(List.of("-Ddb.password=a b"), found("java -Ddb.password=\"a b\" -cp x Main"));
        assertEquals(
                List.of("--db-password=pw1", "--api-token pw2"),
                found("app --db-password=pw1 --api-token pw2 --port 8080"));
        assertEquals(
                List.of("--url=jdbc:mysql://u:pw3@db/x"),
                found("app --url=jdbc:mysql://u:pw3@db/x"));
    }

    @Test
    void referencesAndOrdinaryOptionsAreNotSecrets() {
        assertEquals(
                List.of(),
                found("java -Ddb.password=$DB_PASSWORD -Dx.token=${TOKEN} -Dserver.port=8080"));
        assertEquals(
                List.of(),
                found("java -Dkeystore.password.file=/etc/pw -Xmx1g --password-file /run/pw"));
        assertEquals(List.of(), found("set OPTS=-Dkeystore.password=%KS_PASS%"));
        assertEquals(List.of(), found("app -p secret"));
    }
}
