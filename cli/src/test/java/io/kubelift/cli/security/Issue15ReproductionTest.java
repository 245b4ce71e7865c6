package io.kubelift.cli.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reproduction of issue #15, line for line: {@code convert} exited 0 and 13 files outside
 * {@code secrets/} held a value. {@code grep -rno '[A-Z0-9]*-LEAKME' o --exclude-dir=secrets} must
 * print nothing.
 */
class Issue15ReproductionTest {
    @TempDir Path tmp;

    @Test
    void theReproductionPrintsNothing() throws Exception {
        Path a = tmp.resolve("a");
        Files.createDirectories(a.resolve("bin"));
        Files.createDirectories(a.resolve("conf"));
        Files.writeString(
                a.resolve("bin/start.sh"),
                "#!/bin/sh\nexec java -Djavax.net.ssl.keyStorePassword=KS-LEAKME -cp conf com.example.Main\n");
        Files.writeString(
                a.resolve("conf/s.json"),
                "{\"password\": \"P1-LEAKME\", \"apiToken\": \"T2-LEAKME\"}\n");
        Files.writeString(
                a.resolve("conf/application.properties"),
                "server.port=8080\ncache.url=redis://:REDIS-LEAKME@cache:6379\nspring.datasource.password=${DB_PASS:DEF-LEAKME}\n");
        Files.writeString(
                a.resolve("conf/x.properties"),
                "server.port=8080\ntoken=first\ntoken=DUP-LEAKME\n");
        Files.writeString(
                a.resolve("conf/application.yml"),
                "server:\n  port: 8080\n---\nspring.config.activate.on-profile: prod\ndb:\n"
                        + "  password: PROD-LEAKME\n---\nspring.config.activate.on-profile: dev\ndb:\n  password: DEV-LEAKME\n");
        Files.writeString(a.resolve("conf/broken.yml"), "db:\n  password: \"BROKEN-LEAKME\n");
        Path o = tmp.resolve("o");
        SecretSafetyTest.run(
                tmp.resolve("console"),
                "convert",
                List.of("convert", a.toString(), "-o", o.toString(), "-q"),
                0);

        Pattern leak = Pattern.compile("[A-Z0-9]*-LEAKME");
        TreeSet<String> hits = new TreeSet<>();
        for (Path root : List.of(o, tmp.resolve("console"))) {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                    String rel = root.relativize(p).toString();
                    if (rel.contains("/secrets/")) {
                        continue; // --exclude-dir=secrets
                    }
                    String[] lines =
                            new String(
                                            Files.readAllBytes(p),
                                            java.nio.charset.StandardCharsets.ISO_8859_1)
                                    .split("\n");
                    for (int i = 0; i < lines.length; i++) {
                        Matcher m = leak.matcher(lines[i]);
                        while (m.find()) {
                            hits.add(rel + ":" + (i + 1) + ":" + m.group());
                        }
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(), hits, "the reproduction of #15 prints nothing");
        // and the Secret holds the value the app uses for each
        String env = Files.readString(o.resolve("k8s/base/secrets/main.env"));
        for (String v :
                List.of(
                        "KS-LEAKME",
                        "P1-LEAKME",
                        "T2-LEAKME",
                        "REDIS-LEAKME",
                        "DEF-LEAKME",
                        "DUP-LEAKME",
                        "PROD-LEAKME")) {
            org.junit.jupiter.api.Assertions.assertTrue(env.contains(v), v);
        }
    }
}
