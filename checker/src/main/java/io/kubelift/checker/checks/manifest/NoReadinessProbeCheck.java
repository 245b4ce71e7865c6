package io.kubelift.checker.checks.manifest;

import static io.kubelift.checker.CheckDeclaration.check;

/** A long-running container without a readiness probe. */
final class NoReadinessProbeCheck extends MissingProbeCheck {
    NoReadinessProbeCheck() {
        super(
                check("TF09-K8S-NO-READINESS-PROBE")
                        .summary("A long-running container has no readiness probe")
                        .rationale(
                                "Factor IX: without a readiness probe a Service sends traffic to a pod as soon as its process starts, "
                                        + "long before a JVM app can answer, and keeps sending it to a pod that is overloaded or stuck.")
                        .remediation(
                                "Add a readinessProbe (httpGet on a health path, or tcpSocket on the service port); kubelift "
                                        + "generate emits one from the plan's health check."),
                "readinessProbe");
    }
}
