package io.kubelift.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * How to tell the process is up: {@code type} http (with {@code path}) or tcp, on the named {@code
 * port}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "path", "port", "evidence"})
public record Health(
        @JsonProperty(required = true) String type,
        String path,
        @JsonProperty(required = true) String port,
        Evidence evidence) {
    public Health {
        Lists.require(type, "health.type");
        Lists.require(port, "health.port");
        if (!type.equals("http") && !type.equals("tcp")) {
            throw new IllegalArgumentException("health.type must be http or tcp, not " + type);
        }
        if (type.equals("http") && (path == null || !path.startsWith("/"))) {
            throw new IllegalArgumentException("health.path must start with / for an http check");
        }
    }
}
