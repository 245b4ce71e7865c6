package io.kubelift.generator.emit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.kubelift.generator.PlanContext;
import io.kubelift.model.Workload;
import java.util.List;

/**
 * Components with workload Job: run to completion ({@code replicas} completions), retried up to
 * {@value #BACKOFF_LIMIT} times.
 */
final class JobEmitter implements ResourceEmitter {
    static final int BACKOFF_LIMIT = 3;

    @Override
    public List<HasMetadata> emit(PlanContext ctx) {
        return ctx.components().stream()
                .filter(c -> c.component().workload() == Workload.Job)
                .<HasMetadata>map(
                        c ->
                                new JobBuilder()
                                        .withMetadata(Meta.of(ctx, c, c.name()))
                                        .withNewSpec()
                                        .withCompletions(Math.max(1, c.component().replicas()))
                                        .withBackoffLimit(BACKOFF_LIMIT)
                                        .withTemplate(PodTemplates.template(ctx, c, "OnFailure"))
                                        .endSpec()
                                        .build())
                .toList();
    }
}
