package io.kubelift.generator.emit;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubelift.generator.ObjectNames;
import io.kubelift.generator.PlanContext;
import java.util.List;

/**
 * The component's rewritten config files, one key per file; secret values are placeholders here,
 * never values.
 */
final class ConfigMapEmitter implements ResourceEmitter {
    @Override
    public List<HasMetadata> emit(PlanContext ctx) {
        return ctx.components().stream()
                .filter(c -> !c.config().isEmpty())
                .<HasMetadata>map(
                        c ->
                                new ConfigMapBuilder()
                                        .withMetadata(
                                                Meta.of(ctx, c, ObjectNames.configMap(c.name())))
                                        .withData(c.configData())
                                        .build())
                .toList();
    }
}
