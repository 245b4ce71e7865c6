package io.kubelift.checker.checks.manifest;

import io.kubelift.checker.ContainerCheck;
import io.kubelift.checker.k8s.KubeObject;
import io.kubelift.model.Severity;

/** allowPrivilegeEscalation not set to false. */
public final class PrivilegeEscalationCheck extends ContainerCheck {
    public PrivilegeEscalationCheck() {
        super(
                "TF15-K8S-PRIVILEGE-ESCALATION",
                Severity.WARNING,
                true,
                "A container allows privilege escalation",
                "Factor XV: unless allowPrivilegeEscalation is false, setuid binaries in the image can gain more "
                        + "privileges than the process started with.",
                "Set securityContext.allowPrivilegeEscalation: false on every container (kubelift generate does).");
    }

    @Override
    protected Hit inspect(KubeObject o, KubeObject.Container c) {
        return c.node().isFalse("securityContext", "allowPrivilegeEscalation")
                ? null
                : new Hit(
                        c.node().lineOf("securityContext", "allowPrivilegeEscalation"),
                        label(c) + " does not set allowPrivilegeEscalation: false");
    }
}
