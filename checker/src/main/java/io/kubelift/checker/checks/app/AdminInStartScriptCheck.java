package io.kubelift.checker.checks.app;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.FactCheck;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Severity;

/** A start script does admin work (format, migrate, chown, cleanup) before starting */
final class AdminInStartScriptCheck extends FactCheck {
    AdminInStartScriptCheck() {
        super(
                check("TF12-ADMIN-IN-START-SCRIPT")
                        .severity(Severity.WARNING)
                        .summary(
                                "A start script does admin work (format, migrate, chown, cleanup) before starting")
                        .rationale(
                                "Factor XII: one-off admin tasks run as separate processes; done in the start script they run again on every restart and on every replica at once.")
                        .remediation(
                                "Move the task to a Kubernetes Job (or an initContainer when it must run before each start and is idempotent)."),
                FactKind.ADMIN_IN_START_SCRIPT);
    }

    @Override
    protected String message(Fact f) {
        return "the start script runs admin work: " + subject(f);
    }
}
