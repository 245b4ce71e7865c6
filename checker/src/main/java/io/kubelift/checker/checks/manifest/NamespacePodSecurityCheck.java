package io.kubelift.checker.checks.manifest;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.ManifestCheck;
import io.kubelift.checker.k8s.KubeObject;
import io.kubelift.checker.k8s.ManifestBundle;
import io.kubelift.model.Severity;
import java.util.List;

/** A Namespace without a Pod Security admission enforce label. */
final class NamespacePodSecurityCheck extends ManifestCheck {
    private static final String LABEL = "pod-security.kubernetes.io/enforce";

    NamespacePodSecurityCheck() {
        super(
                check("TF15-K8S-NAMESPACE-NO-POD-SECURITY")
                        .severity(Severity.INFO)
                        .summary("A Namespace does not enforce a Pod Security Standard")
                        .rationale(
                                "Factor XV: the pod-security.kubernetes.io/enforce label makes the API server reject pods that run "
                                        + "as root, privileged or with host namespaces, whatever a later manifest says.")
                        .remediation(
                                "Label the namespace pod-security.kubernetes.io/enforce: restricted (or baseline while migrating)."));
    }

    @Override
    protected List<Hit> inspect(KubeObject o, ManifestBundle bundle) {
        if (!o.kind().equals("Namespace")) {
            return List.of();
        }
        String level = o.root().stringsAt("metadata", "labels").get(LABEL);
        if ("restricted".equals(level) || "baseline".equals(level)) {
            return List.of();
        }
        return List.of(
                new Hit(
                        o.root().lineOf("metadata", "labels"),
                        level == null ? "no " + LABEL + " label" : LABEL + " is " + level));
    }
}
