package io.kubelift.generator.emit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.kubelift.generator.ObjectNames;
import io.kubelift.generator.PlanContext;
import io.kubelift.model.Workload;
import java.util.List;

/**
 * The headless Service a StatefulSet's pods get their stable DNS names from ({@code
 * <pod>.<component>-headless.<namespace>.svc.cluster.local}). Not-ready pods are published too, so
 * members of a cluster (e.g. a ZooKeeper ensemble) find each other while starting.
 */
final class HeadlessServiceEmitter implements ResourceEmitter {
    @Override
    public List<HasMetadata> emit(PlanContext ctx) {
        return ctx.components().stream()
                .filter(c -> c.component().workload() == Workload.StatefulSet)
                .<HasMetadata>map(
                        c ->
                                new ServiceBuilder()
                                        .withMetadata(
                                                Meta.of(
                                                        ctx,
                                                        c,
                                                        ObjectNames.headlessService(c.name())))
                                        .withNewSpec()
                                        .withClusterIP("None")
                                        .withPublishNotReadyAddresses(true)
                                        .withSelector(ObjectNames.selector(ctx, c.name()))
                                        .withPorts(ServiceEmitter.ports(c))
                                        .endSpec()
                                        .build())
                .toList();
    }
}
