package io.kubelift.checker.checks.manifest;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.ManifestCheck;
import io.kubelift.checker.k8s.KubeObject;
import io.kubelift.checker.k8s.ManifestBundle;
import io.kubelift.model.Severity;
import java.util.List;

/** The API token is mounted into pods that do not say they need it. */
final class ServiceAccountTokenCheck extends ManifestCheck {
    ServiceAccountTokenCheck() {
        super(
                check("TF15-K8S-SA-TOKEN-MOUNTED")
                        .severity(Severity.WARNING)
                        .fixedByGenerate()
                        .summary("Pods get a Kubernetes API token mounted automatically")
                        .rationale(
                                "Factor XV: a legacy app does not call the Kubernetes API; a mounted token is only useful to an "
                                        + "attacker who gets into the container.")
                        .remediation(
                                "Set automountServiceAccountToken: false on the pod spec (or its ServiceAccount) unless the app "
                                        + "talks to the API server (kubelift generate does)."));
    }

    @Override
    protected List<Hit> inspect(KubeObject o, ManifestBundle bundle) {
        return o.podSpec()
                .map(
                        spec -> {
                            if (spec.isFalse("automountServiceAccountToken")) {
                                return List.<Hit>of();
                            }
                            if (spec.at("automountServiceAccountToken").isEmpty()
                                    && accountDisables(
                                            o, spec.textAt("serviceAccountName"), bundle)) {
                                return List.<Hit>of();
                            }
                            return List.of(
                                    new Hit(
                                            spec.lineOf("automountServiceAccountToken"),
                                            "the service account token is mounted"));
                        })
                .orElse(List.of());
    }

    private static boolean accountDisables(KubeObject o, String sa, ManifestBundle bundle) {
        String name = sa == null ? "default" : sa;
        return bundle.ofKind("ServiceAccount").stream()
                .anyMatch(
                        a ->
                                name.equals(a.name())
                                        && a.namespaceOrEmpty().equals(o.namespaceOrEmpty())
                                        && a.root().isFalse("automountServiceAccountToken"));
    }
}
