package io.kubelift.checker.checks.app;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.FactCheck;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Severity;

/** Scheduled admin work relies on the host's cron */
final class HostCronCheck extends FactCheck {
    HostCronCheck() {
        super(
                check("TF12-HOST-CRON")
                        .severity(Severity.WARNING)
                        .summary("Scheduled admin work relies on the host's cron")
                        .rationale(
                                "Factor XII: a crontab on the machine does not move with the pod; admin tasks should be declared with the app.")
                        .remediation(
                                "Declare the task as a Kubernetes CronJob running the same image."),
                FactKind.HOST_BOUND_OPERATION);
    }

    @Override
    protected boolean matches(Fact f) {
        String s =
                (subject(f) + " " + (f.evidence().text() == null ? "" : f.evidence().text()))
                        .toLowerCase(java.util.Locale.ROOT);
        return s.matches("(?s).*\\b(cron|crontab|crond|anacron)\\b.*");
    }

    @Override
    protected String message(Fact f) {
        return "host cron entry: " + subject(f);
    }
}
