package io.kubelift.checker;

import io.kubelift.model.Finding;
import io.kubelift.model.Severity;
import java.util.List;

/** PLACEHOLDER: API contract only; replaced by the checker branch. */
public record Report(String rootName, List<Finding> findings) {
    public boolean exceeds(Severity threshold) { throw new UnsupportedOperationException("placeholder until the checker branch lands"); }
}
