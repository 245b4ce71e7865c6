package io.kubelift.checker.checks.manifest;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.ManifestCheck;
import io.kubelift.checker.k8s.KubeObject;
import io.kubelift.checker.k8s.ManifestBundle;
import io.kubelift.model.Severity;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A namespace that workloads run in without a ResourceQuota and a LimitRange. */
final class NamespaceQuotaCheck extends ManifestCheck {
    NamespaceQuotaCheck() {
        super(
                check("TF08-K8S-NO-NAMESPACE-QUOTA")
                        .severity(Severity.INFO)
                        .summary("A namespace has no ResourceQuota or LimitRange")
                        .rationale(
                                "Factor VIII: one namespace per environment with a ResourceQuota caps what the environment may "
                                        + "use, and a LimitRange gives containers that forgot them default requests and limits.")
                        .remediation(
                                "Add a ResourceQuota and a LimitRange to each namespace the app is deployed to (in the "
                                        + "environment's Kustomize overlay)."));
    }

    @Override
    protected List<Hit> inspect(KubeObject o, ManifestBundle bundle) {
        // Report once per namespace: at the Namespace object if there is one, else at the first
        // workload in it.
        String ns;
        if (o.kind().equals("Namespace")) {
            ns = o.name() == null ? "" : o.name();
        } else if (o.hasPods()) {
            ns = o.namespaceOrEmpty();
            boolean hasNamespaceObject =
                    bundle.ofKind("Namespace").stream().anyMatch(n -> ns.equals(n.name()));
            KubeObject first =
                    bundle.withPods().stream()
                            .filter(w -> w.namespaceOrEmpty().equals(ns))
                            .findFirst()
                            .orElse(o);
            if (hasNamespaceObject || first != o) {
                return List.of();
            }
        } else {
            return List.of();
        }
        Set<String> missing = new TreeSet<>();
        for (String kind : List.of("ResourceQuota", "LimitRange")) {
            if (bundle.ofKind(kind).stream().noneMatch(q -> q.namespaceOrEmpty().equals(ns))) {
                missing.add(kind);
            }
        }
        if (missing.isEmpty()) {
            return List.of();
        }
        String where =
                ns.isEmpty() ? "the namespace these manifests are applied to" : "namespace " + ns;
        return List.of(new Hit(o.line(), where + " has no " + String.join(" and no ", missing)));
    }
}
