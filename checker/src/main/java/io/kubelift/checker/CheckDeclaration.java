package io.kubelift.checker;

import io.kubelift.model.Severity;

/**
 * How a Java check says what it is, by name instead of by position: {@code
 * check("TF15-K8S-HOST-NAMESPACES").severity(Severity.ERROR).fixedByGenerate().summary(…)
 * .rationale(…).remediation(…)}. The base class of a check ({@link FactCheck}, {@link
 * ComponentCheck}, {@link ManifestCheck}, {@link ContainerCheck}) says which evidence it reads; a
 * check built directly on {@link AbstractCheck} says it with {@link #reads}. The factor follows
 * from the id; {@link CheckInfo} checks that everything required is there.
 */
public final class CheckDeclaration {
    private final String id;
    private Severity severity;
    private CheckSource source;
    private boolean fixedByGenerate;
    private String summary;
    private String rationale;
    private String remediation;

    private CheckDeclaration(String id) {
        this.id = id;
    }

    /** Starts the declaration of check {@code id} (e.g. {@code TF03-CONFIG-HARDCODED-HOST}). */
    public static CheckDeclaration check(String id) {
        return new CheckDeclaration(id);
    }

    /** The default severity of its findings. */
    public CheckDeclaration severity(Severity value) {
        this.severity = value;
        return this;
    }

    /** The evidence it reads: the app's facts, the plan, or the manifests. */
    public CheckDeclaration reads(CheckSource value) {
        this.source = value;
        return this;
    }

    /**
     * {@code kubelift generate} is meant to fix what it finds (docs and the report say so; the
     * checker still measures it on the generated output).
     */
    public CheckDeclaration fixedByGenerate() {
        this.fixedByGenerate = true;
        return this;
    }

    /** One line: what is wrong. */
    public CheckDeclaration summary(String value) {
        this.summary = value;
        return this;
    }

    /** Why it matters, starting with the factor. */
    public CheckDeclaration rationale(String value) {
        this.rationale = value;
        return this;
    }

    /** How to fix it. */
    public CheckDeclaration remediation(String value) {
        this.remediation = value;
        return this;
    }

    /** The check's description; a base class's evidence source unless the check named its own. */
    CheckInfo info(CheckSource baseSource) {
        return new CheckInfo(
                id,
                AbstractCheck.factorOf(id),
                severity,
                summary,
                rationale,
                remediation,
                fixedByGenerate,
                source != null ? source : baseSource);
    }
}
