package io.kubelift.image;

import java.nio.file.Path;

/**
 * How {@link ImageBuilder} builds and where it puts the images, for both of its sources (an
 * installed app's plan, a build project's output). Make one with {@link #to(String)} or the
 * four-argument constructor, then the {@code withX} copies.
 *
 * @param target {@code tar:DIR} (one docker-archive per component), {@code registry:REF} or {@code
 *     docker:REF} (loaded into the local docker or podman); the same syntax for both sources. For
 *     an installed app REF is a repository and each image is {@code REF/<component>}; for a build
 *     project REF (or {@link #image}) names the image
 * @param base {@code null} = chosen per component (installed app: {@code debian} when {@code
 *     runtime.shell} is true, else {@code jlink}; build project: a JRE, or Tomcat for a WAR); or
 *     {@code jlink}, {@code debian}, {@code scratch}, {@code registry:REF} (or a bare REF), {@code
 *     docker:REF}, {@code tar:PATH}
 * @param cacheDir bases and Jib's application layer cache ({@code cacheDir/jib/app}); {@code null}
 *     = {@code ~/.cache/kubelift}
 * @param insecureRegistry allow plain-HTTP registries (e.g. {@code localhost:5000})
 * @param image a build project's image name ({@code [registry/]repository[:tag]}); with several
 *     components the component name is appended to the repository; unused for an installed app
 * @param offline never contact a registry for the base (it must be {@code scratch}, a tar, or
 *     cached)
 * @param baseCacheDir Jib's base image layer cache; content-addressed, so projects can share it and
 *     it can survive their {@code clean}; {@code null} = {@code cacheDir/jib/base}
 */
public record ImageOptions(
        String target,
        String base,
        Path cacheDir,
        boolean insecureRegistry,
        String image,
        boolean offline,
        Path baseCacheDir) {
    public ImageOptions {
        if (cacheDir == null) {
            cacheDir = Path.of(System.getProperty("user.home"), ".cache", "kubelift");
        }
        if (baseCacheDir == null) {
            baseCacheDir = cacheDir.resolve("jib").resolve("base");
        }
    }

    public ImageOptions(String target, String base, Path cacheDir, boolean insecureRegistry) {
        this(target, base, cacheDir, insecureRegistry, null, false, null);
    }

    /** Options for {@code target}, everything else by default. */
    public static ImageOptions to(String target) {
        return new ImageOptions(target, null, null, false);
    }

    public ImageOptions withBase(String base) {
        return new ImageOptions(
                target, base, cacheDir, insecureRegistry, image, offline, baseCacheDir);
    }

    /**
     * Also moves the base layer cache when it was the default one below the old {@code cacheDir}.
     */
    public ImageOptions withCacheDir(Path cacheDir) {
        Path defaultBase = this.cacheDir.resolve("jib").resolve("base");
        return new ImageOptions(
                target,
                base,
                cacheDir,
                insecureRegistry,
                image,
                offline,
                baseCacheDir.equals(defaultBase) ? null : baseCacheDir);
    }

    public ImageOptions withInsecureRegistry(boolean insecureRegistry) {
        return new ImageOptions(
                target, base, cacheDir, insecureRegistry, image, offline, baseCacheDir);
    }

    public ImageOptions withImage(String image) {
        return new ImageOptions(
                target, base, cacheDir, insecureRegistry, image, offline, baseCacheDir);
    }

    public ImageOptions withOffline(boolean offline) {
        return new ImageOptions(
                target, base, cacheDir, insecureRegistry, image, offline, baseCacheDir);
    }

    public ImageOptions withBaseCacheDir(Path baseCacheDir) {
        return new ImageOptions(
                target, base, cacheDir, insecureRegistry, image, offline, baseCacheDir);
    }

    /** Jib's application layer cache. */
    Path appLayersCache() {
        return cacheDir.resolve("jib").resolve("app");
    }
}
