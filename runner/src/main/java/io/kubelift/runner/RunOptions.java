package io.kubelift.runner;

import java.time.Duration;

/**
 * How {@link LocalRunner} plays manifests.
 *
 * @param runtime the container engine's command; only {@code podman} (4.3+) is supported
 * @param network the podman network pods join (created when missing, and then removed by {@code
 *     down})
 * @param readinessTimeout how long {@code up} waits for every pod's readiness probe to pass
 */
public record RunOptions(String runtime, String network, Duration readinessTimeout) {
    public static final String DEFAULT_NETWORK = "kubelift";

    public RunOptions {
        runtime = runtime == null || runtime.isBlank() ? "podman" : runtime;
        network = network == null || network.isBlank() ? DEFAULT_NETWORK : network;
        readinessTimeout = readinessTimeout == null ? Duration.ofMinutes(5) : readinessTimeout;
    }

    public static RunOptions defaults() {
        return new RunOptions(null, null, null);
    }
}
