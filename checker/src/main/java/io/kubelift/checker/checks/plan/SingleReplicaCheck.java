package io.kubelift.checker.checks.plan;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.CheckContext;
import io.kubelift.checker.ComponentCheck;
import io.kubelift.model.Component;
import io.kubelift.model.Severity;
import io.kubelift.model.Workload;

/** A stateless Deployment planned with a single replica. */
final class SingleReplicaCheck extends ComponentCheck {
    SingleReplicaCheck() {
        super(
                check("TF08-PLAN-SINGLE-REPLICA")
                        .severity(Severity.WARNING)
                        .summary("A stateless component is planned with one replica")
                        .rationale(
                                "Factors VIII and IX: a single replica of a stateless process is down during every rollout, node "
                                        + "drain and crash; scaling out is the point of a stateless process.")
                        .remediation(
                                "Set replicas to 2 or more in the plan (the generator then adds a PodDisruptionBudget); if the "
                                        + "process cannot run twice (a leader without election), make it a StatefulSet and say why."));
    }

    @Override
    protected String problem(Component c, CheckContext context) {
        boolean durable = c.state().stream().anyMatch(s -> s.isDurable());
        if (c.workload() == Workload.Deployment
                && c.replicas() != null
                && c.replicas() == 1
                && !durable) {
            return "stateless Deployment with replicas: 1";
        }
        return null;
    }
}
