package io.kubelift.checker.checks.manifest;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.ManifestCheck;
import io.kubelift.checker.k8s.KubeObject;
import io.kubelift.checker.k8s.ManifestBundle;
import io.kubelift.model.Severity;
import java.util.List;

/** A NodePort Service. */
final class NodePortServiceCheck extends ManifestCheck {
    NodePortServiceCheck() {
        super(
                check("TF07-K8S-NODEPORT")
                        .severity(Severity.WARNING)
                        .fixedByGenerate()
                        .summary("A Service is exposed as NodePort")
                        .rationale(
                                "Factor VII: a NodePort opens the port on every node of the cluster, outside any Ingress, TLS and "
                                        + "authentication at the edge.")
                        .remediation(
                                "Use a ClusterIP Service and expose HTTP through an Ingress (or a LoadBalancer for non-HTTP "
                                        + "protocols); kubelift generate emits ClusterIP Services and an Ingress for web UIs."));
    }

    @Override
    protected List<Hit> inspect(KubeObject o, ManifestBundle bundle) {
        if (o.kind().equals("Service") && "NodePort".equals(o.root().textAt("spec", "type"))) {
            return List.of(new Hit(o.root().lineOf("spec", "type"), "type is NodePort"));
        }
        return List.of();
    }
}
