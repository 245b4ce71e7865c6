package io.kubelift.checker.checks.manifest;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.ManifestCheck;
import io.kubelift.checker.k8s.KubeObject;
import io.kubelift.checker.k8s.ManifestBundle;
import io.kubelift.model.Severity;
import java.util.List;

/** A replicated Deployment or StatefulSet without a PodDisruptionBudget. */
final class NoPodDisruptionBudgetCheck extends ManifestCheck {
    NoPodDisruptionBudgetCheck() {
        super(
                check("TF09-K8S-NO-PDB")
                        .severity(Severity.WARNING)
                        .fixedByGenerate()
                        .summary("A replicated workload has no PodDisruptionBudget")
                        .rationale(
                                "Factor IX: without a PodDisruptionBudget a node drain may evict every replica at once, turning "
                                        + "routine cluster maintenance into an outage.")
                        .remediation(
                                "Add a PodDisruptionBudget selecting the pods with maxUnavailable: 1 (kubelift generate adds one "
                                        + "for every component with two or more replicas)."));
    }

    @Override
    protected List<Hit> inspect(KubeObject o, ManifestBundle bundle) {
        if (!o.kind().equals("Deployment") && !o.kind().equals("StatefulSet")) {
            return List.of();
        }
        String replicas = o.root().textAt("spec", "replicas");
        if (replicas == null || !replicas.matches("\\d+") || Integer.parseInt(replicas) < 2) {
            return List.of();
        }
        boolean covered =
                bundle.ofKind("PodDisruptionBudget").stream()
                        .filter(p -> p.namespaceOrEmpty().equals(o.namespaceOrEmpty()))
                        .anyMatch(
                                p -> {
                                    var sel = p.root().stringsAt("spec", "selector", "matchLabels");
                                    return !sel.isEmpty()
                                            && ManifestBundle.selects(sel, o.podLabels());
                                });
        return covered
                ? List.of()
                : List.of(
                        new Hit(
                                o.line(),
                                "no PodDisruptionBudget selects its " + replicas + " replicas"));
    }
}
