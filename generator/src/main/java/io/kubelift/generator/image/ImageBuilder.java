package io.kubelift.generator.image;

import io.kubelift.model.AppFiles;
import io.kubelift.model.FileSet;
import io.kubelift.model.MigrationPlan;

/** PLACEHOLDER: API contract only; replaced by the images branch. */
public final class ImageBuilder {
    public ImageBuilder(ImageOptions options) { }
    public BuildResult build(MigrationPlan plan, AppFiles app, FileSet generated) { throw new UnsupportedOperationException("placeholder until the images branch lands"); }
}
