package io.kubelift.checker.checks.manifest;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.ManifestCheck;
import io.kubelift.checker.k8s.KubeObject;
import io.kubelift.checker.k8s.ManifestBundle;
import io.kubelift.model.Severity;
import java.util.List;

/** A Service whose selector matches no pod template in the manifests. */
final class ServiceSelectsNothingCheck extends ManifestCheck {
    ServiceSelectsNothingCheck() {
        super(
                check("TF07-K8S-SERVICE-SELECTS-NOTHING")
                        .severity(Severity.ERROR)
                        .fixedByGenerate()
                        .summary("A Service selects no pods of the manifests")
                        .rationale(
                                "Factor VII: the app exports its port through the Service; a selector that matches no pod template "
                                        + "(a typo, a renamed label) leaves the Service without endpoints and every client failing.")
                        .remediation(
                                "Make spec.selector equal to labels of the workload's pod template (kubelift generate uses the "
                                        + "same app.kubernetes.io labels on both)."));
    }

    @Override
    protected List<Hit> inspect(KubeObject o, ManifestBundle bundle) {
        if (!o.kind().equals("Service") || bundle.withPods().isEmpty()) {
            return List.of();
        }
        var selector = o.root().stringsAt("spec", "selector");
        if (selector.isEmpty()) {
            return List.of(); // headless/ExternalName or endpoints managed by hand
        }
        boolean any = !bundle.podsSelectedBy(o.namespaceOrEmpty(), selector).isEmpty();
        return any
                ? List.of()
                : List.of(
                        new Hit(
                                o.root().lineOf("spec", "selector"),
                                "selector "
                                        + selector
                                        + " matches no pod template in these manifests"));
    }
}
