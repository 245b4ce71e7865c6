package io.kubelift.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The analysed application: its path (relative to the plan file's directory, or absolute), the
 * detectors that recognised it, and the directories outside it that it runs from ({@link
 * SourceHome}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Source(
        @JsonProperty(required = true) String path,
        List<String> detectors,
        List<SourceHome> homes) {
    public Source {
        Lists.require(path, "spec.source.path");
        detectors = Lists.copy(detectors);
        homes = Lists.copy(homes);
    }

    public Source(String path, List<String> detectors) {
        this(path, detectors, List.of());
    }
}
