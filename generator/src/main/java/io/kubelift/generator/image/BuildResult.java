package io.kubelift.generator.image;

import java.util.Map;

/** PLACEHOLDER: API contract only; replaced by the images branch. */
public record BuildResult(Map<String, String> images, Map<String, String> digests) {}
