package io.kubelift.bench;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import io.kubelift.analyzer.java.JavaSourceParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The limit the analyzer is measured against: read every {@code .java} file and parse it with javaparser, nothing else.
 * The configuration is the analyzer's own object ({@link JavaSourceParser#configuration()}), so both sides always parse alike.
 */
final class BareJavaParser {
    private final JavaParser parser = new JavaParser(JavaSourceParser.configuration());

    /** Parses every file; returns how many parsed without problems (consumed by the caller, so nothing is elided). */
    int parseAll(List<Path> files) {
        int ok = 0;
        for (Path f : files) {
            String text;
            try {
                text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ParseResult<CompilationUnit> r = parser.parse(text);
            if (r.isSuccessful()) {
                ok++;
            }
        }
        return ok;
    }
}
