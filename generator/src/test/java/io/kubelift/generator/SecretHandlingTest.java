package io.kubelift.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.model.FileSet;
import io.kubelift.model.KubeliftException;
import io.kubelift.model.SecretSource;
import io.kubelift.model.SecretValue;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class SecretHandlingTest {
    static final List<String> CASES = Fixtures.CASES;

    @ParameterizedTest
    @FieldSource("CASES")
    void secretValuesAppearOnlyInPrivateEnvFiles(String name) {
        FileSet files = Fixtures.generate(name);
        for (var e : files.files().entrySet()) {
            String text = e.getValue().text();
            boolean envFile = e.getKey().matches("k8s/base/secrets/[a-z0-9-]+\\.env");
            assertEquals(
                    envFile, e.getValue().mode() == FileSet.Mode.PRIVATE, e.getKey() + " mode");
            if (envFile) {
                continue;
            }
            for (String value : Fixtures.SECRET_VALUES.values()) {
                assertFalse(text.contains(value), e.getKey() + " holds a secret value");
                assertFalse(
                        text.contains(Base64.getEncoder().encodeToString(value.getBytes())),
                        e.getKey() + " holds a secret value (base64)");
            }
        }
    }

    @Test
    void envFilesHoldTheValuesAndAreGitIgnored() {
        FileSet files = Fixtures.generate("java-cp");
        String env = files.text("k8s/base/secrets/orders-api.env");
        assertTrue(env.contains("ORDERS_DB_PASSWORD=Ord3rs-Pa55word\n"), env);
        assertTrue(files.text(".gitignore").contains("k8s/base/secrets/orders-api.env\n"));
        assertTrue(files.text("k8s/base/kustomization.yaml").contains("secrets/orders-api.env"));
        assertTrue(
                files.text("k8s/base/orders-api-config-configmap.yaml")
                        .contains("db.password=${ORDERS_DB_PASSWORD}"));
    }

    @Test
    void aMissingValueIsLeftEmptyWithAHint() {
        FileSet files =
                Generator.withDefaults()
                        .generate(
                                Fixtures.plan("hadoop-yarn"),
                                Fixtures.app("hadoop-yarn"),
                                SecretSource.NONE,
                                GenerateOptions.defaults());
        String env = files.text("k8s/base/secrets/nodemanager.env");
        assertTrue(env.contains("value not found, fill it in"), env);
        assertTrue(env.contains("SSL_SERVER_KEYSTORE_PASSWORD=\n"), env);
    }

    @Test
    void aSecretTheConfigStillHoldsIsRefusedWithoutPrintingIt() {
        // the plan names only db.password; the same value also sits under another key the plan does
        // not know
        var app = Fixtures.app("java-cp");
        var files = new java.util.TreeMap<>(((Fixtures.MemoryAppFiles) app).files());
        files.put(
                "conf/orders.properties",
                (new String(files.get("conf/orders.properties"))
                                + "backup.password=Ord3rs-Pa55word\n")
                        .getBytes());
        KubeliftException e =
                assertThrows(
                        KubeliftException.class,
                        () ->
                                Generator.withDefaults()
                                        .generate(
                                                Fixtures.plan("java-cp"),
                                                new Fixtures.MemoryAppFiles("x", files),
                                                Fixtures.secrets(),
                                                GenerateOptions.defaults()));
        assertTrue(e.getMessage().contains("db.password"), e.getMessage());
        assertFalse(e.getMessage().contains("Ord3rs-Pa55word"), e.getMessage());
    }

    @Test
    void aMultiLineValueIsRefused() {
        SecretSource multi = ref -> Optional.of(SecretValue.of("a\nb"));
        KubeliftException e =
                assertThrows(
                        KubeliftException.class,
                        () ->
                                Generator.withDefaults()
                                        .generate(
                                                Fixtures.plan("java-cp"),
                                                Fixtures.app("java-cp"),
                                                multi,
                                                GenerateOptions.defaults()));
        assertTrue(e.getMessage().startsWith("conf/orders.properties: "), e.getMessage());
    }
}
