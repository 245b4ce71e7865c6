package io.kubelift.checker.checks.app;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.AbstractCheck;
import io.kubelift.checker.CheckContext;
import io.kubelift.checker.CheckSource;
import io.kubelift.model.FactKind;
import io.kubelift.model.Finding;
import io.kubelift.model.Severity;
import java.util.List;

/** A long-running process without any metrics, health or tracing endpoint or agent. */
final class NoTelemetryCheck extends AbstractCheck {
    NoTelemetryCheck() {
        super(
                check("TF14-NO-TELEMETRY")
                        .severity(Severity.INFO)
                        .reads(CheckSource.APP)
                        .summary("No metrics, health or tracing endpoint was found")
                        .rationale(
                                "Factor XIV: in a cluster you cannot log in and watch a process; it must report health, metrics and "
                                        + "traces so that probes, autoscalers and dashboards can see it.")
                        .remediation(
                                "Expose a health endpoint and metrics (Micrometer/Prometheus, Hadoop metrics2 Prometheus sink, or the "
                                        + "Prometheus JMX exporter agent) and add OpenTelemetry for traces."));
    }

    @Override
    public List<Finding> run(CheckContext context) {
        if (!context.facts(FactKind.TELEMETRY).isEmpty()) {
            return List.of();
        }
        return context.facts().facts().stream()
                .filter(f -> f.kind() == FactKind.JAVA_LAUNCH || f.kind() == FactKind.LISTEN_PORT)
                .findFirst()
                .map(
                        f ->
                                List.of(
                                        finding(
                                                f.evidence(),
                                                "no telemetry found for the app started here "
                                                        + "(no metrics or health endpoint, agent or sink)")))
                .orElse(List.of());
    }
}
