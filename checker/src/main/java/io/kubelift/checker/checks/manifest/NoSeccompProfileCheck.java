package io.kubelift.checker.checks.manifest;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.ContainerCheck;
import io.kubelift.checker.k8s.KubeObject;
import io.kubelift.model.Severity;

/** No RuntimeDefault/Localhost seccomp profile (pod or container). */
final class NoSeccompProfileCheck extends ContainerCheck {
    NoSeccompProfileCheck() {
        super(
                check("TF15-K8S-NO-SECCOMP")
                        .severity(Severity.WARNING)
                        .fixedByGenerate()
                        .summary("A container runs without a seccomp profile")
                        .rationale(
                                "Factor XV: without seccomp a process can make every system call, widening the kernel attack surface; "
                                        + "the Pod Security Standard 'restricted' requires RuntimeDefault or Localhost.")
                        .remediation(
                                "Set securityContext.seccompProfile.type: RuntimeDefault at pod level (kubelift generate does)."));
    }

    @Override
    protected Hit inspect(KubeObject o, KubeObject.Container c) {
        String type = effective(o, c, "seccompProfile", "type");
        if ("RuntimeDefault".equals(type) || "Localhost".equals(type)) {
            return null;
        }
        return new Hit(
                c.node().line(),
                label(c)
                        + (type == null
                                ? " has no seccomp profile"
                                : " uses seccomp profile " + type));
    }
}
