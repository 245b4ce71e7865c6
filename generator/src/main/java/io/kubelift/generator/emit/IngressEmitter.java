package io.kubelift.generator.emit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.kubelift.generator.ComponentContext;
import io.kubelift.generator.ObjectNames;
import io.kubelift.generator.PlanContext;
import java.util.ArrayList;
import java.util.List;

/**
 * An Ingress for each component with a web UI or REST port ({@code appProtocol: http}): path / to
 * that port of its Service, on the defaults file's IngressClass (else the cluster's default), on
 * the component's own host ({@link io.kubelift.generator.Hosts}); each environment's overlay sets
 * its host and TLS.
 */
final class IngressEmitter implements ResourceEmitter {
    @Override
    public List<HasMetadata> emit(PlanContext ctx) {
        List<HasMetadata> out = new ArrayList<>();
        for (ComponentContext c : ctx.components()) {
            if (!c.hasService()) {
                continue;
            }
            c.httpPort()
                    .filter(io.kubelift.model.Port::isHttp)
                    .ifPresent(
                            p ->
                                    out.add(
                                            new IngressBuilder()
                                                    .withMetadata(Meta.of(ctx, c, c.name()))
                                                    .withNewSpec()
                                                    .withIngressClassName(
                                                            ctx.options().org().ingressClass())
                                                    .addNewRule()
                                                    .withHost(
                                                            io.kubelift.generator.Hosts.host(
                                                                    ctx, c.name(), null, null))
                                                    .withNewHttp()
                                                    .addNewPath()
                                                    .withPath("/")
                                                    .withPathType("Prefix")
                                                    .withNewBackend()
                                                    .withNewService()
                                                    .withName(ObjectNames.service(c.name()))
                                                    .withNewPort()
                                                    .withName(p.name())
                                                    .endPort()
                                                    .endService()
                                                    .endBackend()
                                                    .endPath()
                                                    .endHttp()
                                                    .endRule()
                                                    .endSpec()
                                                    .build()));
        }
        return out;
    }
}
