package io.kubelift.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A directory the process writes state to. {@code durable} state survives restarts (a
 * PersistentVolumeClaim); otherwise it is scratch (an emptyDir).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"path", "purpose", "configKey", "durable", "evidence"})
public record StateDir(
        @JsonProperty(required = true) String path,
        String purpose,
        String configKey,
        Boolean durable,
        Evidence evidence) {
    public StateDir {
        Lists.require(path, "state.path");
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isDurable() {
        return Boolean.TRUE.equals(durable);
    }
}
