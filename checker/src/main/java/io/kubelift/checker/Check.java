package io.kubelift.checker;

import io.kubelift.model.Finding;
import java.util.List;

/** One rule. Implementations are small, stateless and listed in {@link DefaultChecks}. */
public interface Check {
    CheckInfo info();

    /** The findings of this rule; called only when the evidence {@link CheckInfo#source()} names is present. */
    List<Finding> run(CheckContext context);
}
