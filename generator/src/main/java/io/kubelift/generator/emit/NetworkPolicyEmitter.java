package io.kubelift.generator.emit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import io.kubelift.generator.ComponentContext;
import io.kubelift.generator.ObjectNames;
import io.kubelift.generator.PlanContext;
import io.kubelift.model.Peer;
import io.kubelift.model.Port;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Network isolation: a default-deny policy for every pod of the namespace (ingress and egress), DNS
 * egress, and per component the traffic the plan's peers imply. Peers are allowed in both
 * directions (legacy RPC often calls back, e.g. a ResourceManager launching containers on the
 * NodeManager that names it as a peer), and pods of a component reach each other (clustered
 * members). Between these pods every port is open: legacy apps also listen on ports the plan cannot
 * list (a YARN ApplicationMaster's ephemeral RPC port inside a NodeManager pod). Web ports ({@code
 * appProtocol: http}) accept traffic from any namespace so an ingress controller can reach them.
 * Anything else (an external database) needs an allow added in an overlay.
 */
final class NetworkPolicyEmitter implements ResourceEmitter {
    @Override
    public List<HasMetadata> emit(PlanContext ctx) {
        List<HasMetadata> out = new ArrayList<>();
        out.add(
                new NetworkPolicyBuilder()
                        .withMetadata(Meta.app(ctx, ctx.appName() + "-default-deny"))
                        .withNewSpec()
                        .withPodSelector(new LabelSelector())
                        .withPolicyTypes("Ingress", "Egress")
                        .endSpec()
                        .build());
        out.add(
                new NetworkPolicyBuilder()
                        .withMetadata(Meta.app(ctx, ctx.appName() + "-allow-dns"))
                        .withNewSpec()
                        .withPodSelector(new LabelSelector())
                        .withPolicyTypes("Egress")
                        .addToEgress(
                                new NetworkPolicyEgressRuleBuilder()
                                        .withTo(
                                                new NetworkPolicyPeerBuilder()
                                                        .withNamespaceSelector(new LabelSelector())
                                                        .build())
                                        .withPorts(
                                                new NetworkPolicyPortBuilder()
                                                        .withProtocol("UDP")
                                                        .withPort(new IntOrString(53))
                                                        .build(),
                                                new NetworkPolicyPortBuilder()
                                                        .withProtocol("TCP")
                                                        .withPort(new IntOrString(53))
                                                        .build())
                                        .build())
                        .endSpec()
                        .build());
        for (ComponentContext c : ctx.components()) {
            TreeSet<String> related = related(ctx, c);
            List<NetworkPolicyPeer> peers =
                    related.stream()
                            .map(
                                    r ->
                                            new NetworkPolicyPeerBuilder()
                                                    .withPodSelector(
                                                            new LabelSelectorBuilder()
                                                                    .withMatchLabels(
                                                                            ObjectNames.selector(
                                                                                    ctx, r))
                                                                    .build())
                                                    .build())
                            .toList();
            NetworkPolicyBuilder b =
                    new NetworkPolicyBuilder().withMetadata(Meta.of(ctx, c, c.name()));
            var spec =
                    b.withNewSpec()
                            .withPodSelector(
                                    new LabelSelectorBuilder()
                                            .withMatchLabels(ObjectNames.selector(ctx, c.name()))
                                            .build())
                            .withPolicyTypes("Ingress", "Egress");
            spec.addToIngress(new NetworkPolicyIngressRuleBuilder().withFrom(peers).build());
            {
                List<Port> web = c.component().ports().stream().filter(Port::isHttp).toList();
                if (!web.isEmpty()) {
                    spec.addToIngress(
                            new NetworkPolicyIngressRuleBuilder()
                                    .withFrom(
                                            new NetworkPolicyPeerBuilder()
                                                    .withNamespaceSelector(new LabelSelector())
                                                    .build())
                                    .withPorts(
                                            web.stream().map(NetworkPolicyEmitter::port).toList())
                                    .build());
                }
            }
            spec.addToEgress(new NetworkPolicyEgressRuleBuilder().withTo(peers).build());
            out.add(spec.endSpec().build());
        }
        return out;
    }

    private static io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort port(Port p) {
        return new NetworkPolicyPortBuilder()
                .withProtocol(p.protocol())
                .withPort(new IntOrString(p.port()))
                .build();
    }

    /** The component itself, the components it names as peers and those that name it. */
    static TreeSet<String> related(PlanContext ctx, ComponentContext c) {
        TreeSet<String> r = new TreeSet<>();
        r.add(c.name());
        c.component().peers().stream().map(Peer::component).forEach(r::add);
        for (ComponentContext other : ctx.components()) {
            if (other.component().peers().stream().anyMatch(p -> p.component().equals(c.name()))) {
                r.add(other.name());
            }
        }
        return r;
    }
}
