package io.kubelift.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelift.model.FileSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Output committed to git and cloned fresh: the .gitignore keeps secret values out, the
 * .env.example files are committed, and every overlay renders with kubectl kustomize — directly
 * with external-secrets and sealed, and in plain mode after the one fill command the .env.example
 * gives.
 */
class CommittedOutputTest {
    @ParameterizedTest
    @ValueSource(strings = {"plain", "external-secrets", "sealed"})
    void aFreshCloneRenders(String mode, @TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(git(tmp, "--version") == 0, "git is not installed");
        FileSet files =
                Generator.withDefaults()
                        .generate(
                                Fixtures.plan("java-cp"),
                                Fixtures.app("java-cp"),
                                Fixtures.secrets(),
                                GenerateOptions.defaults().withSecrets(mode));
        Path out = tmp.resolve("out");
        Fixtures.write(files, out);
        assertEquals(0, git(out, "init", "-q"));
        assertEquals(0, git(out, "add", "-A"));
        assertEquals(
                0,
                git(
                        out,
                        "-c",
                        "user.name=t",
                        "-c",
                        "user.email=t@example.com",
                        "commit",
                        "-q",
                        "-m",
                        "generated"));
        Path clone = tmp.resolve("clone");
        assertEquals(0, git(tmp, "clone", "-q", out.toString(), clone.toString()));
        assertFalse(
                Files.exists(clone.resolve("k8s/base/secrets/orders-api.env")),
                "the secret values were committed");
        Path example = clone.resolve("k8s/base/secrets/orders-api.env.example");
        assertTrue(Files.exists(example), "the .env.example is committed");
        String exampleText = Files.readString(example);
        assertTrue(exampleText.contains("\nORDERS_DB_PASSWORD=\n"), exampleText);
        for (String secret : Fixtures.SECRET_VALUES.values()) {
            try (var s = Files.walk(clone)) {
                for (Path p :
                        s.filter(Files::isRegularFile)
                                .filter(p -> !p.toString().contains("/.git/"))
                                .toList()) {
                    assertFalse(Files.readString(p).contains(secret), p + " holds a secret value");
                }
            }
        }
        if (mode.equals("plain")) {
            String fill =
                    exampleText
                            .lines()
                            .filter(l -> l.startsWith("# Fill it"))
                            .findFirst()
                            .orElseThrow();
            String cmd =
                    fill.substring(fill.indexOf("cp "))
                            .replace(" && $EDITOR k8s/base/secrets/orders-api.env", "");
            assertEquals(
                    0,
                    new ProcessBuilder("sh", "-c", cmd)
                            .directory(clone.toFile())
                            .inheritIO()
                            .start()
                            .waitFor(),
                    cmd);
        }
        for (String env : GenerateOptions.DEFAULT_ENVIRONMENTS) {
            List<JsonNode> docs = OrgDefaultsTest.kustomize(clone.resolve("k8s/overlays/" + env));
            String kind =
                    switch (mode) {
                        case "external-secrets" -> "ExternalSecret";
                        case "sealed" -> "SealedSecret";
                        default -> "Secret";
                    };
            assertTrue(
                    docs.stream()
                            .anyMatch(
                                    d ->
                                            d.path("kind").asText().equals(kind)
                                                    && d.path("metadata")
                                                            .path("name")
                                                            .asText()
                                                            .startsWith("orders-api-secrets")),
                    kind + " in " + env);
            if (!mode.equals("plain")) {
                assertFalse(
                        docs.stream().anyMatch(d -> d.path("kind").asText().equals("Secret")),
                        "no plain Secret with " + mode);
            }
        }
    }

    private static int git(Path dir, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        Files.createDirectories(dir);
        Process p =
                new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        if (p.exitValue() != 0) {
            System.err.println(String.join(" ", cmd) + ": " + out);
        }
        return p.exitValue();
    }
}
