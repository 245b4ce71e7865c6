package io.kubelift.image;

import java.nio.file.Path;
import java.util.List;

/**
 * One image built for one component: its reference pinned by digest ({@code repo@sha256:…}), the
 * digest, the tarball when the target was {@code tar:}, and the names of the application layers in
 * order.
 */
public record ProjectImage(
        String component, String reference, String digest, Path tarFile, List<String> layers) {
    public ProjectImage {
        layers = List.copyOf(layers);
    }
}
