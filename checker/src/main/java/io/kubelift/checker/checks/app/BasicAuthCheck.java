package io.kubelift.checker.checks.app;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.FactCheck;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Severity;

/** The app authenticates with basic, digest or form passwords of its own */
final class BasicAuthCheck extends FactCheck {
    BasicAuthCheck() {
        super(
                check("TF15-BASIC-AUTH")
                        .severity(Severity.WARNING)
                        .summary(
                                "The app authenticates with basic, digest or form passwords of its own")
                        .rationale(
                                "Factor XV: app-local password checks mean credentials stored in the app, no single sign-on and no central revocation.")
                        .remediation(
                                "Delegate authentication to an identity provider (OIDC/OAuth2, Kerberos), e.g. through an authenticating proxy in front of the Service."),
                FactKind.AUTH_MECHANISM);
    }

    @Override
    protected boolean matches(Fact f) {
        return subject(f).toLowerCase(java.util.Locale.ROOT).matches("basic|digest|form|plain");
    }

    @Override
    protected String message(Fact f) {
        return "authentication uses " + subject(f) + " with app-local credentials";
    }
}
