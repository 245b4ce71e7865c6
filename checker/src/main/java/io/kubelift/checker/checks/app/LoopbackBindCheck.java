package io.kubelift.checker.checks.app;

import io.kubelift.checker.FactCheck;
import io.kubelift.checker.Hosts;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Severity;

/**
 * A listen or advertised address set to loopback (not inside a URL): unreachable from other pods.
 */
public final class LoopbackBindCheck extends FactCheck {
    public LoopbackBindCheck() {
        super(
                "TF07-BIND-LOCALHOST",
                Severity.WARNING,
                false,
                FactKind.HOST_REFERENCE,
                "A listen or service address is set to localhost",
                "Factor VII: the app exports its service by binding a port; bound to loopback, or advertised to peers "
                        + "as localhost, it cannot be reached through a Service.",
                "Bind to 0.0.0.0 (all interfaces) and advertise the Service DNS name; take both from config.");
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
