package io.kubelift.generator.image;

import java.nio.file.Path;

/** PLACEHOLDER: API contract only; replaced by the images branch. */
public record ImageOptions(String target, String base, Path cacheDir, boolean insecureRegistry) {}
