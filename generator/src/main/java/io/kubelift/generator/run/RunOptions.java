package io.kubelift.generator.run;

/** PLACEHOLDER: API contract only; replaced by the images branch. */
public record RunOptions(String runtime) {}
