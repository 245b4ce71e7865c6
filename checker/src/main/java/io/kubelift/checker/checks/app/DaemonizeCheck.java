package io.kubelift.checker.checks.app;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.CheckContext;
import io.kubelift.checker.FactCheck;
import io.kubelift.checker.GeneratedOutput;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Severity;

/** A start script puts the process in the background */
final class DaemonizeCheck extends FactCheck {
    DaemonizeCheck() {
        super(
                check("TF09-SCRIPT-DAEMONIZES")
                        .severity(Severity.WARNING)
                        .fixedByGenerate()
                        .summary("A start script puts the process in the background")
                        .rationale(
                                "Factor IX: a container's main process must run in the foreground so the kubelet can see it die, send it SIGTERM and collect its output; nohup ... & or a daemon wrapper leaves PID 1 as a shell that exits or ignores signals.")
                        .remediation(
                                "Start the process in the foreground (exec java ...); kubelift generate writes a foreground start script that execs the JVM."),
                FactKind.DAEMONIZE);
    }

    @Override
    protected String message(Fact f) {
        return "the script backgrounds the process ("
                + subject(f)
                + "); in a container it must run in the foreground";
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
