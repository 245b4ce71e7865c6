package io.kubelift.checker.checks.app;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.CheckContext;
import io.kubelift.checker.FactCheck;
import io.kubelift.checker.GeneratedOutput;
import io.kubelift.checker.Hosts;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Severity;

/** A literal host name or IP address of another machine in config or code. */
final class HardcodedHostCheck extends FactCheck {
    HardcodedHostCheck() {
        super(
                check("TF03-CONFIG-HARDCODED-HOST")
                        .severity(Severity.WARNING)
                        .fixedByGenerate()
                        .summary("Config or code names a specific host")
                        .rationale(
                                "Factors III and IV: a literal host name or IP ties the app to one machine and one environment; in "
                                        + "Kubernetes peers are reached through Service DNS names that differ per namespace.")
                        .remediation(
                                "Reference the peer by its Kubernetes Service name, injected through a ConfigMap or environment "
                                        + "variable; kubelift generate rewrites every peer the plan lists to the Service of that component."),
                FactKind.HOST_REFERENCE);
    }

    @Override
    protected boolean matches(Fact f) {
        String host = subject(f);
        return !Hosts.isLoopback(host)
                && !Hosts.isWildcard(host)
                && !Hosts.isPlaceholder(host)
                && !Hosts.isDocumentation(host);
    }

    @Override
    protected String message(Fact f) {
        String key = f.attr("configKey");
        return "hard-coded host " + subject(f) + (key == null ? "" : " in " + key);
    }

    /**
     * Fixed only when no generated file still holds the host and no unreplaced file carries it into
     * the image.
     */
    @Override
    protected boolean survives(Fact f, GeneratedOutput out, CheckContext context) {
        return literalSurvives(f, subject(f), out);
    }
}
