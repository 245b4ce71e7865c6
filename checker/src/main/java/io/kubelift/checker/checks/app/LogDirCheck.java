package io.kubelift.checker.checks.app;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.CheckContext;
import io.kubelift.checker.FactCheck;
import io.kubelift.checker.GeneratedOutput;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Severity;

/** The app is configured with a local log directory */
final class LogDirCheck extends FactCheck {
    LogDirCheck() {
        super(
                check("TF11-LOG-DIR")
                        .severity(Severity.INFO)
                        .fixedByGenerate()
                        .summary("The app is configured with a local log directory")
                        .rationale(
                                "Factor XI: a log directory is a host-local place logs pile up; in a pod it is lost on restart and nobody rotates it.")
                        .remediation(
                                "Log to stdout; if the process insists on a log directory, mount an emptyDir there (kubelift generate does) and keep application-log aggregation (e.g. YARN log aggregation) pointed at an object store."),
                FactKind.LOG_DIR);
    }

    @Override
    protected String message(Fact f) {
        return "log directory "
                + subject(f)
                + (f.attr("configKey") == null ? "" : " (" + f.attr("configKey") + ")")
                + " keeps logs on the local disk";
    }

    /**
     * Fixed when a volume is mounted at the log directory (as the plan resolved it): the logs then
     * go away with the pod instead of piling up on a host.
     */
    @Override
    protected boolean survives(Fact f, GeneratedOutput out, CheckContext context) {
        java.util.List<String> paths = planPaths(f, context, true);
        if (paths.isEmpty()) {
            paths = java.util.List.of(subject(f));
        }
        return !paths.stream().allMatch(out::mounts);
    }
}
