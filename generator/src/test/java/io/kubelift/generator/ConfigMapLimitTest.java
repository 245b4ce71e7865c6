package io.kubelift.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.model.Component;
import io.kubelift.model.ConfigFile;
import io.kubelift.model.Entrypoint;
import io.kubelift.model.FileSet;
import io.kubelift.model.MigrationPlan;
import io.kubelift.model.PlanSpec;
import io.kubelift.model.SecretRef;
import io.kubelift.model.SecretSource;
import io.kubelift.model.SecretValue;
import io.kubelift.model.Source;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Issue #15: Kubernetes refuses a ConfigMap whose data is over 1 MiB, so the generator never writes
 * one: config files that do not fit, alone or with the component's other files, are left out of the
 * ConfigMap with a note; the app reads the image's copy (named in the pod template's {@code
 * kubelift.io/config-from-image} annotation), except a file with a secret, which is not in the
 * image either.
 */
class ConfigMapLimitTest {
    private static final int KIB = 1024;

    /** {@code size} bytes of a properties file, distinct lines. */
    private static String properties(String prefix, int size) {
        StringBuilder b = new StringBuilder(size + 64);
        for (int i = 0; b.length() < size; i++) {
            b.append(prefix).append('.').append(i).append("=value-").append(i).append('\n');
        }
        return b.toString();
    }

    private static FileSet generate(Map<String, String> files, List<SecretRef> secrets) {
        Map<String, byte[]> bytes = new TreeMap<>();
        files.forEach((p, t) -> bytes.put(p, t.getBytes(StandardCharsets.UTF_8)));
        Component web =
                Component.builder("web")
                        .entrypoint(
                                Entrypoint.mainClass(
                                        null,
                                        "com.example.Main",
                                        List.of("conf"),
                                        List.of(),
                                        List.of(),
                                        null))
                        .configFiles(
                                files.keySet().stream()
                                        .map(p -> new ConfigFile(p, "properties"))
                                        .toList())
                        .secrets(secrets)
                        .build();
        MigrationPlan plan =
                MigrationPlan.of("big", new PlanSpec(new Source("big", List.of()), List.of(web)));
        SecretSource values = ref -> Optional.of(SecretValue.of("Big-Secret-Value-1"));
        return Generator.withDefaults()
                .generate(
                        plan,
                        new Fixtures.MemoryAppFiles("big", bytes),
                        values,
                        GenerateOptions.defaults());
    }

    private static String configMap(FileSet out) {
        return out.files().keySet().stream()
                .filter(p -> p.startsWith("k8s/base/") && p.endsWith("-configmap.yaml"))
                .map(out::text)
                .findFirst()
                .orElse("");
    }

    private static String deployment(FileSet out) {
        return out.text("k8s/base/web-deployment.yaml");
    }

    @Test
    void aFileOverTheLimitIsReadFromTheImageWithANote() {
        Map<String, String> files = new TreeMap<>();
        files.put("conf/big.properties", properties("big", 1100 * KIB));
        files.put("conf/small.properties", "server.port=8080\n");
        FileSet out = generate(files, List.of());
        String cm = configMap(out);
        assertTrue(cm.contains("small.properties"), cm);
        assertFalse(cm.contains("big.properties"), "the big file is not in the ConfigMap");
        String deploy = deployment(out);
        assertTrue(deploy.contains("kubelift.io/config-from-image: conf/big.properties"), deploy);
        assertFalse(deploy.contains("subPath: big.properties"), "no mount hides the image's copy");
        assertTrue(deploy.contains("subPath: small.properties"), deploy);
        assertEquals(1, out.notes().size(), out.notes().toString());
        assertTrue(
                out.notes()
                        .get(0)
                        .startsWith(
                                "conf/big.properties: left out of component web's ConfigMap: 1100 KiB, over the 1 MiB"),
                out.notes().get(0));
        assertTrue(
                out.notes().get(0).contains("reads the copy in its image, which is the same file"));
    }

    @Test
    void theFilesOfOneConfigMapCountTogether() {
        Map<String, String> files = new TreeMap<>();
        files.put("conf/a.properties", properties("a", 400 * KIB));
        files.put("conf/b.properties", properties("b", 400 * KIB));
        files.put("conf/c.properties", properties("c", 400 * KIB));
        FileSet out = generate(files, List.of());
        String cm = configMap(out);
        long inMap =
                files.keySet().stream()
                        .filter(p -> cm.contains(p.substring("conf/".length()) + ":"))
                        .count();
        assertEquals(2, inMap, "two of three 400 KiB files fit in 1 MiB");
        assertTrue(cm.getBytes(StandardCharsets.UTF_8).length < 1024 * KIB, "the object fits");
        assertEquals(1, out.notes().size(), out.notes().toString());
        assertTrue(
                out.notes().get(0).contains("with the component's other config files over"),
                out.notes().get(0));
    }

    @Test
    void aFileWithASecretOverTheLimitIsNotDeliveredAndTheNoteSaysSo() {
        Map<String, String> files = new TreeMap<>();
        files.put(
                "conf/app.properties",
                "db.password=Big-Secret-Value-1\n" + properties("app", 1100 * KIB));
        FileSet out =
                generate(
                        files,
                        List.of(
                                new SecretRef(
                                        "db.password",
                                        "conf/app.properties",
                                        "password",
                                        "DB_PASSWORD",
                                        null)));
        assertEquals("", configMap(out), "no ConfigMap: its only file does not fit");
        String deploy = deployment(out);
        assertFalse(deploy.contains("config-from-image"), "the image has no copy of it");
        assertTrue(
                out.notes().get(0).contains("it holds a secret, so it is not in the image either"),
                out.notes().toString());
        assertTrue(out.text("k8s/base/secrets/web.env").contains("DB_PASSWORD=Big-Secret-Value-1"));
        for (var e : out.files().entrySet()) {
            if (e.getValue().mode() != FileSet.Mode.PRIVATE) {
                assertFalse(e.getValue().text().contains("Big-Secret-Value-1"), e.getKey());
            }
        }
    }

    @Test
    void filesUnderTheLimitStayInTheConfigMapWithoutANote() {
        Map<String, String> files = new TreeMap<>();
        files.put("conf/a.properties", properties("a", 300 * KIB));
        files.put("conf/b.properties", properties("b", 300 * KIB));
        FileSet out = generate(files, List.of());
        assertEquals(List.of(), out.notes());
        assertFalse(deployment(out).contains("config-from-image"));
        assertTrue(configMap(out).contains("a.properties"));
        assertTrue(configMap(out).contains("b.properties"));
    }
}
