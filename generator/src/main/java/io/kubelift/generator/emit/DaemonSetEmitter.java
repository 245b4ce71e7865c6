package io.kubelift.generator.emit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.kubelift.generator.ObjectNames;
import io.kubelift.generator.PlanContext;
import io.kubelift.model.Workload;
import java.util.List;

/** Components with workload DaemonSet: one pod per node. */
final class DaemonSetEmitter implements ResourceEmitter {
    @Override
    public List<HasMetadata> emit(PlanContext ctx) {
        return ctx.components().stream()
                .filter(c -> c.component().workload() == Workload.DaemonSet)
                .<HasMetadata>map(
                        c ->
                                new DaemonSetBuilder()
                                        .withMetadata(Meta.of(ctx, c, c.name()))
                                        .withNewSpec()
                                        .withNewSelector()
                                        .withMatchLabels(ObjectNames.selector(ctx, c.name()))
                                        .endSelector()
                                        .withTemplate(PodTemplates.template(ctx, c, "Always"))
                                        .endSpec()
                                        .build())
                .toList();
    }
}
