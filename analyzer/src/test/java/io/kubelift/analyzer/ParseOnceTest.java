package io.kubelift.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubelift.analyzer.java.JavaSourceParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source tree of N Java files is parsed exactly N times by one analysis (counted by the parser).
 */
class ParseOnceTest {
    @Test
    void eachJavaFileIsParsedOnce(@TempDir Path app) throws Exception {
        int n = 300;
        for (int i = 0; i < n; i++) {
            Path dir = Files.createDirectories(app.resolve("src/main/java/p" + (i % 10)));
            Files.writeString(
                    dir.resolve("C" + i + ".java"),
                    "package p" + (i % 10) + "; class C" + i + " { int port = " + i + "; }");
        }
        long before = JavaSourceParser.parseCount();
        Analyzer.withDefaultDetectors().analyze(app, AnalyzeOptions.defaults());
        assertEquals(n, JavaSourceParser.parseCount() - before);
    }
}
