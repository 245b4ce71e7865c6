package io.kubelift.checker.checks.app;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.FactCheck;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Severity;

/** The app runs with no real authentication (simple, none or anonymous) */
final class SimpleAuthCheck extends FactCheck {
    SimpleAuthCheck() {
        super(
                check("TF15-SIMPLE-AUTH")
                        .severity(Severity.ERROR)
                        .summary(
                                "The app runs with no real authentication (simple, none or anonymous)")
                        .rationale(
                                "Factor XV: with simple or no authentication any client that reaches the port can claim any identity; a cluster network is not a trust boundary.")
                        .remediation(
                                "Enable a real mechanism (Kerberos/SPNEGO for Hadoop, OIDC via an authenticating proxy or Ingress for web UIs) and disable anonymous access."),
                FactKind.AUTH_MECHANISM);
    }

    @Override
    protected boolean matches(Fact f) {
        return subject(f)
                .toLowerCase(java.util.Locale.ROOT)
                .matches("simple|none|anonymous|pseudo|disabled|off");
    }

    @Override
    protected String message(Fact f) {
        return "authentication is " + subject(f) + ": any client that reaches the port is trusted";
    }
}
