package io.kubelift.analyzer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.model.Problem;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile trees generated at test time: each is reported as a problem naming the file, and nothing
 * escapes or blocks.
 */
class HostileInputTest {
    @TempDir Path app;
    @TempDir Path outside;

    private Analysis analyze() {
        return Analyzer.withDefaultDetectors().analyze(app, AnalyzeOptions.defaults());
    }

    private static boolean reported(Analysis a, String file, String word) {
        return a.facts().problems().stream()
                .anyMatch(p -> p.file().equals(file) && p.message().contains(word));
    }

    @Test
    void xxeAndBillionLaughsAreRefused() throws Exception {
        Files.writeString(outside.resolve("secret.txt"), "TOP-SECRET-LOCAL-FILE");
        Files.writeString(
                app.resolve("xxe-site.xml"),
                "<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY x SYSTEM \"file://"
                        + outside.resolve("secret.txt")
                        + "\">]><configuration><property><name>a</name><value>&x;</value></property></configuration>");
        StringBuilder lol =
                new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY l0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            lol.append("<!ENTITY l")
                    .append(i)
                    .append(" \"")
                    .append(("&l" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        Files.writeString(app.resolve("laughs.xml"), lol + "]><r>&l9;</r>");
        Analysis a = analyze();
        assertTrue(reported(a, "xxe-site.xml", "DOCTYPE"));
        assertTrue(reported(a, "laughs.xml", "DOCTYPE"));
        assertFalse(
                a.facts().facts().stream()
                        .anyMatch(f -> String.valueOf(f.value()).contains("TOP-SECRET")));
    }

    @Test
    void yamlAliasBombAndDeepNestingAreRefused() throws Exception {
        StringBuilder y =
                new StringBuilder(
                        "a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char p = (char) (c - 1);
            y.append(c)
                    .append(": &")
                    .append(c)
                    .append(" [*")
                    .append(p)
                    .append(",*")
                    .append(p)
                    .append(",*")
                    .append(p)
                    .append(",*")
                    .append(p)
                    .append("]\n");
        }
        Files.writeString(app.resolve("bomb.yml"), y);
        Files.writeString(app.resolve("deep.yaml"), "[".repeat(200_000) + "]".repeat(200_000));
        Files.writeString(app.resolve("deep.json"), "[".repeat(200_000) + "]".repeat(200_000));
        Files.writeString(app.resolve("deep.xml"), "<a>".repeat(200_000) + "</a>".repeat(200_000));
        Analysis a = analyze();
        assertTrue(reported(a, "bomb.yml", "YAML"));
        assertTrue(reported(a, "deep.yaml", "YAML"));
        assertTrue(reported(a, "deep.json", "JSON"));
        assertTrue(a.facts().problems().stream().anyMatch(p -> p.file().equals("deep.xml")));
    }

    @Test
    void linksFifosSparseBinaryAndBadUtf8() throws Exception {
        Files.writeString(outside.resolve("passwd"), "root:x:0:0");
        Files.createSymbolicLink(app.resolve("escape.properties"), outside.resolve("passwd"));
        Files.createSymbolicLink(app.resolve("loop1"), app.resolve("loop2"));
        Files.createSymbolicLink(app.resolve("loop2"), app.resolve("loop1"));
        boolean fifo =
                new ProcessBuilder("mkfifo", app.resolve("pipe.properties").toString())
                                .start()
                                .waitFor()
                        == 0;
        try (RandomAccessFile r = new RandomAccessFile(app.resolve("huge.log").toFile(), "rw")) {
            r.setLength(5L << 30); // sparse: 5 GiB, no blocks written
        }
        Files.write(app.resolve("junk.properties"), new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 7});
        Files.write(
                app.resolve("latin.properties"),
                "name=caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(app.resolve("Broken.java"), "class Broken { void x( { }");
        Files.writeString(app.resolve("empty.xml"), "");
        Analysis a = analyze();
        assertTrue(reported(a, "escape.properties", "leaves the app root"));
        assertTrue(reported(a, "loop1", "loop"));
        if (fifo) {
            assertTrue(reported(a, "pipe.properties", "FIFO"));
        }
        assertTrue(reported(a, "huge.log", "cap"));
        assertTrue(reported(a, "junk.properties", "binary"));
        assertTrue(reported(a, "latin.properties", "UTF-8"));
        assertTrue(
                a.facts().problems().stream()
                        .anyMatch(
                                p ->
                                        p.file().equals("Broken.java")
                                                && p.kind() == Problem.Kind.PARSE_ERROR));
        assertFalse(a.files().read("escape.properties").isPresent());
    }

    @Test
    void zipSlipEntriesAreNotExtracted() throws Exception {
        Path war = app.resolve("app.war");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(war))) {
            z.putNextEntry(new ZipEntry("../../evil.sh"));
            z.write("rm -rf /".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("WEB-INF/web.xml"));
            z.write(
                    "<web-app><servlet><servlet-name>s</servlet-name><servlet-class>a.S</servlet-class></servlet></web-app>"
                            .getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        Analysis a = Analyzer.withDefaultDetectors().analyze(war, AnalyzeOptions.defaults());
        assertTrue(reported(a, "../../evil.sh", "zip-slip"));
        assertTrue(a.files().list().contains("WEB-INF/web.xml"));
        assertFalse(Files.exists(app.getParent().getParent().resolve("evil.sh")));
    }
}
