package io.kubelift.checker;

import io.kubelift.model.Severity;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which checks to leave out, and the severity at or above which a check run fails (null: never).
 */
public record CheckOptions(Set<String> disabled, Severity failOn) {
    public CheckOptions {
        disabled =
                disabled == null
                        ? Set.of()
                        : java.util.Collections.unmodifiableSet(new TreeSet<>(disabled));
    }

    /** Nothing disabled; fail on errors. */
    public static CheckOptions defaults() {
        return new CheckOptions(Set.of(), Severity.ERROR);
    }
}
