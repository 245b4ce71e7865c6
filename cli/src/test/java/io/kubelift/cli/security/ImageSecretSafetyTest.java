package io.kubelift.cli.security;

import static io.kubelift.cli.security.SecretSafetyTest.SECRET_ENV;
import static io.kubelift.cli.security.SecretSafetyTest.countFiles;
import static io.kubelift.cli.security.SecretSafetyTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secret safety of {@code build}: the image tarballs (every layer opened), the layer cache and the
 * staging area must hold no planted secret. (It found 48 hits before the image builder learnt to
 * leave out every file the plan names as holding a secret, and Java sources.)
 */
class ImageSecretSafetyTest {
    @TempDir Path tmp;

    @Test
    void buildLeaksNothingIntoImageLayersOrCaches() throws Exception {
        Path app = SecretCorpus.copyApp(tmp.resolve("orders"));
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path conv = out.resolve("converted");
        run(out, "convert", List.of("convert", app.toString(), "-o", conv.toString()), 0);
        run(
                out,
                "build",
                List.of(
                        "build",
                        conv.resolve("plan.yaml").toString(),
                        "--to",
                        "tar:" + out.resolve("images"),
                        "--base",
                        "jlink",
                        "--cache",
                        tmp.resolve("cache").toString(),
                        "-o",
                        conv.toString()),
                0);
        try (var s = Files.list(out.resolve("images"))) {
            assertTrue(
                    s.anyMatch(p -> p.toString().endsWith(".tar")),
                    "images were built as tar archives");
        }
        LeakScanner scanner = new LeakScanner(SecretCorpus.values());
        List<LeakScanner.Leak> leaks = new ArrayList<>(scanner.scanTree(out, SECRET_ENV));
        leaks.addAll(scanner.scanTree(tmp.resolve("cache"), SECRET_ENV));
        System.out.println(
                "ImageSecretSafetyTest: "
                        + SecretCorpus.planted().size()
                        + " secrets planted, "
                        + (countFiles(out) + countFiles(tmp.resolve("cache")))
                        + " files scanned (image layers opened), "
                        + leaks.size()
                        + " leaks");
        assertEquals(List.of(), leaks, "secret values outside secrets/*.env");
    }
}
