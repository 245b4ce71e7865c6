package io.kubelift.checker.checks.plan;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.CheckContext;
import io.kubelift.checker.ComponentCheck;
import io.kubelift.model.Component;
import io.kubelift.model.Peer;
import io.kubelift.model.Severity;
import java.util.stream.Collectors;

/** A peer whose component is not in the plan, so its host cannot be rewritten to a Service name. */
final class UnresolvedPeerCheck extends ComponentCheck {
    UnresolvedPeerCheck() {
        super(
                check("TF04-PLAN-UNRESOLVED-PEER")
                        .severity(Severity.ERROR)
                        .summary("A peer names a component that is not in the plan")
                        .rationale(
                                "Factor IV: the generator replaces a peer's legacy host with the Service of the component it names; "
                                        + "when that component does not exist the config keeps pointing at the old machine.")
                        .remediation(
                                "Fix spec.components[].peers[].component to the name of a planned component, or add the component; "
                                        + "for a service outside the cluster, keep its address in a ConfigMap instead of a peer."));
    }

    @Override
    protected String problem(Component c, CheckContext context) {
        String missing =
                c.peers().stream()
                        .filter(p -> context.plan().component(p.component()).isEmpty())
                        .map(Peer::component)
                        .distinct()
                        .sorted()
                        .collect(Collectors.joining(", "));
        return missing.isEmpty() ? null : "peers name unknown component(s): " + missing;
    }
}
