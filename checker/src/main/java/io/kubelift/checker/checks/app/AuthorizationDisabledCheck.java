package io.kubelift.checker.checks.app;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.FactCheck;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Severity;

/** Authorization or ACL checks are switched off in the config */
final class AuthorizationDisabledCheck extends FactCheck {
    AuthorizationDisabledCheck() {
        super(
                check("TF15-AUTHZ-DISABLED")
                        .severity(Severity.WARNING)
                        .summary("Authorization or ACL checks are switched off in the config")
                        .rationale(
                                "Factor XV: with authorization off every authenticated (or anonymous) caller may do everything, including admin operations.")
                        .remediation(
                                "Enable service-level authorization and ACLs (e.g. hadoop.security.authorization=true, yarn.acl.enable=true) and ship the ACL policy as a ConfigMap."),
                FactKind.CONFIG_PROPERTY);
    }

    @Override
    protected boolean matches(Fact f) {
        String key = subject(f).toLowerCase(java.util.Locale.ROOT);
        return "false".equalsIgnoreCase(f.value() == null ? "" : f.value().strip())
                && key.matches(
                        ".*(^|[._-])(authorization|authorization[._-]enabled|acl[._-]enable|acls[._-]enabled|permissions[._-]enabled|security[._-]enabled)$");
    }

    @Override
    protected String message(Fact f) {
        return subject(f) + " is false: authorization is off";
    }
}
