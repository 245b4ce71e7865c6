package io.kubelift.checker.checks.manifest;

import io.kubelift.checker.ContainerCheck;
import io.kubelift.checker.k8s.KubeObject;
import io.kubelift.model.Severity;

/** A container without CPU and memory requests. */
public final class NoResourceRequestsCheck extends ContainerCheck {
    public NoResourceRequestsCheck() {
        super("TF08-K8S-NO-RESOURCE-REQUESTS", Severity.WARNING, true,
                "A container has no CPU or memory request",
                "Factor VIII: the scheduler places pods by their requests; without them pods are packed onto full "
                + "nodes, evicted first under pressure, and autoscalers have nothing to scale on.",
                "Set resources.requests.cpu and resources.requests.memory; kubelift generate takes them from the "
                + "plan (memory derived from the legacy heap).");
    }

    @Override
    protected Hit inspect(KubeObject o, KubeObject.Container c) {
        boolean cpu = c.node().textAt("resources", "requests", "cpu") != null;
        boolean mem = c.node().textAt("resources", "requests", "memory") != null;
        if (cpu && mem) {
            return null;
        }
        String missing = !cpu && !mem ? "cpu or memory request" : !cpu ? "cpu request" : "memory request";
        return new Hit(c.node().lineOf("resources"), label(c) + " has no " + missing);
    }
}
