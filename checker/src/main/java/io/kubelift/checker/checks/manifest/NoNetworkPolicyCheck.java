package io.kubelift.checker.checks.manifest;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.ManifestCheck;
import io.kubelift.checker.k8s.KubeObject;
import io.kubelift.checker.k8s.ManifestBundle;
import io.kubelift.model.Severity;
import java.util.List;

/** Pods that no NetworkPolicy in the manifests selects. */
final class NoNetworkPolicyCheck extends ManifestCheck {
    NoNetworkPolicyCheck() {
        super(
                check("TF15-K8S-NO-NETWORK-POLICY")
                        .severity(Severity.WARNING)
                        .summary("No NetworkPolicy selects a workload's pods")
                        .rationale(
                                "Factor XV: without a NetworkPolicy every pod in the cluster can connect to every port of the app, "
                                        + "including admin and RPC ports that were firewalled on the old hosts.")
                        .remediation(
                                "Add a NetworkPolicy that selects the pods and allows ingress only from the components and "
                                        + "Ingress controller that need it (a default-deny policy plus allow rules)."));
    }

    @Override
    protected List<Hit> inspect(KubeObject o, ManifestBundle bundle) {
        if (!o.hasPods()) {
            return List.of();
        }
        boolean selected =
                bundle.ofKind("NetworkPolicy").stream()
                        .filter(p -> p.namespaceOrEmpty().equals(o.namespaceOrEmpty()))
                        .anyMatch(
                                p ->
                                        p.root()
                                                .at("spec", "podSelector")
                                                .map(
                                                        sel ->
                                                                sel.at("matchExpressions")
                                                                                .isPresent() // not
                                                                        // evaluated: trust the
                                                                        // author
                                                                        || ManifestBundle.selects(
                                                                                sel.stringsAt(
                                                                                        "matchLabels"),
                                                                                o.podLabels()))
                                                .orElse(false));
        return selected
                ? List.of()
                : List.of(new Hit(o.line(), "no NetworkPolicy selects its pods"));
    }
}
