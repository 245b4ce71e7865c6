package io.kubelift.image;

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
 * @param cacheDir Jib's application layer cache ({@code cacheDir/app}), and its base layer cache unless
 *     {@code baseCacheDir} is given
 * @param insecureRegistry allow plain HTTP registries
 * @param offline never contact a registry (the base must be {@code scratch}, a tar, or already cached)
 * @param baseCacheDir Jib's base image layer cache; content-addressed, so it can be shared by projects and survive
 *     their {@code clean} (as jib-maven-plugin's {@code ~/.cache/google-cloud-tools-java/jib}); null:
 *     {@code cacheDir/base}
 */
public record ProjectImageOptions(String target, String image, String base, Path cacheDir, boolean insecureRegistry,
        boolean offline, Path baseCacheDir) {
    public ProjectImageOptions {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(cacheDir, "cacheDir");
        baseCacheDir = baseCacheDir == null ? cacheDir.resolve("base") : baseCacheDir;
    }

    /** Both layer caches under {@code cacheDir}. */
    public ProjectImageOptions(String target, String image, String base, Path cacheDir, boolean insecureRegistry,
            boolean offline) {
        this(target, image, base, cacheDir, insecureRegistry, offline, null);
    }
}
