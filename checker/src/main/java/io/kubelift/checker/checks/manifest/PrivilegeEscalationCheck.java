package io.kubelift.checker.checks.manifest;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.ContainerCheck;
import io.kubelift.checker.k8s.KubeObject;
import io.kubelift.model.Severity;

/** allowPrivilegeEscalation not set to false. */
final class PrivilegeEscalationCheck extends ContainerCheck {
    PrivilegeEscalationCheck() {
        super(
                check("TF15-K8S-PRIVILEGE-ESCALATION")
                        .severity(Severity.WARNING)
                        .fixedByGenerate()
                        .summary("A container allows privilege escalation")
                        .rationale(
                                "Factor XV: unless allowPrivilegeEscalation is false, setuid binaries in the image can gain more "
                                        + "privileges than the process started with.")
                        .remediation(
                                "Set securityContext.allowPrivilegeEscalation: false on every container (kubelift generate does)."));
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
