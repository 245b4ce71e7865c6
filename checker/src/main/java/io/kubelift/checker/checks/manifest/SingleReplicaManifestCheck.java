package io.kubelift.checker.checks.manifest;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.ManifestCheck;
import io.kubelift.checker.k8s.KubeObject;
import io.kubelift.checker.k8s.ManifestBundle;
import io.kubelift.model.Severity;
import java.util.List;

/**
 * A Deployment with fewer than two replicas and no HorizontalPodAutoscaler (one that mounts a
 * ReadWriteOnce claim cannot run twice and is left to {@link ReplicasShareVolumeCheck}).
 */
final class SingleReplicaManifestCheck extends ManifestCheck {
    SingleReplicaManifestCheck() {
        super(
                check("TF08-K8S-SINGLE-REPLICA")
                        .severity(Severity.WARNING)
                        .summary("A Deployment runs a single replica")
                        .rationale(
                                "Factors VIII and IX: a Deployment is for interchangeable stateless pods; with one replica every "
                                        + "rollout, node drain or crash is an outage.")
                        .remediation(
                                "Set spec.replicas to 2 or more (or target the Deployment with a HorizontalPodAutoscaler with "
                                        + "minReplicas ≥ 2) and add a PodDisruptionBudget."));
    }

    @Override
    protected List<Hit> inspect(KubeObject o, ManifestBundle bundle) {
        if (!o.kind().equals("Deployment")) {
            return List.of();
        }
        boolean hpa =
                bundle.ofKind("HorizontalPodAutoscaler").stream()
                        .anyMatch(
                                h ->
                                        h.namespaceOrEmpty().equals(o.namespaceOrEmpty())
                                                && "Deployment"
                                                        .equals(
                                                                h.root()
                                                                        .textAt(
                                                                                "spec",
                                                                                "scaleTargetRef",
                                                                                "kind"))
                                                && o.name() != null
                                                && o.name()
                                                        .equals(
                                                                h.root()
                                                                        .textAt(
                                                                                "spec",
                                                                                "scaleTargetRef",
                                                                                "name")));
        String replicas = o.root().textAt("spec", "replicas");
        if (hpa
                || replicas != null
                        && replicas.matches("\\d+")
                        && Integer.parseInt(replicas) >= 2) {
            return List.of();
        }
        if ("0".equals(replicas)
                || !ReplicasShareVolumeCheck.exclusiveClaims(o, bundle).isEmpty()) {
            return List
                    .of(); // a pod that mounts a ReadWriteOnce claim cannot run twice: one replica
            // is right
        }
        return List.of(
                new Hit(
                        o.root().lineOf("spec", "replicas"),
                        replicas == null
                                ? "replicas not set (defaults to 1)"
                                : "replicas: " + replicas));
    }
}
