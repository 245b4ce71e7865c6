package io.kubelift.checker;

import java.util.Objects;

/** The text of one manifest file, with its path relative to the checked root (used in findings). */
public record ManifestSource(String path, String text) {
    public ManifestSource {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
    }
}
