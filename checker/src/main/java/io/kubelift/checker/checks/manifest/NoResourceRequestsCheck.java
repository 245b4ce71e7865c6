package io.kubelift.checker.checks.manifest;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.ContainerCheck;
import io.kubelift.checker.k8s.KubeObject;
import io.kubelift.checker.k8s.ManifestBundle;
import io.kubelift.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * A container without CPU and memory requests (a LimitRange default of its namespace counts as
 * one).
 */
final class NoResourceRequestsCheck extends ContainerCheck {
    NoResourceRequestsCheck() {
        super(
                check("TF08-K8S-NO-RESOURCE-REQUESTS")
                        .severity(Severity.WARNING)
                        .fixedByGenerate()
                        .summary("A container has no CPU or memory request")
                        .rationale(
                                "Factor VIII: the scheduler places pods by their requests; without them pods are packed onto full "
                                        + "nodes, evicted first under pressure, and autoscalers have nothing to scale on.")
                        .remediation(
                                "Set resources.requests.cpu and resources.requests.memory (or give the namespace a LimitRange with "
                                        + "defaultRequest); kubelift generate takes them from the plan (memory derived from the legacy heap)."));
    }

    @Override
    protected List<Hit> inspect(KubeObject o, ManifestBundle bundle) {
        boolean cpuDefault = defaulted(o, bundle, "cpu");
        boolean memDefault = defaulted(o, bundle, "memory");
        List<Hit> out = new ArrayList<>();
        for (Hit h : super.inspect(o, bundle)) {
            boolean noCpu = h.message().contains("no cpu") && !cpuDefault;
            boolean noMem =
                    (h.message().contains("no memory") || h.message().contains("or memory"))
                            && !memDefault;
            if (noCpu || noMem) {
                String base = h.message().substring(0, h.message().indexOf(" has no "));
                out.add(
                        new Hit(
                                h.line(),
                                base
                                        + " has no "
                                        + (noCpu && noMem
                                                ? "cpu or memory request"
                                                : noCpu ? "cpu request" : "memory request")));
            }
        }
        return out;
    }

    /**
     * A LimitRange of the object's namespace (e.g. from a rendered overlay) gives its containers a
     * default request.
     */
    private static boolean defaulted(KubeObject o, ManifestBundle bundle, String resource) {
        return bundle.ofKind("LimitRange").stream()
                .filter(l -> l.namespaceOrEmpty().equals(o.namespaceOrEmpty()))
                .flatMap(l -> l.root().listAt("spec", "limits").stream())
                .filter(l -> "Container".equals(l.textAt("type")))
                .anyMatch(
                        l ->
                                l.textAt("defaultRequest", resource) != null
                                        || l.textAt("default", resource) != null);
    }

    @Override
    protected Hit inspect(KubeObject o, KubeObject.Container c) {
        boolean cpu = c.node().textAt("resources", "requests", "cpu") != null;
        boolean mem = c.node().textAt("resources", "requests", "memory") != null;
        if (cpu && mem) {
            return null;
        }
        String missing =
                !cpu && !mem ? "cpu or memory request" : !cpu ? "cpu request" : "memory request";
        return new Hit(c.node().lineOf("resources"), label(c) + " has no " + missing);
    }
}
