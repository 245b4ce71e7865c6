package io.kubelift.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.DescriptorDigest;
import com.google.cloud.tools.jib.api.DockerDaemonImage;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import io.kubelift.model.KubeliftException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where images go, parsed from {@code tar:DIR}, {@code registry:REF} or {@code docker:REF}: one
 * syntax for both sources of {@link ImageBuilder}. For an installed app each component's image is
 * {@code <REF>/<component>} (for tar: {@code <plan>/<component>} in {@code DIR/<component>.tar});
 * for a build project the image is named by the caller ({@link #containerizer(ImageReference,
 * String)}).
 */
sealed interface ImageTarget {
    /** The Jib destination for one component's image. */
    Containerizer containerizer(String planName, String component);

    /** The reference manifests should use once the image is built with {@code digest}. */
    String reference(String planName, String component, DescriptorDigest digest);

    /**
     * The Jib destination for an image named {@code name} (a build project's); tar: {@code
     * DIR/<component>.tar}.
     */
    Containerizer containerizer(ImageReference name, String component);

    /**
     * A target whose REF is a repository each component's image goes below (an installed app's
     * build).
     */
    static ImageTarget parse(String spec) {
        ImageTarget t = parseNamed(spec);
        if (t instanceof Registry r) {
            return new Registry(repository(r.repository(), spec));
        }
        if (t instanceof Docker d) {
            return new Docker(repository(d.repository(), spec));
        }
        return t;
    }

    /**
     * A target whose REF (if any) is the full image name, tag included (a build project's build).
     */
    static ImageTarget parseNamed(String spec) {
        if (spec == null || spec.isBlank()) {
            throw KubeliftException.usage(
                    "no image target given", "use --to tar:DIR, registry:REF or docker:REF");
        }
        int colon = spec.indexOf(':');
        String kind = colon < 0 ? "" : spec.substring(0, colon);
        String value = colon < 0 ? "" : spec.substring(colon + 1);
        if (value.isBlank()) {
            throw KubeliftException.usage(
                    "image target '" + spec + "' has no value",
                    "use --to tar:DIR, registry:REF or docker:REF");
        }
        return switch (kind) {
            case "tar" -> new Tar(Path.of(value));
            case "registry" ->
                    new Registry(
                            value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            case "docker" ->
                    new Docker(
                            value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            default ->
                    throw KubeliftException.usage(
                            "unknown image target '" + spec + "'",
                            "use --to tar:DIR, registry:REF or docker:REF");
        };
    }

    private static String repository(String v, String spec) {
        try {
            ImageReference.parse(v + "/probe");
        } catch (InvalidImageReferenceException e) {
            throw KubeliftException.usage(
                    "'" + spec + "' is not a valid image repository",
                    "give a registry and path without tag, e.g. registry:localhost:5000/myapp");
        }
        return v;
    }

    static ImageReference ref(String s) {
        try {
            return ImageReference.parse(s);
        } catch (InvalidImageReferenceException e) {
            throw KubeliftException.usage(
                    "'" + s + "' is not a valid image reference", "use lower-case names");
        }
    }

    /** Pushed to a registry; manifests reference {@code REF/<component>@sha256:…}. */
    record Registry(String repository) implements ImageTarget {
        @Override
        public Containerizer containerizer(String planName, String component) {
            return Containerizer.to(
                    RegistryImage.named(ref(repository + "/" + component + ":latest")));
        }

        @Override
        public Containerizer containerizer(ImageReference name, String component) {
            return Containerizer.to(RegistryImage.named(name));
        }

        @Override
        public String reference(String planName, String component, DescriptorDigest digest) {
            return repository + "/" + component + "@" + digest;
        }
    }

    /** Loaded into the local docker (or podman, when there is no docker); referenced by tag. */
    record Docker(String repository) implements ImageTarget {
        @Override
        public Containerizer containerizer(String planName, String component) {
            return containerizer(ref(repository + "/" + component + ":latest"), component);
        }

        @Override
        public Containerizer containerizer(ImageReference name, String component) {
            DockerDaemonImage image = DockerDaemonImage.named(name);
            Path podman = Path.of("/usr/bin/podman");
            if (!onPath("docker") && Files.isExecutable(podman)) {
                image.setDockerExecutable(podman);
            }
            return Containerizer.to(image);
        }

        @Override
        public String reference(String planName, String component, DescriptorDigest digest) {
            return repository + "/" + component + ":latest";
        }

        private static boolean onPath(String exe) {
            String path = System.getenv().getOrDefault("PATH", "");
            for (String d : path.split(java.io.File.pathSeparator)) {
                if (!d.isEmpty() && Files.isExecutable(Path.of(d, exe))) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * One docker-archive per component, {@code DIR/<component>.tar}, named {@code
     * <plan>/<component>:latest}.
     */
    record Tar(Path dir) implements ImageTarget {
        @Override
        public Containerizer containerizer(String planName, String component) {
            return containerizer(ref(planName + "/" + component + ":latest"), component);
        }

        @Override
        public Containerizer containerizer(ImageReference name, String component) {
            try {
                Files.createDirectories(dir);
            } catch (java.io.IOException e) {
                throw KubeliftException.badInput(
                        dir.toString(),
                        "cannot create the image directory: " + e.getMessage(),
                        null);
            }
            return Containerizer.to(TarImage.at(dir.resolve(component + ".tar")).named(name));
        }

        @Override
        public String reference(String planName, String component, DescriptorDigest digest) {
            return planName + "/" + component + ":latest";
        }
    }
}
