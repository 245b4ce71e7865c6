package io.kubelift.checker.checks.manifest;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.ManifestCheck;
import io.kubelift.checker.k8s.KubeObject;
import io.kubelift.checker.k8s.ManifestBundle;
import io.kubelift.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** hostNetwork, hostPID or hostIPC. */
final class HostNamespacesCheck extends ManifestCheck {
    HostNamespacesCheck() {
        super(
                check("TF15-K8S-HOST-NAMESPACES")
                        .severity(Severity.ERROR)
                        .fixedByGenerate()
                        .summary("A pod shares the node's network, process or IPC namespace")
                        .rationale(
                                "Factor XV: hostNetwork, hostPID and hostIPC let a pod see and talk to everything on the node and "
                                        + "bypass NetworkPolicies; Pod Security 'baseline' forbids them.")
                        .remediation(
                                "Remove hostNetwork/hostPID/hostIPC; expose ports through a Service."));
    }

    @Override
    protected List<Hit> inspect(KubeObject o, ManifestBundle bundle) {
        List<Hit> out = new ArrayList<>();
        o.podSpec()
                .ifPresent(
                        spec -> {
                            for (String key : List.of("hostNetwork", "hostPID", "hostIPC")) {
                                if (spec.isTrue(key)) {
                                    out.add(new Hit(spec.lineOf(key), key + " is true"));
                                }
                            }
                        });
        return out;
    }
}
