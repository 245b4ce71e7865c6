package io.kubelift.checker.checks.app;

import io.kubelift.checker.FactCheck;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Severity;

/** Authorization or ACL checks are switched off in the config */
public final class AuthorizationDisabledCheck extends FactCheck {
    public AuthorizationDisabledCheck() {
        super(
                "TF15-AUTHZ-DISABLED",
                Severity.WARNING,
                false,
                FactKind.CONFIG_PROPERTY,
                "Authorization or ACL checks are switched off in the config",
                "Factor XV: with authorization off every authenticated (or anonymous) caller may do everything, including admin operations.",
                "Enable service-level authorization and ACLs (e.g. hadoop.security.authorization=true, yarn.acl.enable=true) and ship the ACL policy as a ConfigMap.");
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
