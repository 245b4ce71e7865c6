package io.kubelift.checker.checks.manifest;

import static io.kubelift.checker.CheckDeclaration.check;

/** A long-running container without a liveness probe. */
final class NoLivenessProbeCheck extends MissingProbeCheck {
    NoLivenessProbeCheck() {
        super(
                check("TF09-K8S-NO-LIVENESS-PROBE")
                        .summary("A long-running container has no liveness probe")
                        .rationale(
                                "Factor IX: a process that hangs (deadlock, endless GC) but does not exit is never restarted without a "
                                        + "liveness probe.")
                        .remediation(
                                "Add a livenessProbe (and a startupProbe for slow-starting JVMs so that liveness does not kill them "
                                        + "while they start); kubelift generate emits both from the plan's health check."),
                "livenessProbe");
    }
}
