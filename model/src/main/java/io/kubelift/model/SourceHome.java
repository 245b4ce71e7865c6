package io.kubelift.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A directory outside the analysed app that the app runs from: the product home an instance points
 * at ({@code ARTEMIS_HOME} of an Artemis broker instance made by {@code artemis create}, a {@code
 * JETTY_HOME} beside a base). {@code kubelift build} copies it into the image at {@code
 * /opt/app/<at>}, and the plan's classpath and JVM options name it there.
 *
 * @param path where it is on the machine that builds the images (absolute, or relative to the plan
 *     file's directory)
 * @param at where the image holds it, relative to the app home ({@code homes/<name>})
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"path", "at", "evidence"})
public record SourceHome(
        @JsonProperty(required = true) String path,
        @JsonProperty(required = true) String at,
        Evidence evidence) {
    public SourceHome {
        Lists.require(path, "spec.source.homes[].path");
        Lists.require(at, "spec.source.homes[].at");
        if (at.startsWith("/") || at.contains("..") || at.contains("\\")) {
            throw new IllegalArgumentException(
                    "spec.source.homes[].at '"
                            + at
                            + "' must be a relative path inside the app home");
        }
    }
}
