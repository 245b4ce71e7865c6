package io.kubelift.checker;

import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Finding;
import io.kubelift.model.Severity;
import java.util.List;

/** A check that reports one finding per analyzer fact of one kind that {@link #matches(Fact)}. */
public abstract class FactCheck extends AbstractCheck {
    private final FactKind kind;

    protected FactCheck(String id, Severity severity, boolean fixedByGenerate, FactKind kind, String summary,
            String rationale, String remediation) {
        super(id, severity, CheckSource.APP, fixedByGenerate, summary, rationale, remediation);
        this.kind = kind;
    }

    protected boolean matches(Fact fact) {
        return true;
    }

    protected abstract String message(Fact fact);

    @Override
    public List<Finding> run(CheckContext context) {
        return context.facts(kind).stream().filter(this::matches).map(f -> finding(f.evidence(), message(f))).toList();
    }

    /** The fact's subject, or "?" when it has none. */
    protected static String subject(Fact f) {
        return f.subject() == null ? "?" : f.subject();
    }
}
