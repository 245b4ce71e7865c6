package io.kubelift.generator.emit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubelift.generator.PlanContext;
import io.kubelift.model.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * PersistentVolumeClaims for durable state of components that are not StatefulSets (those use
 * volumeClaimTemplates). Size {@value PodTemplates#STORAGE_DEFAULT}, ReadWriteOnce; change it in an
 * overlay.
 */
final class PersistentVolumeClaimEmitter implements ResourceEmitter {
    @Override
    public List<HasMetadata> emit(PlanContext ctx) {
        List<HasMetadata> out = new ArrayList<>();
        ctx.components().stream()
                .filter(c -> c.component().workload() != Workload.StatefulSet)
                .forEach(
                        c ->
                                PodTemplates.writableDirs(c.component()).stream()
                                        .filter(PodTemplates.WritableDir::durable)
                                        .forEach(
                                                d ->
                                                        out.add(
                                                                PodTemplates.claim(
                                                                        ctx,
                                                                        c,
                                                                        d,
                                                                        PodTemplates.claimName(
                                                                                c, d)))));
        return out;
    }
}
