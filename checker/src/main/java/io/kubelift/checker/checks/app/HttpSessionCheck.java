package io.kubelift.checker.checks.app;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.FactCheck;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Severity;

/** A web app keeps state in HTTP sessions */
final class HttpSessionCheck extends FactCheck {
    HttpSessionCheck() {
        super(
                check("TF06-HTTP-SESSION")
                        .severity(Severity.WARNING)
                        .summary("A web app keeps state in HTTP sessions")
                        .rationale(
                                "Factor VI: in-memory sessions tie a user to one replica; scaling out or restarting a pod logs users out or loses their data.")
                        .remediation(
                                "Keep session state in a backing store (Redis, a database, Spring Session) or make the app stateless (tokens); sticky sessions only hide the problem."),
                FactKind.HTTP_SESSION);
    }

    @Override
    protected String message(Fact f) {
        return "HTTP session state (" + subject(f) + ") lives in one process";
    }
}
