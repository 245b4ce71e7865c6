package io.kubelift.checker;

import io.kubelift.model.Finding;
import java.util.List;

/** One rule. Implementations are small, stateless and listed in {@link DefaultChecks}. */
public interface Check {
    CheckInfo info();

    /**
     * The findings of this rule; called only when the evidence {@link CheckInfo#source()} names is
     * present.
     */
    List<Finding> run(CheckContext context);

    /**
     * The findings of an app rule that are still true once {@code kubelift generate} has run:
     * measured on the generated output, never declared. The default claims nothing: every finding
     * remains.
     */
    default List<Finding> remaining(CheckContext context, GeneratedOutput out) {
        return run(context);
    }
}
