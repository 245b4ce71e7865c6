package io.kubelift.analyzer;

import java.nio.file.Path;

/** PLACEHOLDER: API contract only; replaced by the analyzer branch. */
public final class Analyzer {
    public static Analyzer withDefaultDetectors() { return new Analyzer(); }
    public Analysis analyze(Path app, AnalyzeOptions options) { throw new UnsupportedOperationException("placeholder until the analyzer branch lands"); }
}
