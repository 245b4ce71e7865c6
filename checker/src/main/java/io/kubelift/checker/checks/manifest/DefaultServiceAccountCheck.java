package io.kubelift.checker.checks.manifest;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.ManifestCheck;
import io.kubelift.checker.k8s.KubeObject;
import io.kubelift.checker.k8s.ManifestBundle;
import io.kubelift.model.Severity;
import java.util.List;

/** Pods running under the namespace's default service account. */
final class DefaultServiceAccountCheck extends ManifestCheck {
    DefaultServiceAccountCheck() {
        super(
                check("TF15-K8S-DEFAULT-SERVICE-ACCOUNT")
                        .severity(Severity.WARNING)
                        .fixedByGenerate()
                        .summary("Pods run as the namespace's default service account")
                        .rationale(
                                "Factor XV: permissions granted to 'default' for one app leak to every pod in the namespace; each "
                                        + "workload should have its own identity with the least privilege it needs.")
                        .remediation(
                                "Create a ServiceAccount per workload and set spec.serviceAccountName (kubelift generate does)."));
    }

    @Override
    protected List<Hit> inspect(KubeObject o, ManifestBundle bundle) {
        return o.podSpec()
                .map(
                        spec -> {
                            String sa = spec.textAt("serviceAccountName");
                            if (sa == null || sa.isBlank() || sa.equals("default")) {
                                return List.of(
                                        new Hit(
                                                sa == null
                                                        ? spec.line()
                                                        : spec.lineOf("serviceAccountName"),
                                                "pods use the default service account"));
                            }
                            return List.<Hit>of();
                        })
                .orElse(List.of());
    }
}
