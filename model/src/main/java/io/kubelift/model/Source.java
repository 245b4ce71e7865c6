package io.kubelift.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The analysed application: its path (relative to the plan file's directory, or absolute) and the
 * detectors that recognised it.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Source(@JsonProperty(required = true) String path, List<String> detectors) {
    public Source {
        Lists.require(path, "spec.source.path");
        detectors = Lists.copy(detectors);
    }
}
