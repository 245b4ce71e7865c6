package io.kubelift.checker.checks.plan;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.CheckContext;
import io.kubelift.checker.ComponentCheck;
import io.kubelift.model.Component;
import io.kubelift.model.Severity;
import io.kubelift.model.StateDir;
import io.kubelift.model.Workload;
import java.util.stream.Collectors;

/** Durable state planned for a Deployment, whose replicas would share or lose it. */
final class DurableStateInDeploymentCheck extends ComponentCheck {
    DurableStateInDeploymentCheck() {
        super(
                check("TF06-PLAN-DURABLE-STATE-IN-DEPLOYMENT")
                        .severity(Severity.WARNING)
                        .summary(
                                "Durable state is planned for a Deployment instead of a StatefulSet")
                        .rationale(
                                "Factor VI: a Deployment's replicas are interchangeable; they either share one volume (corrupting "
                                        + "each other's files) or cannot be scheduled when the volume is ReadWriteOnce.")
                        .remediation(
                                "Make the component a StatefulSet (one volume per replica), or move the state to a backing service "
                                        + "and mark the directory durable: false."));
    }

    @Override
    protected String problem(Component c, CheckContext context) {
        if (c.workload() != Workload.Deployment) {
            return null;
        }
        String paths =
                c.state().stream()
                        .filter(StateDir::isDurable)
                        .map(StateDir::path)
                        .sorted()
                        .collect(Collectors.joining(", "));
        return paths.isEmpty() ? null : "durable state (" + paths + ") in a Deployment";
    }
}
