package io.kubelift.generator.emit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.kubelift.generator.ObjectNames;
import io.kubelift.generator.PlanContext;
import io.kubelift.model.Workload;
import java.util.List;

/**
 * Components with workload Deployment. Pods with durable state are replaced, not rolled side by
 * side (Recreate). When an autoscaler owns the replica count, the Deployment leaves {@code
 * replicas} out, so that re-applying the manifests does not reset what the autoscaler chose.
 */
final class DeploymentEmitter implements ResourceEmitter {
    @Override
    public List<HasMetadata> emit(PlanContext ctx) {
        return ctx.components().stream()
                .filter(c -> c.component().workload() == Workload.Deployment)
                .<HasMetadata>map(
                        c -> {
                            boolean durable =
                                    PodTemplates.writableDirs(c.component()).stream()
                                            .anyMatch(PodTemplates.WritableDir::durable);
                            return new DeploymentBuilder()
                                    .withMetadata(Meta.of(ctx, c, c.name()))
                                    .withNewSpec()
                                    .withReplicas(
                                            HorizontalPodAutoscalerEmitter.scalable(c)
                                                    ? null
                                                    : c.component().replicas())
                                    .withNewSelector()
                                    .withMatchLabels(ObjectNames.selector(ctx, c.name()))
                                    .endSelector()
                                    .withNewStrategy()
                                    .withType(durable ? "Recreate" : "RollingUpdate")
                                    .endStrategy()
                                    .withTemplate(PodTemplates.template(ctx, c, "Always"))
                                    .endSpec()
                                    .build();
                        })
                .toList();
    }
}
