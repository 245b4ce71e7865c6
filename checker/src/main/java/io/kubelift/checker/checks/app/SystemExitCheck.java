package io.kubelift.checker.checks.app;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.FactCheck;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Severity;

/** Application code calls System.exit or Runtime.halt outside main */
final class SystemExitCheck extends FactCheck {
    SystemExitCheck() {
        super(
                check("TF09-SYSTEM-EXIT")
                        .severity(Severity.WARNING)
                        .summary("Application code calls System.exit or Runtime.halt outside main")
                        .rationale(
                                "Factor IX: exiting from deep inside the code skips shutdown hooks and graceful draining, and turns a recoverable error into a crash loop.")
                        .remediation(
                                "Throw or return to the main method and let it exit; register a shutdown hook for cleanup. Calls made by main itself are not reported when the analyzer marks them (attribute inMain=true)."),
                FactKind.SYSTEM_EXIT);
    }

    @Override
    protected boolean matches(Fact f) {
        return !"true".equals(f.attr("inMain"));
    }

    @Override
    protected String message(Fact f) {
        return "the code calls " + subject(f) + "; the pod is killed without a graceful shutdown";
    }
}
