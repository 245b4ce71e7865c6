package io.kubelift.checker.checks.app;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.FactCheck;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Severity;

/** A backing service is configured as a local file or an embedded database */
final class LocalOnlyBackendCheck extends FactCheck {
    LocalOnlyBackendCheck() {
        super(
                check("TF10-LOCAL-ONLY-BACKEND")
                        .severity(Severity.WARNING)
                        .summary(
                                "A backing service is configured as a local file or an embedded database")
                        .rationale(
                                "Factor X: file:/// file systems and embedded databases (H2, Derby, HSQLDB) behave differently from the services used in production and keep data on the pod's disk.")
                        .remediation(
                                "Use the same kind of backing service in every environment (HDFS or an object store instead of file:///, the production database engine instead of an embedded one) and point to it by Service name."),
                FactKind.CONFIG_PROPERTY);
    }

    @Override
    protected boolean matches(Fact f) {
        String v = f.value() == null ? "" : f.value().strip().toLowerCase(java.util.Locale.ROOT);
        String key = subject(f).toLowerCase(java.util.Locale.ROOT);
        boolean localFs =
                v.startsWith("file:")
                        && key.matches(
                                ".*(defaultfs|default\\.name|\\.fs|filesystem|store\\.uri|storage\\.uri)$");
        return localFs
                || v.matches("jdbc:(h2|derby|hsqldb):(mem:|file:|~|/|\\.|directory:).*")
                || v.matches("jdbc:sqlite:.*");
    }

    @Override
    protected String message(Fact f) {
        return subject(f) + " points at a local-only backend (" + f.value() + ")";
    }
}
