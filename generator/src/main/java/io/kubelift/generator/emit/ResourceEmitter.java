package io.kubelift.generator.emit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubelift.generator.PlanContext;
import java.util.List;

/**
 * Emits one kind of Kubernetes object from the plan. Emitters are small and listed in {@link
 * Emitters}.
 */
public interface ResourceEmitter {
    List<HasMetadata> emit(PlanContext ctx);
}
