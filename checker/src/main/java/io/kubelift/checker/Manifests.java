package io.kubelift.checker;

import java.nio.file.Path;
import java.util.List;

/** PLACEHOLDER: API contract only; replaced by the checker branch. */
public final class Manifests {
    public static List<ManifestSource> load(Path fileOrDir) { throw new UnsupportedOperationException("placeholder until the checker branch lands"); }
}
