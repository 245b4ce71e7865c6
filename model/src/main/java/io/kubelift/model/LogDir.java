package io.kubelift.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A directory the legacy app writes log files to; in a pod, logs go to stdout and this becomes an
 * emptyDir.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"path", "configKey", "evidence"})
public record LogDir(
        @JsonProperty(required = true) String path, String configKey, Evidence evidence) {
    public LogDir {
        Lists.require(path, "logs.path");
    }
}
