package io.kubelift.checker.checks.app;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.CheckContext;
import io.kubelift.checker.FactCheck;
import io.kubelift.checker.GeneratedOutput;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Severity;

/** A script loops over a host list with ssh to start or stop processes */
final class SshHostLoopCheck extends FactCheck {
    SshHostLoopCheck() {
        super(
                check("TF12-SSH-HOST-LOOP")
                        .severity(Severity.WARNING)
                        .fixedByGenerate()
                        .summary(
                                "A script loops over a host list with ssh to start or stop processes")
                        .rationale(
                                "Factors XII and VIII: a host list (slaves, workers) ties the app to machines; in Kubernetes the scheduler places replicas and a controller keeps them running.")
                        .remediation(
                                "Run each role as its own workload (DaemonSet, StatefulSet or Deployment) and scale it with replicas; kubelift generate emits one workload per component instead of the ssh loop."),
                FactKind.HOST_BOUND_OPERATION);
    }

    @Override
    protected boolean matches(Fact f) {
        String s =
                (subject(f) + " " + (f.evidence().text() == null ? "" : f.evidence().text()))
                        .toLowerCase(java.util.Locale.ROOT);
        return s.matches("(?s).*\\b(ssh|pdsh|rsh|slaves|workers|hosts)\\b.*");
    }

    @Override
    protected String message(Fact f) {
        return "host-bound operation: " + subject(f);
    }

    /**
     * Fixed when no generated entrypoint runs the script any more (the container runs the process
     * itself).
     */
    @Override
    protected boolean survives(Fact f, GeneratedOutput out, CheckContext context) {
        return scriptStillRuns(f, out);
    }
}
