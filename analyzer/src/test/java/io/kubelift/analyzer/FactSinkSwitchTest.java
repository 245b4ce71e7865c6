package io.kubelift.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.analyzer.parse.FactSink;
import io.kubelift.model.Evidence;
import io.kubelift.model.FactKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A boolean under a secret-looking key (automountServiceAccountToken: false) is a switch, not a
 * secret.
 */
class FactSinkSwitchTest {
    @Test
    void aBooleanIsNotASecretAndDoesNotMaskTheFile() {
        FactSink sink = new FactSink();
        sink.secret(
                "automountServiceAccountToken",
                "token",
                "false",
                new Evidence("k8s/sa.yaml", 10, "automountServiceAccountToken: false"),
                Map.of());
        sink.fact(
                FactKind.CONFIG_PROPERTY,
                "readOnly",
                new Evidence("k8s/sa.yaml", 12, "readOnly: false"));
        assertTrue(
                sink.facts().stream().noneMatch(f -> f.kind() == FactKind.SECRET),
                sink.facts().toString());
        assertEquals("readOnly: false", sink.facts().get(0).evidence().text());
        sink.secret(
                "db.password",
                "password",
                "hunter2",
                new Evidence("app.properties", 1, "db.password=hunter2"),
                Map.of());
        assertEquals(1, sink.facts().stream().filter(f -> f.kind() == FactKind.SECRET).count());
    }
}
