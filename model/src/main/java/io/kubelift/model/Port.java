package io.kubelift.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A port the component listens on, with the config key that sets it. {@code appProtocol} is {@code
 * http} for web UIs and REST APIs (they get HTTP probes and an Ingress), empty otherwise.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"name", "port", "protocol", "appProtocol", "configKey", "evidence"})
public record Port(
        @JsonProperty(required = true) String name,
        @JsonProperty(required = true) int port,
        String protocol,
        String appProtocol,
        String configKey,
        Evidence evidence) {
    public Port {
        Lists.require(name, "port.name");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(
                    "port " + name + ": " + port + " is not in 1..65535");
        }
        if (name.length() > 15 || !Names.isDnsLabel(name)) {
            throw new IllegalArgumentException(
                    "port name '" + name + "' must be a DNS-1123 label of at most 15 characters");
        }
        protocol = protocol == null ? "TCP" : protocol;
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isHttp() {
        return "http".equalsIgnoreCase(appProtocol) || "https".equalsIgnoreCase(appProtocol);
    }
}
