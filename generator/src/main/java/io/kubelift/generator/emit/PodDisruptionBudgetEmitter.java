package io.kubelift.generator.emit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.kubelift.generator.ObjectNames;
import io.kubelift.generator.PlanContext;
import io.kubelift.model.Workload;
import java.util.List;

/**
 * A PodDisruptionBudget for long-running replicated workloads (Deployment, StatefulSet): voluntary
 * disruptions (node drains) take at most one pod at a time. With one replica a drain still
 * proceeds.
 */
final class PodDisruptionBudgetEmitter implements ResourceEmitter {
    @Override
    public List<HasMetadata> emit(PlanContext ctx) {
        return ctx.components().stream()
                .filter(
                        c ->
                                c.component().workload() == Workload.Deployment
                                        || c.component().workload() == Workload.StatefulSet)
                .<HasMetadata>map(
                        c ->
                                new PodDisruptionBudgetBuilder()
                                        .withMetadata(Meta.of(ctx, c, c.name()))
                                        .withNewSpec()
                                        .withMaxUnavailable(new IntOrString(1))
                                        .withNewSelector()
                                        .withMatchLabels(ObjectNames.selector(ctx, c.name()))
                                        .endSelector()
                                        .endSpec()
                                        .build())
                .toList();
    }
}
