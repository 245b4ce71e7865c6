package io.kubelift.checker.checks.manifest;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.ContainerCheck;
import io.kubelift.checker.k8s.KubeObject;
import io.kubelift.model.Severity;

/** A privileged container. */
final class PrivilegedCheck extends ContainerCheck {
    PrivilegedCheck() {
        super(
                check("TF15-K8S-PRIVILEGED")
                        .severity(Severity.ERROR)
                        .fixedByGenerate()
                        .summary("A container runs privileged")
                        .rationale(
                                "Factor XV: a privileged container has every capability and all host devices; it is root on the node.")
                        .remediation(
                                "Remove securityContext.privileged; grant the single capability the process needs, if any."));
    }

    @Override
    protected Hit inspect(KubeObject o, KubeObject.Container c) {
        return c.node().isTrue("securityContext", "privileged")
                ? new Hit(
                        c.node().lineOf("securityContext", "privileged"),
                        label(c) + " is privileged")
                : null;
    }
}
