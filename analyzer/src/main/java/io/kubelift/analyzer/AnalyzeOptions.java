package io.kubelift.analyzer;

/** PLACEHOLDER: API contract only; replaced by the analyzer branch. */
public record AnalyzeOptions(String planName, String sourcePath) {
    public static AnalyzeOptions defaults() { return new AnalyzeOptions(null, null); }
}
