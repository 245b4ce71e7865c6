package io.kubelift.generator.emit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.kubelift.generator.PlanContext;
import java.util.List;

/**
 * One ServiceAccount per component, token not mounted: legacy apps do not call the Kubernetes API.
 */
final class ServiceAccountEmitter implements ResourceEmitter {
    @Override
    public List<HasMetadata> emit(PlanContext ctx) {
        return ctx.components().stream()
                .<HasMetadata>map(
                        c ->
                                new ServiceAccountBuilder()
                                        .withMetadata(Meta.of(ctx, c, c.name()))
                                        .withAutomountServiceAccountToken(false)
                                        .build())
                .toList();
    }
}
