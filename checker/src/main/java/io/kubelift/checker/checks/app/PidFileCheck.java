package io.kubelift.checker.checks.app;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.CheckContext;
import io.kubelift.checker.FactCheck;
import io.kubelift.checker.GeneratedOutput;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Severity;

/** A start script writes a pid file */
final class PidFileCheck extends FactCheck {
    PidFileCheck() {
        super(
                check("TF09-PID-FILE")
                        .severity(Severity.WARNING)
                        .fixedByGenerate()
                        .summary("A start script writes a pid file")
                        .rationale(
                                "Factor IX: pid files exist to find a backgrounded daemon; in a pod the kubelet tracks the process, and a stale pid file left on a persistent volume can stop the process from starting again.")
                        .remediation(
                                "Remove the pid file handling; run in the foreground. kubelift generate's start script writes no pid file."),
                FactKind.PID_FILE);
    }

    @Override
    protected String message(Fact f) {
        return "the script writes the pid file "
                + subject(f)
                + "; a pod needs none and a stale one can block restarts";
    }

    /**
     * Fixed when no generated entrypoint runs the script any more (the container runs the process
     * itself).
     */
    @Override
    protected boolean survives(Fact f, GeneratedOutput out, CheckContext context) {
        return scriptStillRuns(f, out);
    }
}
