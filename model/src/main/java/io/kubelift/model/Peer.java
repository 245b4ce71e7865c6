package io.kubelift.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A config value that names another component's host: {@code host} is the legacy host text the
 * generator replaces with that component's Service DNS name.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"configKey", "component", "host", "file", "evidence"})
public record Peer(
        @JsonProperty(required = true) String configKey,
        @JsonProperty(required = true) String component,
        String host,
        String file,
        Evidence evidence) {
    public Peer {
        Lists.require(configKey, "peer.configKey");
        Lists.require(component, "peer.component");
    }
}
