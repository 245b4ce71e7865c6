package io.kubelift.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A setting the generator writes into a config file so the app works in a pod, e.g. {@code
 * yarn.resourcemanager.bind-host=0.0.0.0} or a pinned {@code yarn.nodemanager.address}. The reason
 * is shown in reports and in the generated file's comments.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"file", "key", "value", "reason", "evidence"})
public record ConfigOverride(
        @JsonProperty(required = true) String file,
        @JsonProperty(required = true) String key,
        @JsonProperty(required = true) String value,
        String reason,
        Evidence evidence) {
    public ConfigOverride {
        Lists.require(file, "configOverride.file");
        Lists.require(key, "configOverride.key");
        if (value == null) {
            throw new IllegalArgumentException("configOverride " + key + ": value is required");
        }
    }
}
