package io.kubelift.checker.checks.manifest;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.ContainerCheck;
import io.kubelift.checker.k8s.KubeObject;
import io.kubelift.model.Severity;

/** A container port bound to the node's port. */
final class HostPortCheck extends ContainerCheck {
    HostPortCheck() {
        super(
                check("TF07-K8S-HOST-PORT")
                        .severity(Severity.WARNING)
                        .fixedByGenerate()
                        .summary("A container binds a port of the node (hostPort)")
                        .rationale(
                                "Factor VII: a hostPort ties the pod to one port per node, limits scheduling to one replica per node "
                                        + "and bypasses Services and NetworkPolicies.")
                        .remediation(
                                "Remove hostPort and expose the port through a ClusterIP Service (and an Ingress for HTTP)."));
    }

    @Override
    protected Hit inspect(KubeObject o, KubeObject.Container c) {
        for (var p : c.node().listAt("ports")) {
            String hp = p.textAt("hostPort");
            if (hp != null && !hp.equals("0")) {
                return new Hit(p.lineOf("hostPort"), label(c) + " binds hostPort " + hp);
            }
        }
        return null;
    }
}
