package io.kubelift.checker;

/** PLACEHOLDER: API contract only; replaced by the checker branch. */
public record ManifestSource(String path, String text) {}
