package io.kubelift.checker.checks.manifest;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.ManifestCheck;
import io.kubelift.checker.k8s.KubeObject;
import io.kubelift.checker.k8s.ManifestBundle;
import io.kubelift.checker.k8s.YamlNode;
import io.kubelift.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Several replicas of a Deployment mount one ReadWriteOnce PersistentVolumeClaim. */
final class ReplicasShareVolumeCheck extends ManifestCheck {
    private static final Set<String> EXCLUSIVE = Set.of("ReadWriteOnce", "ReadWriteOncePod");

    ReplicasShareVolumeCheck() {
        super(
                check("TF08-K8S-REPLICAS-SHARE-VOLUME")
                        .severity(Severity.WARNING)
                        .summary("Several replicas of a Deployment share one ReadWriteOnce volume")
                        .rationale(
                                "Factors VI and VIII: all replicas of a Deployment mount the same claim; a ReadWriteOnce volume can be "
                                        + "attached to one node only, so the second pod hangs in ContainerCreating, or, on the same node, two "
                                        + "processes write one directory they each believe they own. More replicas here is not more capacity.")
                        .remediation(
                                "Keep one replica (the process cannot run twice on this state), or make it a StatefulSet with one claim "
                                        + "per replica (volumeClaimTemplates) and make the process share-nothing, or move the state to a "
                                        + "backing service."));
    }

    @Override
    protected List<Hit> inspect(KubeObject o, ManifestBundle bundle) {
        if (!o.kind().equals("Deployment") && !o.kind().equals("ReplicaSet")) {
            return List.of();
        }
        String replicas = o.root().textAt("spec", "replicas");
        boolean hpa =
                bundle.ofKind("HorizontalPodAutoscaler").stream()
                        .anyMatch(
                                h ->
                                        h.namespaceOrEmpty().equals(o.namespaceOrEmpty())
                                                && o.name() != null
                                                && o.name()
                                                        .equals(
                                                                h.root()
                                                                        .textAt(
                                                                                "spec",
                                                                                "scaleTargetRef",
                                                                                "name")));
        boolean many =
                hpa
                        || replicas != null
                                && replicas.matches("\\d+")
                                && Integer.parseInt(replicas) >= 2;
        if (!many) {
            return List.of();
        }
        List<Hit> out = new ArrayList<>();
        for (String claim : exclusiveClaims(o, bundle)) {
            out.add(
                    new Hit(
                            o.root().lineOf("spec", "replicas"),
                            o.ref()
                                    + ": "
                                    + (hpa ? "autoscaled" : "replicas: " + replicas)
                                    + " but every pod mounts the ReadWriteOnce claim "
                                    + claim));
        }
        return out;
    }

    /** The ReadWriteOnce claims (as declared in the bundle) the object's pods mount. */
    static List<String> exclusiveClaims(KubeObject o, ManifestBundle bundle) {
        List<String> out = new ArrayList<>();
        o.podSpec()
                .ifPresent(
                        spec -> {
                            for (YamlNode v : spec.listAt("volumes")) {
                                String claim = v.textAt("persistentVolumeClaim", "claimName");
                                if (claim == null) {
                                    continue;
                                }
                                boolean exclusive =
                                        bundle.ofKind("PersistentVolumeClaim").stream()
                                                .filter(
                                                        c ->
                                                                claim.equals(c.name())
                                                                        && c.namespaceOrEmpty()
                                                                                .equals(
                                                                                        o
                                                                                                .namespaceOrEmpty()))
                                                .anyMatch(
                                                        c ->
                                                                c
                                                                        .root()
                                                                        .listAt(
                                                                                "spec",
                                                                                "accessModes")
                                                                        .stream()
                                                                        .anyMatch(
                                                                                m ->
                                                                                        EXCLUSIVE
                                                                                                .contains(
                                                                                                        m
                                                                                                                .text())));
                                if (exclusive) {
                                    out.add(claim);
                                }
                            }
                        });
        return out;
    }
}
