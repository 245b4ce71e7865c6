package io.kubelift.checker.checks.app;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.FactCheck;
import io.kubelift.checker.Hosts;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Severity;

/**
 * A URL (http, jdbc, ws, amqp, …) to localhost: a backing service assumed to run on the same
 * machine.
 */
final class LoopbackBackingServiceCheck extends FactCheck {
    LoopbackBackingServiceCheck() {
        super(
                check("TF04-LOCALHOST-URL")
                        .severity(Severity.WARNING)
                        .summary("A URL points at a backing service on localhost")
                        .rationale(
                                "Factor IV: a backing service is an attached resource reached by a URL from config; localhost in a "
                                        + "pod is the pod itself, so a database or broker that used to run beside the app is not there.")
                        .remediation(
                                "Point the URL at the backing service's Service DNS name (or an ExternalName Service for one "
                                        + "outside the cluster) and take it from a ConfigMap or Secret."),
                FactKind.HOST_REFERENCE);
    }

    @Override
    protected boolean matches(Fact f) {
        return Hosts.isLoopback(subject(f))
                && (Hosts.hasUrlToLoopback(f.value())
                        || Hosts.hasUrlToLoopback(f.evidence().text()));
    }

    @Override
    protected String message(Fact f) {
        String key = f.attr("configKey");
        return "URL to "
                + subject(f)
                + (key == null ? "" : " in " + key)
                + ": in a pod localhost is the pod itself";
    }
}
