package io.kubelift.checker.checks.app;

import io.kubelift.checker.FactCheck;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Severity;

/** A start script does admin work (format, migrate, chown, cleanup) before starting */
public final class AdminInStartScriptCheck extends FactCheck {
    public AdminInStartScriptCheck() {
        super(
                "TF12-ADMIN-IN-START-SCRIPT",
                Severity.WARNING,
                false,
                FactKind.ADMIN_IN_START_SCRIPT,
                "A start script does admin work (format, migrate, chown, cleanup) before starting",
                "Factor XII: one-off admin tasks run as separate processes; done in the start script they run again on every restart and on every replica at once.",
                "Move the task to a Kubernetes Job (or an initContainer when it must run before each start and is idempotent).");
    }

    @Override
    protected String message(Fact f) {
        return "the start script runs admin work: " + subject(f);
    }
}
