package io.kubelift.generator.emit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.kubelift.generator.ObjectNames;
import io.kubelift.generator.PlanContext;
import io.kubelift.model.Workload;
import java.util.List;

/**
 * Components with workload StatefulSet: stable pod names through the headless Service, a PVC per
 * durable directory.
 */
final class StatefulSetEmitter implements ResourceEmitter {
    @Override
    public List<HasMetadata> emit(PlanContext ctx) {
        return ctx.components().stream()
                .filter(c -> c.component().workload() == Workload.StatefulSet)
                .<HasMetadata>map(
                        c -> {
                            List<PersistentVolumeClaim> claims =
                                    PodTemplates.writableDirs(c.component()).stream()
                                            .filter(PodTemplates.WritableDir::durable)
                                            .map(d -> PodTemplates.claim(ctx, c, d, d.volume()))
                                            .toList();
                            return new StatefulSetBuilder()
                                    .withMetadata(Meta.of(ctx, c, c.name()))
                                    .withNewSpec()
                                    .withReplicas(c.component().replicas())
                                    .withServiceName(ObjectNames.headlessService(c.name()))
                                    .withNewSelector()
                                    .withMatchLabels(ObjectNames.selector(ctx, c.name()))
                                    .endSelector()
                                    .withTemplate(PodTemplates.template(ctx, c, "Always"))
                                    .withVolumeClaimTemplates(claims)
                                    .endSpec()
                                    .build();
                        })
                .toList();
    }
}
