package io.kubelift.analyzer;

import io.kubelift.model.AppFiles;
import java.nio.file.Path;

/** PLACEHOLDER: API contract only; replaced by the analyzer branch. */
public final class AppFileTrees {
    public static AppFiles open(Path dirOrArchive) { throw new UnsupportedOperationException("placeholder until the analyzer branch lands"); }
}
