package io.kubelift.analyzer.parse;

import io.kubelift.analyzer.scan.RelPaths;
import java.util.List;
import java.util.Locale;

/**
 * One decoded text file of the app: its path relative to the app root, its text and its lines
 * (1-based access).
 */
public record SourceFile(String path, String text, List<String> lines) {
    public static SourceFile of(String path, String text) {
        return new SourceFile(path, text, List.of(text.split("\r?\n|\r", -1)));
    }

    public String line(int n) {
        return n >= 1 && n <= lines.size() ? lines.get(n - 1) : "";
    }

    public String name() {
        return RelPaths.fileName(path);
    }

    public String lowerName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The 1-based line holding character offset {@code offset}. */
    public int lineAt(int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
