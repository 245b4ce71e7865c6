package io.kubelift.checker.checks.manifest;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.ContainerCheck;
import io.kubelift.checker.k8s.KubeObject;
import io.kubelift.model.Severity;

/** readOnlyRootFilesystem not true. */
final class WritableRootFsCheck extends ContainerCheck {
    WritableRootFsCheck() {
        super(
                check("TF06-K8S-WRITABLE-ROOT-FS")
                        .severity(Severity.WARNING)
                        .fixedByGenerate()
                        .summary("A container's root file system is writable")
                        .rationale(
                                "Factor VI: a writable root file system lets a process keep state where nobody sees it (and lose it "
                                        + "on restart) and lets an attacker change the image's binaries.")
                        .remediation(
                                "Set securityContext.readOnlyRootFilesystem: true and mount emptyDir volumes for /tmp, log and "
                                        + "scratch directories (kubelift generate mounts the plan's state and log directories)."));
    }

    @Override
    protected Hit inspect(KubeObject o, KubeObject.Container c) {
        return c.node().isTrue("securityContext", "readOnlyRootFilesystem")
                ? null
                : new Hit(
                        c.node().lineOf("securityContext", "readOnlyRootFilesystem"),
                        label(c) + " does not set readOnlyRootFilesystem: true");
    }
}
