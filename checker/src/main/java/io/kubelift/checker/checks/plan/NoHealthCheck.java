package io.kubelift.checker.checks.plan;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.CheckContext;
import io.kubelift.checker.ComponentCheck;
import io.kubelift.model.Component;
import io.kubelift.model.Severity;
import io.kubelift.model.Workload;

/** A long-running component with ports but no health check in the plan. */
final class NoHealthCheck extends ComponentCheck {
    NoHealthCheck() {
        super(
                check("TF09-PLAN-NO-HEALTH")
                        .severity(Severity.WARNING)
                        .summary("A long-running component has no health check in the plan")
                        .rationale(
                                "Factors IX and XIV: without a health check the generator cannot emit readiness and liveness probes, "
                                        + "so Kubernetes sends traffic to pods that are not ready and never restarts a hung one.")
                        .remediation(
                                "Add spec.components[].health (type http with a path, or tcp) on one of the component's ports."));
    }

    @Override
    protected String problem(Component c, CheckContext context) {
        boolean longRunning = c.workload() != Workload.Job && c.workload() != Workload.CronJob;
        if (longRunning && c.health() == null && !c.ports().isEmpty()) {
            return "no health check although it listens on " + c.ports().size() + " port(s)";
        }
        return null;
    }
}
