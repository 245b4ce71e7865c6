package io.kubelift.checker.checks.plan;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.CheckContext;
import io.kubelift.checker.ComponentCheck;
import io.kubelift.model.Component;
import io.kubelift.model.Severity;

/** A component without CPU and memory in the plan. */
final class NoResourcesCheck extends ComponentCheck {
    NoResourcesCheck() {
        super(
                check("TF08-PLAN-NO-RESOURCES")
                        .severity(Severity.WARNING)
                        .summary("A component has no CPU or memory request in the plan")
                        .rationale(
                                "Factor VIII: the scheduler places pods by their requests; without them pods land on full nodes, "
                                        + "are the first to be evicted, and the JVM cannot size its heap from a limit.")
                        .remediation(
                                "Set spec.components[].resources.cpu and .memory (analyze derives memory from the legacy heap "
                                        + "setting when there is one)."));
    }

    @Override
    protected String problem(Component c, CheckContext context) {
        var r = c.resources();
        if (r == null || blank(r.memory()) || blank(r.cpu())) {
            return "resources "
                    + (r == null
                            ? "missing"
                            : blank(r.memory()) ? "have no memory" : "have no cpu");
        }
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
