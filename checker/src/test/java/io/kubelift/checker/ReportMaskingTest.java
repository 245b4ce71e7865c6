package io.kubelift.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.model.Facts;
import io.kubelift.model.Finding;
import io.kubelift.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every snippet, message and suppression reason passes one masking step ({@link SecretText#mask},
 * applied when a {@link Report} is made), whatever check produced it and whatever format renders
 * it: each secret form the analyzer knows is masked in text, JSON, SARIF and HTML.
 */
class ReportMaskingTest {
    /** Secret form → a line holding it, and the value that must not show. */
    static final Map<String, String[]> FORMS =
            Map.ofEntries(
                    Map.entry(
                            "url-user-info",
                            new String[] {
                                "cache.url=redis://:RedisPw0rd1@cache.internal:6379/0",
                                "RedisPw0rd1"
                            }),
                    Map.entry(
                            "url-user-and-password",
                            new String[] {
                                "String u = \"amqp://shop:AmqpPw0rd2@mq.internal:5672\";",
                                "AmqpPw0rd2"
                            }),
                    Map.entry(
                            "url-query",
                            new String[] {
                                "url=jdbc:postgresql://db/shop?user=app&password=QueryPw0rd3",
                                "QueryPw0rd3"
                            }),
                    Map.entry(
                            "placeholder-default",
                            new String[] {
                                "spring.datasource.password=${DB_PASSWORD:PlaceholderPw4}",
                                "PlaceholderPw4"
                            }),
                    Map.entry(
                            "placeholder-default-shell",
                            new String[] {
                                "export DB_PASS=${DB_PASS:-ShellDefaultPw5}", "ShellDefaultPw5"
                            }),
                    Map.entry(
                            "jaas",
                            new String[] {
                                "  org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\"JaasPw0rd6\";",
                                "JaasPw0rd6"
                            }),
                    Map.entry(
                            "pem",
                            new String[] {
                                "key=-----BEGIN RSA PRIVATE KEY-----MIIEpAIBAAKCAQEA7PemInline7",
                                "MIIEpAIBAAKCAQEA7PemInline7"
                            }),
                    Map.entry(
                            "pem-body",
                            new String[] {
                                "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKjMzEfYyjiWA4R4PemBody8",
                                "PemBody8"
                            }),
                    Map.entry("key-value", new String[] {"db.password=KeyValuePw9", "KeyValuePw9"}),
                    Map.entry("yaml", new String[] {"    password: YamlPw0rd10", "YamlPw0rd10"}),
                    Map.entry(
                            "java-assignment",
                            new String[] {
                                "private String apiToken = \"JavaTok3n11\";", "JavaTok3n11"
                            }),
                    Map.entry(
                            "put-call",
                            new String[] {
                                "props.put(\"mail.smtp.password\", \"CallPw0rd12\"); new java.net.Socket(h, 25);",
                                "CallPw0rd12"
                            }),
                    Map.entry(
                            "xml-element",
                            new String[] {"<password>XmlPw0rd13</password>", "XmlPw0rd13"}),
                    Map.entry(
                            "xml-attribute",
                            new String[] {
                                "<Resource name=\"jdbc/shop\" password=\"AttrPw0rd14\"/>",
                                "AttrPw0rd14"
                            }),
                    Map.entry(
                            "jvm-option",
                            new String[] {
                                "JAVA_OPTS=\"-Djavax.net.ssl.keyStorePassword=DashDPw15 -Xmx1g\"",
                                "DashDPw15"
                            }),
                    Map.entry(
                            "aws-key",
                            new String[] {
                                "s3 = new S3(\"AKIAIOSFODNN7EXAMPLE\")", "AKIAIOSFODNN7EXAMPLE"
                            }));

    /** Issue #15: a file name with ESC (or a line with it) does not reach report.txt raw. */
    @Test
    void theTextReportWritesControlCharactersAsEscapes() {
        List<Finding> findings =
                List.of(
                        new Finding(
                                "TF03-CONFIG-HARDCODED-HOST",
                                "III",
                                Severity.WARNING,
                                "conf/b\u001b[31m.properties",
                                1,
                                "found in host=db\u0007",
                                "fix it",
                                false,
                                "host=db\u001b[0m"));
        Report report =
                new Report(
                        "app",
                        findings,
                        List.of(),
                        Set.of(),
                        Scoring.score(List.of(), findings),
                        List.of(),
                        Set.of(CheckSource.APP));
        String out = ReportRenderers.forFormat("text").render(report);
        assertFalse(out.contains("\u001b") || out.contains("\u0007"), out);
        assertTrue(out.contains("conf/b\\u001b[31m.properties:1"), out);
    }

    @Test
    void everySecretFormIsMaskedInEveryFormat() {
        List<Finding> findings = new ArrayList<>();
        int line = 1;
        for (Map.Entry<String, String[]> e : new java.util.TreeMap<>(FORMS).entrySet()) {
            String text = e.getValue()[0];
            findings.add(
                    new Finding(
                            "TF03-CONFIG-HARDCODED-HOST",
                            "III",
                            Severity.WARNING,
                            "conf/" + e.getKey() + ".txt",
                            line++,
                            "found in " + text,
                            "fix it",
                            false,
                            text));
        }
        Report report =
                new Report(
                        "app",
                        findings,
                        List.of(
                                new Suppression(
                                        "TF03-LITERAL-SECRET",
                                        "conf/a.properties",
                                        3,
                                        "test fixture, db.password=ReasonPw0rd16",
                                        true,
                                        4)),
                        Set.of(),
                        Scoring.score(List.of(), findings),
                        List.of(),
                        Set.of(CheckSource.APP));
        for (String format : List.of("text", "json", "sarif", "html")) {
            String out = ReportRenderers.forFormat(format).render(report);
            for (Map.Entry<String, String[]> e : FORMS.entrySet()) {
                assertFalse(
                        out.contains(e.getValue()[1]),
                        format + ": the " + e.getKey() + " value shows");
            }
            assertFalse(out.contains("ReasonPw0rd16"), format + ": suppression reason");
            assertTrue(out.contains("****"), format);
        }
        // what is not a secret stays readable
        assertEquals(
                "cache.url=redis://:****@cache.internal:6379/0",
                SecretText.mask("cache.url=redis://:RedisPw0rd1@cache.internal:6379/0"));
        assertEquals(
                "spring.datasource.password=${DB_PASSWORD:****}",
                SecretText.mask("spring.datasource.password=${DB_PASSWORD:PlaceholderPw4}"));
        for (String keep :
                List.of(
                        "db.password=${DB_PASSWORD}",
                        "url=jdbc:mysql://db.internal:3306/shop",
                        "hard-coded host rm01.example.internal in yarn.resourcemanager.address",
                        "<value>rm01.example.internal:8032</value>",
                        "new java.net.Socket(\"quotes.internal\", 7000)",
                        "log4j.appender.R.File=${hadoop.log.dir}/app.log",
                        "password.file=/etc/secret/pw")) {
            assertEquals(keep, SecretText.mask(keep), "not a secret: " + keep);
        }
    }

    @Test
    void ruleFindingsOnLinesWithSecretsAreMaskedToo() {
        MemoryAppFiles app =
                new MemoryAppFiles(
                        CheckCasesTest.appFiles(
                                """
                                === src/main/java/com/acme/Feed.java ===
                                package com.acme;

                                public class Feed {
                                    void open(String h) throws Exception {
                                        props.put("mail.smtp.password", "CallPw0rd12"); new java.net.Socket(h, 25);
                                        String u = "redis://:RedisPw0rd1@cache:6379"; new java.net.Socket(u, 6379);
                                    }
                                }
                                === conf/app.properties ===
                                cloud.aws.credentials.secret-key=${AWS_SECRET:PlaceholderPw4}
                                """));
        Report report =
                Checker.withDefaultChecks()
                        .check(
                                new CheckInput(
                                        "app",
                                        app,
                                        new Facts(List.of(), List.of()),
                                        null,
                                        List.of()),
                                CheckOptions.defaults());
        assertTrue(
                report.findings().stream()
                        .anyMatch(f -> f.checkId().equals("TF07-RULE-RAW-SOCKET")),
                report.findings().toString());
        for (String format : List.of("text", "json", "sarif", "html")) {
            String out = ReportRenderers.forFormat(format).render(report);
            for (String v : List.of("CallPw0rd12", "RedisPw0rd1", "PlaceholderPw4")) {
                assertFalse(out.contains(v), format + " shows " + v);
            }
        }
    }
}
