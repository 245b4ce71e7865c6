package io.kubelift.core.project;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to build a project's image.
 *
 * @param target {@code tar:DIR} (one {@code <component>.tar} per component), {@code registry:REF} or {@code docker:REF}
 * @param image the image reference to name the result ({@code repo/name:tag}); with several components, the
 *     component name is appended to the repository
 * @param base {@code scratch}, {@code registry:REF} (or a bare REF), {@code docker:REF} or {@code tar:FILE}; null for
 *     the default ({@link ProjectImageBuilder#defaultBase})
 * @param cacheDir Jib's layer cache
 * @param insecureRegistry allow plain HTTP registries
 * @param offline never contact a registry (the base must be {@code scratch}, a tar, or already cached)
 */
public record ProjectImageOptions(String target, String image, String base, Path cacheDir, boolean insecureRegistry,
        boolean offline) {
    public ProjectImageOptions {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(cacheDir, "cacheDir");
    }
}
