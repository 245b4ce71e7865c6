package io.kubelift.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubelift.model.FactKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secret-rules-only scan that {@code build} uses finds the same files as a whole analysis does.
 */
class SecretFilesTest {
    @TempDir Path app;

    @Test
    void findsEveryFileTheAnalysisSeesASecretIn() throws Exception {
        write(
                "etc/hadoop/ssl-server.xml",
                "<configuration><property><name>ssl.server.keystore.password</name>"
                        + "<value>ks-S3cret</value></property></configuration>");
        write("conf/app.properties", "db.user=app\ndb.password=pr0p-S3cret\n");
        write(".env", "API_TOKEN=env-T0ken\n");
        write(
                "conf/server.key",
                "-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA\n-----END PRIVATE KEY-----\n");
        write("conf/plain.properties", "server.port=8080\n");
        write("bin/start.sh", "#!/bin/sh\nexec java -cp lib/* com.example.Main\n");

        Set<String> analysed =
                Analyzer.withDefaultDetectors()
                        .analyze(app, AnalyzeOptions.defaults())
                        .facts()
                        .of(FactKind.SECRET)
                        .map(f -> f.evidence().file())
                        .collect(Collectors.toCollection(TreeSet::new));
        Set<String> scanned = SecretFiles.of(AppFileTrees.open(app));

        assertEquals(
                Set.of(
                        ".env",
                        "conf/app.properties",
                        "conf/server.key",
                        "etc/hadoop/ssl-server.xml"),
                scanned);
        assertEquals(analysed, scanned);
    }

    private void write(String rel, String text) throws Exception {
        Path p = app.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
