package io.kubelift.checker.checks.app;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.FactCheck;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Severity;

/** The app uses RMI, CORBA or JAX-RPC */
final class LegacyRemotingCheck extends FactCheck {
    LegacyRemotingCheck() {
        super(
                check("TF04-LEGACY-REMOTING")
                        .severity(Severity.WARNING)
                        .summary("The app uses RMI, CORBA or JAX-RPC")
                        .rationale(
                                "Factors IV and XIII: RMI and CORBA use dynamic ports and object references that embed host names, which break behind Services and NAT; the interface has no language-neutral contract.")
                        .remediation(
                                "Expose the interface as HTTP/REST or gRPC with a published description; if RMI must stay, fix its ports (com.sun.management.jmxremote.rmi.port, java.rmi.server.hostname set to the Service name)."),
                FactKind.LEGACY_REMOTING);
    }

    @Override
    protected boolean matches(Fact f) {
        return !subject(f).toLowerCase(java.util.Locale.ROOT).matches("jni|jna|native");
    }

    @Override
    protected String message(Fact f) {
        return "legacy remoting: " + subject(f);
    }
}
