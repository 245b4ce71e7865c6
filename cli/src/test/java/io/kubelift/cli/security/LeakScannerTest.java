package io.kubelift.cli.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner must find what it is for, or a zero-leak result means nothing. */
class LeakScannerTest {
    private static final String SECRET = "s3cr3t-Planted-Value-42";
    private final LeakScanner scanner = new LeakScanner(Map.of("pw", SECRET));

    @TempDir Path tmp;

    @Test
    void findsPlainText() throws Exception {
        assertEquals(
                1,
                scanner.scan("a", ("x=" + SECRET + "\n").getBytes(StandardCharsets.UTF_8)).size());
        assertEquals(0, scanner.scan("a", "x=****\n".getBytes(StandardCharsets.UTF_8)).size());
    }

    @Test
    void findsBase64AtEveryAlignmentInsideALargerBlob() throws Exception {
        for (String prefix : List.of("", "K", "KE", "KEY=", "PASSWORD=")) {
            for (Base64.Encoder enc :
                    List.of(Base64.getEncoder(), Base64.getUrlEncoder(), Base64.getMimeEncoder())) {
                String blob =
                        enc.encodeToString(
                                (prefix + SECRET + "\nOTHER=1\n").getBytes(StandardCharsets.UTF_8));
                List<LeakScanner.Leak> leaks =
                        scanner.scan(
                                "secret.yaml",
                                ("data:\n  env: " + blob + "\n").getBytes(StandardCharsets.UTF_8));
                assertEquals(1, leaks.size(), "prefix '" + prefix + "' " + blob);
                assertTrue(leaks.get(0).form().startsWith("base64"), leaks.get(0).toString());
            }
        }
    }

    @Test
    void findsSecretsInsideGzippedTarLayersAndSkipsAllowedPaths() throws Exception {
        Path layer = tmp.resolve("layer");
        Files.createDirectories(layer.resolve("app/etc"));
        Files.writeString(layer.resolve("app/etc/site.xml"), "<value>" + SECRET + "</value>\n");
        Files.writeString(layer.resolve("app/etc/ok.txt"), "nothing\n");
        Path out = tmp.resolve("out");
        Files.createDirectories(out.resolve("blobs"));
        Files.createDirectories(out.resolve("k8s/secrets"));
        Process p =
                new ProcessBuilder(
                                "tar",
                                "-czf",
                                out.resolve("blobs/layer.tar.gz").toString(),
                                "-C",
                                layer.toString(),
                                "app")
                        .inheritIO()
                        .start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        Files.writeString(out.resolve("k8s/secrets/app.env"), "PW=" + SECRET + "\n");
        List<LeakScanner.Leak> leaks =
                scanner.scanTree(out, rel -> rel.matches("(.*/)?secrets/[^/]+\\.env"));
        assertEquals(1, leaks.size(), leaks.toString());
        assertEquals("blobs/layer.tar.gz!gunzip!app/etc/site.xml", leaks.get(0).where());
        assertTrue(
                !leaks.get(0).toString().contains(SECRET),
                "a leak report names the secret, not its value");
    }
}
