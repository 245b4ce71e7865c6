package io.kubelift.image;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link ImageBuilder#build} made.
 *
 * @param images component name → image reference to put in manifests (by digest for registry
 *     targets, e.g. {@code localhost:5000/hadoop-yarn/nodemanager@sha256:…})
 * @param digests component name → manifest digest ({@code sha256:…})
 */
public record BuildResult(Map<String, String> images, Map<String, String> digests) {
    public BuildResult {
        images = Collections.unmodifiableMap(new TreeMap<>(images));
        digests = Collections.unmodifiableMap(new TreeMap<>(digests));
    }
}
