package io.kubelift.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubelift check} on the console, in every format: lines flagged by rules that hold a secret
 * the analyzer does not know as a value (a password in a URL inside Java code, the default of a
 * placeholder, a JAAS option) are masked by the report's one masking step before they reach stdout,
 * stderr or the -o file.
 */
class ConsoleMaskingTest {
    @TempDir Path tmp;

    @Test
    void checkMasksSecretsInRuleSnippetsOnTheConsoleAndInFiles() throws Exception {
        Path app = tmp.resolve("feed");
        Path java = app.resolve("src/main/java/com/acme/Feed.java");
        Files.createDirectories(java.getParent());
        Files.writeString(
                java,
                """
                package com.acme;

                public class Feed {
                    void open(String h) throws Exception {
                        String u = "redis://:RedisPw0rd1@cache:6379"; new java.net.Socket(u, 6379);
                        String jaas = "PlainLoginModule required username=\\"admin\\" password=\\"JaasPw0rd6\\";"; new java.net.Socket(h, 1);
                    }
                }
                """);
        Files.createDirectories(app.resolve("conf"));
        Files.writeString(
                app.resolve("conf/app.properties"),
                "cloud.aws.credentials.secret-key=${AWS_SECRET:PlaceholderPw4}\n");
        for (String format : List.of("text", "json", "sarif", "html")) {
            MainExitCodeTest.Run r =
                    MainExitCodeTest.run(
                            "check", app.toString(), "--format", format, "--fail-on", "none");
            Path file = tmp.resolve("report." + format);
            MainExitCodeTest.Run w =
                    MainExitCodeTest.run(
                            "check",
                            app.toString(),
                            "--format",
                            format,
                            "--fail-on",
                            "none",
                            "-o",
                            file.toString());
            String written = Files.readString(file);
            assertTrue(r.out().contains("RAW-SOCKET"), format + ": " + r.out() + r.err());
            for (String v : List.of("RedisPw0rd1", "JaasPw0rd6", "PlaceholderPw4")) {
                assertFalse(
                        r.out().contains(v) || r.err().contains(v), format + " console shows " + v);
                assertFalse(
                        w.out().contains(v) || w.err().contains(v), format + " console shows " + v);
                assertFalse(written.contains(v), format + " file shows " + v);
            }
        }
    }
}
