package io.kubelift.checker.checks.app;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.CheckContext;
import io.kubelift.checker.FactCheck;
import io.kubelift.checker.GeneratedOutput;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Severity;

/** A password, key or token is stored as plain text in the app's files */
final class LiteralSecretCheck extends FactCheck {
    LiteralSecretCheck() {
        super(
                check("TF03-LITERAL-SECRET")
                        .severity(Severity.ERROR)
                        .fixedByGenerate()
                        .summary(
                                "A password, key or token is stored as plain text in the app's files")
                        .rationale(
                                "Factors III and XV: credentials in config files end up in images, ConfigMaps and version control, and cannot be rotated per environment.")
                        .remediation(
                                "Move the value to a Kubernetes Secret and reference it (${env.VAR} in Hadoop configs, an environment variable or a mounted file elsewhere); kubelift generate moves every detected secret into a Secret and rewrites the reference."),
                FactKind.SECRET);
    }

    @Override
    protected boolean matches(Fact f) {
        return !io.kubelift.checker.SecretText.isReferenceOnly(f.evidence().text());
    }

    @Override
    protected String message(Fact f) {
        return "plain-text "
                + (f.attr("kind") == null ? "secret" : f.attr("kind"))
                + " in "
                + subject(f)
                + " (value hidden)";
    }

    /**
     * Fixed when the file is replaced by a generated copy in which the setting holds a reference
     * (or is gone), or, for a script, when no generated entrypoint runs it. A file nothing replaces
     * carries the secret into the image.
     */
    @Override
    protected boolean survives(Fact f, GeneratedOutput out, CheckContext context) {
        String file = f.evidence() == null ? null : f.evidence().file();
        if (file == null) {
            return true;
        }
        java.util.Optional<String> copy = out.replacementOf(file);
        if (copy.isPresent()) {
            return settingValue(copy.get(), subject(f))
                    .map(io.kubelift.checker.SecretText::isLiteral)
                    .orElse(false);
        }
        return !isScript(file) || out.runs(file);
    }
}
