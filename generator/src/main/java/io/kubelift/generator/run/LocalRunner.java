package io.kubelift.generator.run;

import java.nio.file.Path;

/** PLACEHOLDER: API contract only; replaced by the images branch. */
public final class LocalRunner {
    public LocalRunner(RunOptions options) { }
    public RunResult up(Path outDir) { throw new UnsupportedOperationException("placeholder until the images branch lands"); }
    public void down(Path outDir) { throw new UnsupportedOperationException("placeholder until the images branch lands"); }
}
