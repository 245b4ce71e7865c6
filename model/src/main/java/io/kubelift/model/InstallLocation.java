package io.kubelift.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Where the legacy app was installed, as its own files name it: the absolute directory a script or
 * config file uses for the app itself ({@code /var/lib/broker}, written into {@code bin/artemis}
 * and {@code etc/bootstrap.xml} by {@code artemis create}). In the image the app is at {@code
 * /opt/app}, so {@code kubelift generate} moves every mention of this path (on path boundaries) in
 * the config files it writes there, as the analyzer moved it in the launch's options.
 *
 * @param path the absolute directory, as the app's files spell it
 * @param evidence the script line that named it
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"path", "evidence"})
public record InstallLocation(@JsonProperty(required = true) String path, Evidence evidence) {
    public InstallLocation {
        Lists.require(path, "spec.source.installedAt[].path");
        String p = path.replace('\\', '/');
        if (!p.startsWith("/") || p.equals("/") || p.contains("/../") || p.endsWith("/..")) {
            throw new IllegalArgumentException(
                    "spec.source.installedAt[].path '"
                            + path
                            + "' must be an absolute directory other than /");
        }
    }
}
