package io.kubelift.checker.checks.manifest;

import io.kubelift.checker.ContainerCheck;
import io.kubelift.checker.k8s.KubeObject;
import io.kubelift.model.Severity;

/** A long-running container without a readiness probe. */
public final class NoReadinessProbeCheck extends ContainerCheck {
    public NoReadinessProbeCheck() {
        super("TF09-K8S-NO-READINESS-PROBE", Severity.WARNING, true,
                "A long-running container has no readiness probe",
                "Factor IX: without a readiness probe a Service sends traffic to a pod as soon as its process starts, "
                + "long before a JVM app can answer, and keeps sending it to a pod that is overloaded or stuck.",
                "Add a readinessProbe (httpGet on a health path, or tcpSocket on the service port); kubelift "
                + "generate emits one from the plan's health check.");
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
        return c.node().at("readinessProbe").isPresent() ? null : new Hit(c.node().line(), label(c) + " has no readinessProbe");
    }
}
