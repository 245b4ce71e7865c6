package io.kubelift.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** What was analysed and the components it splits into. */
public record PlanSpec(@JsonProperty(required = true) Source source, List<Component> components) {
    public PlanSpec {
        Objects.requireNonNull(source, "spec.source is required");
        components = Lists.copy(components);
        var seen = new HashSet<String>();
        for (Component c : components) {
            if (!seen.add(c.name())) {
                throw new IllegalArgumentException(
                        "component name '" + c.name() + "' is used twice");
            }
        }
    }
}
