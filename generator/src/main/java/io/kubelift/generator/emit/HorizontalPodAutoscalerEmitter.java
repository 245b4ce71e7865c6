package io.kubelift.generator.emit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.kubelift.generator.ComponentContext;
import io.kubelift.generator.PlanContext;
import io.kubelift.model.Workload;
import java.util.List;

/**
 * A HorizontalPodAutoscaler for stateless components: Deployments without durable state that
 * request CPU (utilisation is relative to the request). Between the plan's replicas and twice that
 * (at least +1), at 80% CPU.
 */
public final class HorizontalPodAutoscalerEmitter implements ResourceEmitter {
    static final int TARGET_CPU_PERCENT = 80;

    /** Whether the component gets an autoscaler. */
    public static boolean scalable(ComponentContext c) {
        var comp = c.component();
        return comp.workload() == Workload.Deployment
                && comp.replicas() > 0
                && comp.resources() != null
                && comp.resources().cpu() != null
                && PodTemplates.writableDirs(comp).stream()
                        .noneMatch(PodTemplates.WritableDir::durable);
    }

    @Override
    public List<HasMetadata> emit(PlanContext ctx) {
        return ctx.components().stream()
                .filter(HorizontalPodAutoscalerEmitter::scalable)
                .<HasMetadata>map(
                        c -> {
                            int min = c.component().replicas();
                            return new HorizontalPodAutoscalerBuilder()
                                    .withMetadata(Meta.of(ctx, c, c.name()))
                                    .withNewSpec()
                                    .withNewScaleTargetRef()
                                    .withApiVersion("apps/v1")
                                    .withKind("Deployment")
                                    .withName(c.name())
                                    .endScaleTargetRef()
                                    .withMinReplicas(min)
                                    .withMaxReplicas(Math.max(min * 2, min + 1))
                                    .addNewMetric()
                                    .withType("Resource")
                                    .withNewResource()
                                    .withName("cpu")
                                    .withNewTarget()
                                    .withType("Utilization")
                                    .withAverageUtilization(TARGET_CPU_PERCENT)
                                    .endTarget()
                                    .endResource()
                                    .endMetric()
                                    .endSpec()
                                    .build();
                        })
                .toList();
    }
}
