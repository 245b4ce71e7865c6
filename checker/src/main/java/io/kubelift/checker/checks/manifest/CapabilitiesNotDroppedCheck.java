package io.kubelift.checker.checks.manifest;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.ContainerCheck;
import io.kubelift.checker.k8s.KubeObject;
import io.kubelift.model.Severity;

/** Capabilities not dropped (drop: [ALL]) or dangerous ones added. */
final class CapabilitiesNotDroppedCheck extends ContainerCheck {
    private static final java.util.Set<String> ALLOWED_ADD = java.util.Set.of("NET_BIND_SERVICE");

    CapabilitiesNotDroppedCheck() {
        super(
                check("TF15-K8S-CAPABILITIES-NOT-DROPPED")
                        .severity(Severity.WARNING)
                        .fixedByGenerate()
                        .summary("A container keeps Linux capabilities it does not need")
                        .rationale(
                                "Factor XV: the default capability set (NET_RAW, CHOWN, SETUID…) helps an attacker; the Pod Security "
                                        + "Standard 'restricted' drops ALL and allows adding only NET_BIND_SERVICE.")
                        .remediation(
                                "Set securityContext.capabilities.drop: [ALL] and add back only NET_BIND_SERVICE if the process "
                                        + "binds a port below 1024 (kubelift generate drops ALL)."));
    }

    @Override
    protected Hit inspect(KubeObject o, KubeObject.Container c) {
        var drop =
                c.node().listAt("securityContext", "capabilities", "drop").stream()
                        .map(
                                n ->
                                        n.text() == null
                                                ? ""
                                                : n.text().toUpperCase(java.util.Locale.ROOT))
                        .toList();
        var added =
                c.node().listAt("securityContext", "capabilities", "add").stream()
                        .map(
                                n ->
                                        n.text() == null
                                                ? ""
                                                : n.text()
                                                        .toUpperCase(java.util.Locale.ROOT)
                                                        .replaceFirst("^CAP_", ""))
                        .filter(a -> !ALLOWED_ADD.contains(a))
                        .sorted()
                        .toList();
        if (!added.isEmpty()) {
            return new Hit(
                    c.node().lineOf("securityContext", "capabilities", "add"),
                    label(c) + " adds capabilities " + String.join(", ", added));
        }
        if (!drop.contains("ALL")) {
            return new Hit(
                    c.node().lineOf("securityContext", "capabilities"),
                    label(c) + " does not drop ALL capabilities");
        }
        return null;
    }
}
