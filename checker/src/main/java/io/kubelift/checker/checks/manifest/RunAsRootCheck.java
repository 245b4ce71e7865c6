package io.kubelift.checker.checks.manifest;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.ContainerCheck;
import io.kubelift.checker.k8s.KubeObject;
import io.kubelift.model.Severity;

/** A container that may run as root: runAsNonRoot not true, or runAsUser 0. */
final class RunAsRootCheck extends ContainerCheck {
    RunAsRootCheck() {
        super(
                check("TF15-K8S-RUN-AS-ROOT")
                        .severity(Severity.ERROR)
                        .fixedByGenerate()
                        .summary("A container may run as root")
                        .rationale(
                                "Factor XV (and the Pod Security Standard 'restricted'): a process running as uid 0 turns any "
                                        + "container escape or writable host mount into root on the node.")
                        .remediation(
                                "Set securityContext.runAsNonRoot: true and a non-zero runAsUser (pod or container level) and build "
                                        + "the image with a non-root USER; kubelift generate runs every container as uid 10001."));
    }

    @Override
    protected Hit inspect(KubeObject o, KubeObject.Container c) {
        String user = effective(o, c, "runAsUser");
        if ("0".equals(user)) {
            return new Hit(
                    c.node().lineOf("securityContext", "runAsUser"),
                    label(c) + " runs as runAsUser: 0 (root)");
        }
        if (!"true".equalsIgnoreCase(effective(o, c, "runAsNonRoot"))) {
            return new Hit(c.node().line(), label(c) + " does not set runAsNonRoot: true");
        }
        return null;
    }
}
