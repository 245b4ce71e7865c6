package io.kubelift.checker.checks.plan;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.CheckContext;
import io.kubelift.checker.ComponentCheck;
import io.kubelift.model.Component;
import io.kubelift.model.Severity;
import io.kubelift.model.StateDir;
import io.kubelift.model.Workload;
import java.util.stream.Collectors;

/**
 * A plan edit gives several replicas to a Deployment that keeps durable state (one shared volume).
 */
final class ReplicasUnsafeCheck extends ComponentCheck {
    ReplicasUnsafeCheck() {
        super(
                check("TF08-PLAN-REPLICAS-UNSAFE")
                        .severity(Severity.WARNING)
                        .summary(
                                "A component that cannot run twice is planned with several replicas")
                        .rationale(
                                "Factors VI and VIII: a Deployment's replicas share its volumes; a component with durable local state "
                                        + "gets one ReadWriteOnce claim that only one pod can mount, and two copies of a process that was "
                                        + "never built to share its state would corrupt it. Raising replicas here adds no capacity.")
                        .remediation(
                                "Set replicas back to 1, or make the component a StatefulSet (one volume per replica) once the process "
                                        + "can run as several members, or move the state to a backing service and mark it durable: false."));
    }

    @Override
    protected String problem(Component c, CheckContext context) {
        if (c.workload() != Workload.Deployment || c.replicas() == null || c.replicas() < 2) {
            return null;
        }
        String durable =
                c.state().stream()
                        .filter(StateDir::isDurable)
                        .map(StateDir::path)
                        .collect(Collectors.joining(", "));
        return durable.isEmpty()
                ? null
                : "replicas: "
                        + c.replicas()
                        + " on a Deployment with durable state ("
                        + durable
                        + "): the replicas would share one ReadWriteOnce volume";
    }
}
