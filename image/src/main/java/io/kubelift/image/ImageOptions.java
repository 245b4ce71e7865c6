package io.kubelift.image;

import java.nio.file.Path;

/**
 * How {@link ImageBuilder} builds and where it puts the images.
 *
 * @param target           {@code tar:DIR} (one docker-archive per component), {@code registry:REF} (pushed as
 *                         {@code REF/<component>}) or {@code docker:REF} (loaded into the local docker or podman)
 * @param base             {@code null} = chosen per component ({@code debian} when {@code runtime.shell} is true, else
 *                         {@code jlink}); or {@code jlink}, {@code debian}, {@code registry:REF}, {@code tar:PATH}
 * @param cacheDir         bases and Jib layer caches; {@code null} = {@code ~/.cache/kubelift}
 * @param insecureRegistry allow plain-HTTP registries (e.g. {@code localhost:5000})
 */
public record ImageOptions(String target, String base, Path cacheDir, boolean insecureRegistry) {
    public ImageOptions {
        if (cacheDir == null) {
            cacheDir = Path.of(System.getProperty("user.home"), ".cache", "kubelift");
        }
    }
}
