package io.kubelift.checker;

import io.kubelift.model.Evidence;
import io.kubelift.model.Finding;
import io.kubelift.model.Severity;

/** Holds a check's {@link CheckInfo} and builds its findings. */
public abstract class AbstractCheck implements Check {
    private final CheckInfo info;

    /** A check declared by name ({@link CheckDeclaration}); it must say what it {@code reads}. */
    protected AbstractCheck(CheckDeclaration declaration) {
        this(declaration, null);
    }

    /** For the base classes: {@code source} unless the declaration names its own. */
    AbstractCheck(CheckDeclaration declaration, CheckSource source) {
        this.info = declaration.info(source);
    }

    /**
     * A check described by position, for the checks of rule files ({@code RuleCheck}); Java checks
     * use {@link #AbstractCheck(CheckDeclaration)}.
     */
    protected AbstractCheck(
            String id,
            Severity severity,
            CheckSource source,
            boolean fixedByGenerate,
            String summary,
            String rationale,
            String remediation) {
        this.info =
                new CheckInfo(
                        id,
                        factorOf(id),
                        severity,
                        summary,
                        rationale,
                        remediation,
                        fixedByGenerate,
                        source);
    }

    /** The factor an id names: {@code TF03-…} is factor III. */
    static Factor factorOf(String id) {
        if (id == null || !id.matches("TF\\d\\d-.*")) {
            throw new IllegalArgumentException("check id must start with TFnn-: " + id);
        }
        int n = Integer.parseInt(id.substring(2, 4));
        if (n < 1 || n > Factor.values().length) {
            throw new IllegalArgumentException("check id " + id + " names no factor (TF01..TF15)");
        }
        return Factor.values()[n - 1];
    }

    @Override
    public final CheckInfo info() {
        return info;
    }

    /**
     * A finding at {@code file:line}; {@code snippet} must already be display-safe (masked).
     * Whether generate fixes it is set by the {@link Checker}, measured on the generated output.
     */
    protected Finding finding(String file, int line, String message, String snippet) {
        return new Finding(
                info.id(),
                info.factor().numeral(),
                info.severity(),
                file,
                line,
                message,
                info.remediation(),
                false,
                snippet);
    }

    /** A finding at the evidence's place, with the evidence's (already masked) text as snippet. */
    protected Finding finding(Evidence evidence, String message) {
        return finding(
                evidence.file(), evidence.line(), message, SecretText.maskLine(evidence.text()));
    }
}
