package io.kubelift.checker.checks.app;

import io.kubelift.checker.FactCheck;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Severity;

/** Application code writes to a local file */
public final class LocalFileWriteCheck extends FactCheck {
    public LocalFileWriteCheck() {
        super(
                "TF06-LOCAL-FILE-WRITE",
                Severity.INFO,
                false,
                FactKind.FILE_WRITE,
                "Application code writes to a local file",
                "Factor VI: a file written by one replica is not seen by the others and disappears with the pod.",
                "Write to a backing service (database, object store) or, for scratch data, to a directory mounted from an emptyDir; make the path configurable.");
    }

    @Override
    protected String message(Fact f) {
        return "code writes to the local file " + subject(f);
    }
}
