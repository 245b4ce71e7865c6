package io.kubelift.checker.checks.manifest;

import io.kubelift.checker.ContainerCheck;
import io.kubelift.checker.k8s.KubeObject;
import io.kubelift.model.Severity;

/** A long-running container without a liveness probe. */
public final class NoLivenessProbeCheck extends ContainerCheck {
    public NoLivenessProbeCheck() {
        super("TF09-K8S-NO-LIVENESS-PROBE", Severity.WARNING, true,
                "A long-running container has no liveness probe",
                "Factor IX: a process that hangs (deadlock, endless GC) but does not exit is never restarted without a "
                + "liveness probe.",
                "Add a livenessProbe (and a startupProbe for slow-starting JVMs so that liveness does not kill them "
                + "while they start); kubelift generate emits both from the plan's health check.");
    }

    @Override
    protected boolean includesInit() {
        return false;
    }

    @Override
    protected boolean includesBatch() {
        return false;
    }

    @Override
    protected Hit inspect(KubeObject o, KubeObject.Container c) {
        return c.node().at("livenessProbe").isPresent() ? null : new Hit(c.node().line(), label(c) + " has no livenessProbe");
    }
}
