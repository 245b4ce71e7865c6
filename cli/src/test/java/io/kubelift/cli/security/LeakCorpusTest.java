package io.kubelift.cli.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.analyzer.Analysis;
import io.kubelift.analyzer.AnalyzeOptions;
import io.kubelift.analyzer.Analyzer;
import io.kubelift.model.SecretValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leak corpus of issue #15: one app holding a secret in every common form (the issue's
 * reproduction, and more), converted, analysed, checked in every report format and generated
 * through the real CLI; every output file and the console of each run are scanned for every value,
 * plain, URL-encoded and base64 (both alphabets, every alignment). Zero hits is the pass condition.
 * Each value must also be detected by the analysis of this app alone, so the pass does not rest on
 * the masking net having met the value elsewhere.
 */
class LeakCorpusTest {
    @TempDir Path tmp;

    /** form → value; the files below plant each value once (or more, where the form needs it). */
    static final Map<String, String> VALUES = new LinkedHashMap<>();

    /** path → content of the app. */
    static final Map<String, byte[]> FILES = new TreeMap<>();

    static {
        v("jvm-option -D…Password= in the start script", "LK01-keystore-pass");
        v("jvm-option quoted -D…password=\"…\"", "LK02-db-pass-quoted");
        v("program argument --api-token=", "LK03-api-token-arg");
        v("program argument --db-password VALUE", "LK04-db-pass-spaced");
        v("JAVA_OPTS in a sourced setenv.sh", "LK05-smtp-pass-setenv");
        v("JSON password", "LK06-json-password");
        v("JSON apiToken on the same line", "LK07-json-api-token");
        v("JSON nested clientSecret", "LK08-json-client-secret");
        v("URL user-info without a user (redis://:pw@)", "LK09-redis-pw");
        v("placeholder default ${DB_PASS:…}", "LK10-placeholder-default");
        v("URL user-info user:pw@", "LK11-amqp-pw");
        v("duplicated properties key (the last wins)", "LK12-dup-token-last");
        v("duplicated properties key (the first)", "LK12a-dup-token-first");
        v("YAML key in a second profile document", "LK13-prod-profile-pw");
        v("YAML key in a third profile document", "LK14-dev-profile-pw");
        v("a YAML file that does not parse", "LK15-broken-yaml-pw");
        v("XML element <password>", "LK18-xml-element-pw");
        v("XML attribute password=\"…\"", "LK19-xml-attribute-pw");
        v("INI password", "LK20-ini-password");
        v(".env DB_PASSWORD", "LK21-dotenv-password");
        v("JAAS password", "LK22-jaas-password");
        v("PEM private key body", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7LK23pem");
        v("keystore password property", "LK23-keystore-store-pass");
        v("JDBC URL query password", "LK28-jdbc-query-pw");
        v("Latin-1 properties file", "LK29-latin1-password");
        v("Windows .bat set JAVA_OPTS -D…password=", "LK30-bat-keystore-pass");
        v("export in a start script", "LK31-exported-token");
        v("Java string literal", "LK32-java-literal-pw");
        v("YAML list item", "LK33-yaml-list-item-pw");
        v("YAML flow mapping", "LK34-yaml-flow-pw");
        v("YAML block scalar", "LK35-yaml-block-secret");
        v("a file name with ESC and a newline", "LK44-odd-file-name-pw");
        v("commented-out properties password (#key=value)", "LK36-commented-pw");
        v("commented-out XML element <!-- <password> -->", "LK37-commented-xml-pw");
        v("XML credential-reference clear-text attribute", "LK38-clear-text-pw");
        v("credential table (user;{SSHA256}hash;groups)", "{SSHA256}LK40-credential-table-hash");
        v("*.b64 key", "LK41-b64-token");
        v("XML element <secret>", "LK42-xml-secret");
        v("commented-out YAML password", "LK43-commented-yaml-pw");

        file(
                "bin/start.sh",
                "#!/bin/sh\n"
                        + ". \"$(dirname \"$0\")/setenv.sh\"\n"
                        + "export API_TOKEN=LK31-exported-token\n"
                        + "exec java $JAVA_OPTS -Djavax.net.ssl.keyStorePassword=LK01-keystore-pass -Ddb.password=\"LK02-db-pass-quoted\" "
                        + "-cp 'conf:lib/*' com.example.Main --api-token=LK03-api-token-arg --db-password LK04-db-pass-spaced\n");
        file(
                "bin/setenv.sh",
                "JAVA_OPTS=\"-Dmail.smtp.password=LK05-smtp-pass-setenv -Xmx512m\"\n");
        file(
                "bin/start.bat",
                "@echo off\r\nset JAVA_OPTS=-Dkeystore.password=LK30-bat-keystore-pass\r\n"
                        + "java %JAVA_OPTS% -cp conf com.example.Main\r\n");
        file(
                "conf/s.json",
                "{\"password\": \"LK06-json-password\", \"apiToken\": \"LK07-json-api-token\", "
                        + "\"oauth\": {\"clientSecret\": \"LK08-json-client-secret\"}}\n");
        file(
                "conf/application.properties",
                "server.port=8080\n"
                        + "cache.url=redis://:LK09-redis-pw@cache:6379\n"
                        + "spring.datasource.password=${DB_PASS:LK10-placeholder-default}\n"
                        + "broker.uri=amqp://guest:LK11-amqp-pw@mq:5672/\n"
                        + "server.ssl.key-store=conf/keystore.p12\n"
                        + "server.ssl.key-store-password=LK23-keystore-store-pass\n"
                        + "orders.url=jdbc:postgresql://db:5432/orders?user=app&password=LK28-jdbc-query-pw\n"
                        + "# the old database password\n#old.db.password=LK36-commented-pw\n"
                        + "ssh.hostKey=conf/LK39-ssh-host.key\n"
                        + "api.token.b64=LK41-b64-token\n");
        file("conf/x.properties", "token=LK12a-dup-token-first\ntoken=LK12-dup-token-last\n");
        file(
                "conf/application.yml",
                "server:\n  port: 8080\n---\nspring.config.activate.on-profile: prod\ndb:\n"
                        + "  password: LK13-prod-profile-pw\n---\nspring.config.activate.on-profile: dev\ndb:\n  password: LK14-dev-profile-pw\n");
        file(
                "conf/users.yml",
                "users:\n  - name: admin\n    password: LK33-yaml-list-item-pw\n"
                        + "ldap: {url: \"ldap://x\", bindPassword: LK34-yaml-flow-pw}\ntls:\n  secret: |\n    LK35-yaml-block-secret\n");
        // a name with a newline would put a line of its own into the env files' comments
        // (JAVA_TOOL_OPTIONS reaches the pod through envFrom); ESC would colour a terminal
        file(
                "conf/odd\u001b[31m\nJAVA_TOOL_OPTIONS=-Dx=1.properties",
                "db.password=LK44-odd-file-name-pw\n");
        file("conf/admin-keyfile", "admin;{SSHA256}LK40-credential-table-hash;asadmin\n");
        file("conf/mail.yml", "mail:\n  host: smtp\n  # password: LK43-commented-yaml-pw\n");
        file("conf/broken.yml", "db:\n  password: \"LK15-broken-yaml-pw\n");
        file(
                "conf/datasource.xml",
                "<?xml version=\"1.0\"?>\n<datasources>\n  <datasource name=\"orders\">\n"
                        + "    <password>LK18-xml-element-pw</password>\n"
                        + "    <connection user=\"app\" password=\"LK19-xml-attribute-pw\"/>\n"
                        + "    <!-- <password>LK37-commented-xml-pw</password> -->\n"
                        + "    <credential-reference clear-text=\"LK38-clear-text-pw\"/>\n"
                        + "    <secret>LK42-xml-secret</secret>\n  </datasource>\n</datasources>\n");
        file("conf/settings.ini", "[database]\nhost = db\npassword = LK20-ini-password\n");
        file(".env", "DB_HOST=db\nDB_PASSWORD=LK21-dotenv-password\n");
        file(
                "conf/kafka_jaas.conf",
                "KafkaClient {\n  org.apache.kafka.common.security.plain.PlainLoginModule required\n"
                        + "  username=\"orders\"\n  password=\"LK22-jaas-password\";\n};\n");
        file(
                "conf/tls.key",
                "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7LK23pem\n"
                        + "-----END PRIVATE KEY-----\n");
        FILES.put(
                "conf/legacy.properties",
                "# caf\u00e9 settings\nlegacy.password=LK29-latin1-password\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
        file(
                "src/main/java/com/example/Main.java",
                "package com.example;\n\npublic class Main {\n"
                        + "    private static final String PASSWORD = \"LK32-java-literal-pw\";\n\n"
                        + "    public static void main(String[] args) throws Exception {\n"
                        + "        new java.net.ServerSocket(8080).accept();\n    }\n}\n");
    }

    private static void v(String form, String value) {
        VALUES.put(form, value);
    }

    private static void file(String path, String text) {
        FILES.put(path, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path writeApp(Path root) throws Exception {
        for (Map.Entry<String, byte[]> e : FILES.entrySet()) {
            Path p = root.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue());
            if (e.getKey().endsWith(".sh")) {
                p.toFile().setExecutable(true);
            }
        }
        return root;
    }

    @Test
    void everyFormIsDetectedByTheAnalysisOfThisAppAlone() throws Exception {
        Path app = writeApp(tmp.resolve("vault"));
        Analysis a = Analyzer.withDefaultDetectors().analyze(app, AnalyzeOptions.defaults());
        Set<String> found =
                a.secretValues().stream().map(SecretValue::reveal).collect(Collectors.toSet());
        List<String> missed = new ArrayList<>();
        VALUES.forEach(
                (form, value) -> {
                    if (found.stream().noneMatch(f -> f.contains(value))) {
                        missed.add(form);
                    }
                });
        assertEquals(List.of(), missed, "forms whose value the analyzer did not find");
    }

    @Test
    void noValueInAnyOutputOrConsole() throws Exception {
        Path app = writeApp(tmp.resolve("vault"));
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path conv = out.resolve("converted");
        SecretSafetyTest.run(
                out, "convert", List.of("convert", app.toString(), "-o", conv.toString()), 0);
        SecretSafetyTest.run(
                out,
                "convert-again-debug",
                List.of("convert", app.toString(), "-o", conv.toString(), "--debug"),
                0);
        SecretSafetyTest.run(
                out,
                "analyze",
                List.of("analyze", app.toString(), "-o", out.resolve("plan.yaml").toString()),
                0);
        SecretSafetyTest.run(
                out, "analyze-stdout", List.of("analyze", app.toString(), "--debug"), 0);
        SecretSafetyTest.run(
                out,
                "generate",
                List.of(
                        "generate",
                        out.resolve("plan.yaml").toString(),
                        "-o",
                        out.resolve("generated").toString()),
                0);
        for (String format : List.of("text", "json", "sarif", "html")) {
            SecretSafetyTest.run(
                    out,
                    "check-stdout-" + format,
                    List.of("check", app.toString(), "--format", format, "--fail-on", "none"),
                    0);
        }
        SecretSafetyTest.run(
                out,
                "check-manifests",
                List.of("check", conv.resolve("k8s").toString(), "--fail-on", "none"),
                0);

        Map<String, String> named = new TreeMap<>();
        VALUES.forEach((form, value) -> named.put(form, value));
        List<LeakScanner.Leak> leaks =
                new LeakScanner(named).scanTree(out, SecretSafetyTest.SECRET_ENV);
        long files = SecretSafetyTest.countFiles(out);
        System.out.println(
                "LeakCorpusTest: "
                        + VALUES.size()
                        + " forms, "
                        + files
                        + " output and console files scanned, "
                        + leaks.size()
                        + " hits");
        assertEquals(List.of(), leaks, "secret values outside secrets/*.env");

        // the Secret holds the values the app uses, under env names the start script and config
        // read
        String env = Files.readString(conv.resolve("k8s/base/secrets/main.env"));
        for (String v :
                List.of(
                        "LK01-keystore-pass",
                        "LK09-redis-pw",
                        "LK10-placeholder-default",
                        "LK12-dup-token-last",
                        "LK13-prod-profile-pw",
                        "LK06-json-password",
                        "LK07-json-api-token")) {
            assertTrue(env.contains(v), v + " in the env file");
        }
        // a key-file setting names where a private key lives (not confidential: a path), and a
        // commented-out password is a secret marked as such
        String plan = Files.readString(out.resolve("plan.yaml"));
        assertTrue(
                plan.matches(
                        "(?s).*key: ssh\\.hostKey\\s+file: conf/application\\.properties\\s+kind: key-file.*"),
                "the key-file setting is a secret of the plan");
        assertTrue(
                plan.matches(
                        "(?s).*key: old\\.db\\.password\\s+file: conf/application\\.properties\\s+kind: password\\s+env: \\S+\\s+commentedOut: true.*"),
                "the commented-out password is a secret marked commentedOut");
        assertTrue(
                !env.contains("LK12a-dup-token-first"),
                "the Secret gets the value java.util.Properties keeps (the last)");
        String script = Files.readString(conv.resolve("scripts/main/entrypoint.sh"));
        assertTrue(
                script.contains(
                        "\"-Djavax.net.ssl.keyStorePassword=${JAVAX_NET_SSL_KEYSTOREPASSWORD}\""),
                script);
        assertTrue(
                Files.readString(out.resolve("console/convert.stdout"))
                        .contains("conf/broken.yml: left out of component"),
                "convert says the unparseable file was left out");
        try (var s = Files.list(conv.resolve("k8s/base/secrets"))) {
            for (Path p : s.toList()) {
                String text = Files.readString(p);
                assertTrue(text.indexOf('\u001b') < 0, p + " holds a raw ESC");
                assertTrue(
                        text.lines().noneMatch(l -> l.startsWith("JAVA_TOOL_OPTIONS")),
                        p + " got a line from a file name");
            }
        }
        Set<String> configMapFiles = new TreeSet<>();
        try (var s = Files.list(conv.resolve("k8s/base"))) {
            s.filter(p -> p.toString().endsWith("configmap.yaml"))
                    .forEach(p -> configMapFiles.add(p.getFileName().toString()));
        }
        for (String cm : configMapFiles) {
            assertTrue(
                    !Files.readString(conv.resolve("k8s/base/" + cm)).contains("broken.yml"),
                    cm + " holds no unparseable file");
        }
    }
}
