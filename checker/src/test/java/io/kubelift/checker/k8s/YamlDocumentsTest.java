package io.kubelift.checker.k8s;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.model.KubeliftException;
import org.junit.jupiter.api.Test;

/** Issue #15: a syntax error in a checked Secret names the line, never the value on it. */
class YamlDocumentsTest {
    @Test
    void aYamlErrorInASecretDoesNotQuoteTheValue() {
        String text =
                "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n"
                        + "  password: \"SEKRIT-LEAKME\n";
        KubeliftException e =
                assertThrows(KubeliftException.class, () -> YamlDocuments.parse(text, "s.yaml"));
        assertFalse(e.getMessage().contains("SEKRIT"), e.getMessage());
        assertTrue(e.getMessage().startsWith("s.yaml:6"), e.getMessage());
        assertTrue(e.getMessage().contains("quoted scalar"), e.getMessage());
    }

    @Test
    void aBlockErrorDoesNotQuoteTheLineEither() {
        String text = "apiVersion: v1\nkind: Secret\ndata:\n  token: SEKRIT-LEAKME: x: y\n";
        KubeliftException e =
                assertThrows(KubeliftException.class, () -> YamlDocuments.parse(text, "s.yaml"));
        assertFalse(e.getMessage().contains("SEKRIT"), e.getMessage());
    }

    @Test
    void aJsonErrorDoesNotQuoteTheToken() {
        String text =
                "{\"apiVersion\": \"v1\", \"kind\": \"Secret\", \"data\": {\"t\": SEKRITLEAKME}}";
        KubeliftException e =
                assertThrows(KubeliftException.class, () -> YamlDocuments.parse(text, "s.json"));
        assertFalse(e.getMessage().contains("SEKRIT"), e.getMessage());
        assertTrue(e.getMessage().startsWith("s.json:1"), e.getMessage());
    }
}
