package io.kubelift.checker.checks.app;

import io.kubelift.checker.FactCheck;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Severity;

/** Scheduled admin work relies on the host's cron */
public final class HostCronCheck extends FactCheck {
    public HostCronCheck() {
        super(
                "TF12-HOST-CRON",
                Severity.WARNING,
                false,
                FactKind.HOST_BOUND_OPERATION,
                "Scheduled admin work relies on the host's cron",
                "Factor XII: a crontab on the machine does not move with the pod; admin tasks should be declared with the app.",
                "Declare the task as a Kubernetes CronJob running the same image.");
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
