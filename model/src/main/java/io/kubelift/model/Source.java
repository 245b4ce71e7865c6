package io.kubelift.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The analysed application: its path (relative to the plan file's directory, or absolute), the
 * detectors that recognised it, the directories outside it that it runs from ({@link SourceHome}),
 * and where it was installed as its own files name it ({@link InstallLocation}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Source(
        @JsonProperty(required = true) String path,
        List<String> detectors,
        List<SourceHome> homes,
        List<InstallLocation> installedAt) {
    public Source {
        Lists.require(path, "spec.source.path");
        detectors = Lists.copy(detectors);
        homes = Lists.copy(homes);
        installedAt = Lists.copy(installedAt);
    }

    public Source(String path, List<String> detectors) {
        this(path, detectors, List.of(), List.of());
    }

    public Source(String path, List<String> detectors, List<SourceHome> homes) {
        this(path, detectors, homes, List.of());
    }
}
