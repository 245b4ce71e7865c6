package io.kubelift.generator.emit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.kubelift.generator.PlanContext;
import io.kubelift.model.Workload;
import java.util.List;

/**
 * Components with workload CronJob: the plan's schedule; a run is skipped while the previous one
 * still runs (Forbid).
 */
final class CronJobEmitter implements ResourceEmitter {
    @Override
    public List<HasMetadata> emit(PlanContext ctx) {
        return ctx.components().stream()
                .filter(c -> c.component().workload() == Workload.CronJob)
                .<HasMetadata>map(
                        c ->
                                new CronJobBuilder()
                                        .withMetadata(Meta.of(ctx, c, c.name()))
                                        .withNewSpec()
                                        .withSchedule(c.component().schedule())
                                        .withConcurrencyPolicy("Forbid")
                                        .withSuccessfulJobsHistoryLimit(3)
                                        .withFailedJobsHistoryLimit(3)
                                        .withNewJobTemplate()
                                        .withNewMetadata()
                                        .withLabels(
                                                io.kubelift.generator.ObjectNames.labels(
                                                        ctx, c.name()))
                                        .endMetadata()
                                        .withNewSpec()
                                        .withBackoffLimit(JobEmitter.BACKOFF_LIMIT)
                                        .withTemplate(PodTemplates.template(ctx, c, "OnFailure"))
                                        .endSpec()
                                        .endJobTemplate()
                                        .endSpec()
                                        .build())
                .toList();
    }
}
