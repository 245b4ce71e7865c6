package io.kubelift.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An environment variable of the container: a literal {@code value}, or a container resource
 * ({@code fromResource: limits.memory}, {@code divisor: 1Mi}) through the downward API.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"name", "value", "fromResource", "divisor", "evidence"})
public record EnvVar(
        @JsonProperty(required = true) String name,
        String value,
        String fromResource,
        String divisor,
        Evidence evidence) {
    public EnvVar {
        Lists.require(name, "env.name");
        if (!Names.isEnvName(name)) {
            throw new IllegalArgumentException(
                    "env name '" + name + "' is not a valid variable name");
        }
        if (Names.forbiddenEnv(name) != null) {
            throw new IllegalArgumentException(
                    "env " + name + " cannot be set by a plan: " + Names.forbiddenEnv(name));
        }
        if (value != null && fromResource != null) {
            throw new IllegalArgumentException(
                    "env " + name + ": set value or fromResource, not both");
        }
    }
}
