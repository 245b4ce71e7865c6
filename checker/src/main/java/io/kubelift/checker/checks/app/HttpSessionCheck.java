package io.kubelift.checker.checks.app;

import io.kubelift.checker.FactCheck;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Severity;

/** A web app keeps state in HTTP sessions */
public final class HttpSessionCheck extends FactCheck {
    public HttpSessionCheck() {
        super(
                "TF06-HTTP-SESSION",
                Severity.WARNING,
                false,
                FactKind.HTTP_SESSION,
                "A web app keeps state in HTTP sessions",
                "Factor VI: in-memory sessions tie a user to one replica; scaling out or restarting a pod logs users out or loses their data.",
                "Keep session state in a backing store (Redis, a database, Spring Session) or make the app stateless (tokens); sticky sessions only hide the problem.");
    }

    @Override
    protected String message(Fact f) {
        return "HTTP session state (" + subject(f) + ") lives in one process";
    }
}
