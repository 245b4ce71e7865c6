package io.kubelift.generator.emit;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.kubelift.generator.ComponentContext;
import io.kubelift.generator.ObjectNames;
import io.kubelift.generator.PlanContext;

/** Object metadata of generated objects (no namespace: the overlays set it). */
final class Meta {
    private Meta() {
    }

    static ObjectMeta of(PlanContext ctx, ComponentContext c, String name) {
        return new ObjectMetaBuilder().withName(name).withLabels(ObjectNames.labels(ctx, c.name())).withAnnotations(annotations(ctx)).build();
    }

    static ObjectMeta app(PlanContext ctx, String name) {
        return new ObjectMetaBuilder().withName(name).withLabels(ObjectNames.appLabels(ctx)).withAnnotations(annotations(ctx)).build();
    }

    /** The defaults file's extra annotations; none → no annotations field. */
    private static java.util.Map<String, String> annotations(PlanContext ctx) {
        var a = ctx.options().org().annotations();
        return a.isEmpty() ? null : a;
    }
}
