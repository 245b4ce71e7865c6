package io.kubelift.generator;

import io.kubelift.model.AppFiles;
import io.kubelift.model.FileSet;
import io.kubelift.model.MigrationPlan;
import io.kubelift.model.SecretSource;

/** PLACEHOLDER: API contract only; replaced by the generator branch. */
public final class Generator {
    public static Generator withDefaults() { return new Generator(); }
    public FileSet generate(MigrationPlan plan, AppFiles app, SecretSource secrets, GenerateOptions options) { throw new UnsupportedOperationException("placeholder until the generator branch lands"); }
}
