package io.kubelift.checker.checks.app;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.FactCheck;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Severity;

/** Application code writes to a local file */
final class LocalFileWriteCheck extends FactCheck {
    LocalFileWriteCheck() {
        super(
                check("TF06-LOCAL-FILE-WRITE")
                        .severity(Severity.INFO)
                        .summary("Application code writes to a local file")
                        .rationale(
                                "Factor VI: a file written by one replica is not seen by the others and disappears with the pod.")
                        .remediation(
                                "Write to a backing service (database, object store) or, for scratch data, to a directory mounted from an emptyDir; make the path configurable."),
                FactKind.FILE_WRITE);
    }

    @Override
    protected String message(Fact f) {
        return "code writes to the local file " + subject(f);
    }
}
