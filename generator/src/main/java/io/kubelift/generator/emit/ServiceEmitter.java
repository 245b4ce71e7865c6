package io.kubelift.generator.emit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.kubelift.generator.ComponentContext;
import io.kubelift.generator.ObjectNames;
import io.kubelift.generator.PlanContext;
import java.util.List;

/**
 * A ClusterIP Service with named ports per served component: its name is the host peers use in
 * their config.
 */
final class ServiceEmitter implements ResourceEmitter {
    @Override
    public List<HasMetadata> emit(PlanContext ctx) {
        return ctx.components().stream()
                .filter(ComponentContext::hasService)
                .<HasMetadata>map(
                        c ->
                                new ServiceBuilder()
                                        .withMetadata(
                                                Meta.of(ctx, c, ObjectNames.service(c.name())))
                                        .withNewSpec()
                                        .withType("ClusterIP")
                                        .withSelector(ObjectNames.selector(ctx, c.name()))
                                        .withPorts(ports(c))
                                        .endSpec()
                                        .build())
                .toList();
    }

    static List<ServicePort> ports(ComponentContext c) {
        return c.component().ports().stream()
                .map(
                        p -> {
                            ServicePortBuilder b =
                                    new ServicePortBuilder()
                                            .withName(p.name())
                                            .withPort(p.port())
                                            .withTargetPort(new IntOrString(p.name()))
                                            .withProtocol(p.protocol());
                            if (p.appProtocol() != null && !p.appProtocol().isBlank()) {
                                b.withAppProtocol(p.appProtocol());
                            }
                            return b.build();
                        })
                .toList();
    }
}
