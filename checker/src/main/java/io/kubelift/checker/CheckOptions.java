package io.kubelift.checker;

import io.kubelift.model.Severity;
import java.util.Set;

/** PLACEHOLDER: API contract only; replaced by the checker branch. */
public record CheckOptions(Set<String> disabled, Severity failOn) {
    public static CheckOptions defaults() { return new CheckOptions(Set.of(), Severity.ERROR); }
}
