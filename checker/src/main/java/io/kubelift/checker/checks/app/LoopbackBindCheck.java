package io.kubelift.checker.checks.app;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.FactCheck;
import io.kubelift.checker.Hosts;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Severity;

/**
 * A listen or advertised address set to loopback (not inside a URL): unreachable from other pods.
 */
final class LoopbackBindCheck extends FactCheck {
    LoopbackBindCheck() {
        super(
                check("TF07-BIND-LOCALHOST")
                        .severity(Severity.WARNING)
                        .summary("A listen or service address is set to localhost")
                        .rationale(
                                "Factor VII: the app exports its service by binding a port; bound to loopback, or advertised to peers "
                                        + "as localhost, it cannot be reached through a Service.")
                        .remediation(
                                "Bind to 0.0.0.0 (all interfaces) and advertise the Service DNS name; take both from config."),
                FactKind.HOST_REFERENCE);
    }

    @Override
    protected boolean matches(Fact f) {
        return Hosts.isLoopback(subject(f))
                && !Hosts.hasUrlToLoopback(f.value())
                && !Hosts.hasUrlToLoopback(f.evidence().text());
    }

    @Override
    protected String message(Fact f) {
        String key = f.attr("configKey");
        return (key == null ? "an address" : key)
                + " is "
                + subject(f)
                + ": other pods cannot reach it";
    }
}
