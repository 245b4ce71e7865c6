package io.kubelift.checker.checks.manifest;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.ContainerCheck;
import io.kubelift.checker.k8s.KubeObject;
import io.kubelift.model.Severity;

/** A container without a memory limit. */
final class NoMemoryLimitCheck extends ContainerCheck {
    NoMemoryLimitCheck() {
        super(
                check("TF08-K8S-NO-MEMORY-LIMIT")
                        .severity(Severity.WARNING)
                        .fixedByGenerate()
                        .summary("A container has no memory limit")
                        .rationale(
                                "Factor VIII: without a memory limit one leaking pod can starve a node, and a container-aware JVM "
                                        + "(MaxRAMPercentage) sizes its heap from the node's memory instead of its own share.")
                        .remediation(
                                "Set resources.limits.memory (equal to the request for predictable JVMs); kubelift generate sets "
                                        + "the limit to the request."));
    }

    @Override
    protected Hit inspect(KubeObject o, KubeObject.Container c) {
        return c.node().textAt("resources", "limits", "memory") != null
                ? null
                : new Hit(
                        c.node().lineOf("resources", "limits"), label(c) + " has no memory limit");
    }
}
