package io.kubelift.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The plan's name: a DNS-1123 label, used as the application name and label in generated objects.
 */
public record PlanMetadata(@JsonProperty(required = true) String name) {
    public PlanMetadata {
        Lists.require(name, "metadata.name");
        if (!Names.isDnsLabel(name)) {
            throw new IllegalArgumentException(
                    "metadata.name '"
                            + name
                            + "' must be a DNS-1123 label (a-z, 0-9, '-', at most 63)");
        }
    }
}
