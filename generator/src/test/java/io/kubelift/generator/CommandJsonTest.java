package io.kubelift.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue #15: command.json says what the container runs. A secret moved out of the command line is a
 * ${NAME} reference that only a shell expands, so the file lists those names explicitly.
 */
class CommandJsonTest {
    @Test
    void aLiteralArgvIsAPlainArray() throws Exception {
        JsonNode n =
                new ObjectMapper()
                        .readTree(
                                Generator.json(List.of("/opt/java/bin/java", "-cp", "x", "Main")));
        assertEquals(true, n.isArray());
        assertEquals(4, n.size());
    }

    @Test
    void anArgvWithEnvironmentReferencesNamesThem() throws Exception {
        JsonNode n =
                new ObjectMapper()
                        .readTree(
                                Generator.json(
                                        List.of(
                                                "/opt/java/bin/java",
                                                "-Dks=${KEYSTORE_PASSWORD}",
                                                "Main",
                                                "--token=${API_TOKEN}x${KEYSTORE_PASSWORD}")));
        assertEquals("-Dks=${KEYSTORE_PASSWORD}", n.path("command").get(1).asText(), n.toString());
        assertEquals(
                List.of("API_TOKEN", "KEYSTORE_PASSWORD"),
                List.of(
                        n.path("environment").get(0).asText(),
                        n.path("environment").get(1).asText()));
        assertEquals(2, n.path("environment").size());
    }
}
