package io.kubelift.checker.checks.manifest;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.ManifestCheck;
import io.kubelift.checker.k8s.KubeObject;
import io.kubelift.checker.k8s.ManifestBundle;
import io.kubelift.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** A hostPath volume. */
final class HostPathCheck extends ManifestCheck {
    HostPathCheck() {
        super(
                check("TF06-K8S-HOSTPATH")
                        .severity(Severity.ERROR)
                        .fixedByGenerate()
                        .summary("A pod mounts a directory of the node (hostPath)")
                        .rationale(
                                "Factor VI: state on a node's disk ties the pod to that node and is lost or shared by accident when "
                                        + "the pod moves; hostPath is also a classic container escape (Pod Security 'baseline' forbids it).")
                        .remediation(
                                "Use a PersistentVolumeClaim for durable state, an emptyDir for scratch, and stdout for logs "
                                        + "(kubelift generate never emits hostPath)."));
    }

    @Override
    protected List<Hit> inspect(KubeObject o, ManifestBundle bundle) {
        List<Hit> out = new ArrayList<>();
        o.podSpec()
                .ifPresent(
                        spec ->
                                spec.listAt("volumes")
                                        .forEach(
                                                v ->
                                                        v.at("hostPath")
                                                                .ifPresent(
                                                                        h ->
                                                                                out.add(
                                                                                        new Hit(
                                                                                                h
                                                                                                        .line(),
                                                                                                "volume "
                                                                                                        + v
                                                                                                                .textAt(
                                                                                                                        "name")
                                                                                                        + " mounts hostPath "
                                                                                                        + h
                                                                                                                .textAt(
                                                                                                                        "path"))))));
        return out;
    }
}
