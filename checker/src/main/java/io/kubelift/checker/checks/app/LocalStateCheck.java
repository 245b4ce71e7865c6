package io.kubelift.checker.checks.app;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.CheckContext;
import io.kubelift.checker.FactCheck;
import io.kubelift.checker.GeneratedOutput;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Severity;

/** The app keeps state in a local directory */
final class LocalStateCheck extends FactCheck {
    LocalStateCheck() {
        super(
                check("TF06-LOCAL-STATE")
                        .severity(Severity.WARNING)
                        .fixedByGenerate()
                        .summary("The app keeps state in a local directory")
                        .rationale(
                                "Factor VI: processes should be stateless and share-nothing; state on the local disk of a container is lost when the pod moves, and two replicas do not see each other's.")
                        .remediation(
                                "Put durable state on a PersistentVolumeClaim (a StatefulSet) or in a backing service, and scratch space on an emptyDir; kubelift generate mounts each state directory the plan lists (durable: PVC, otherwise emptyDir)."),
                FactKind.STATE_DIR);
    }

    @Override
    protected String message(Fact f) {
        return "state directory "
                + subject(f)
                + (f.attr("purpose") == null ? "" : " (" + f.attr("purpose") + ")")
                + " lives on the local disk";
    }

    /**
     * Fixed when a volume (PVC or emptyDir) is mounted at the state directory (as the plan resolved
     * it).
     */
    @Override
    protected boolean survives(Fact f, GeneratedOutput out, CheckContext context) {
        java.util.List<String> paths = planPaths(f, context, false);
        if (paths.isEmpty()) {
            paths = java.util.List.of(subject(f));
        }
        return !paths.stream().allMatch(out::mounts);
    }
}
