package io.kubelift.analyzer;

/**
 * Options of one analysis. {@code planName} null → derived from the app directory or archive name (a DNS label);
 * {@code sourcePath} null → the app path as given, recorded in {@code spec.source.path}.
 */
public record AnalyzeOptions(String planName, String sourcePath) {
    public static AnalyzeOptions defaults() {
        return new AnalyzeOptions(null, null);
    }
}
