package io.kubelift.generator.emit;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.kubelift.generator.ComponentContext;
import io.kubelift.generator.ImageNames;
import io.kubelift.generator.ObjectNames;
import io.kubelift.generator.PlanContext;
import io.kubelift.model.PlanCodec;
import io.kubelift.model.ToolVersion;
import java.util.Map;
import java.util.TreeMap;

/**
 * Object metadata of generated objects (no namespace: the overlays set it), with provenance
 * annotations as Kompose and JKube write them: which kubelift version generated the object, from
 * which app, and a hash of the plan.
 */
final class Meta {
    static final String VERSION = "kubelift.io/version";
    static final String SOURCE = "kubelift.io/source";
    static final String PLAN_HASH = "kubelift.io/plan-hash";

    private Meta() {}

    static ObjectMeta of(PlanContext ctx, ComponentContext c, String name) {
        return new ObjectMetaBuilder()
                .withName(name)
                .withLabels(ObjectNames.labels(ctx, c.name()))
                .withAnnotations(annotations(ctx))
                .build();
    }

    /**
     * A volume claim's metadata, without provenance: a StatefulSet's volumeClaimTemplates cannot
     * change once applied, so an annotation that changes with every plan edit would make the next
     * apply fail.
     */
    static ObjectMeta claim(PlanContext ctx, ComponentContext c, String name) {
        return new ObjectMetaBuilder()
                .withName(name)
                .withLabels(ObjectNames.labels(ctx, c.name()))
                .build();
    }

    static ObjectMeta app(PlanContext ctx, String name) {
        return new ObjectMetaBuilder()
                .withName(name)
                .withLabels(ObjectNames.appLabels(ctx))
                .withAnnotations(annotations(ctx))
                .build();
    }

    /**
     * Deterministic: the same plan and kubelift version give the same annotations (no time, no
     * host).
     */
    static Map<String, String> provenance(PlanContext ctx) {
        Map<String, String> a = new TreeMap<>();
        a.put(VERSION, ToolVersion.get());
        a.put(SOURCE, ctx.plan().spec().source().path());
        a.put(
                PLAN_HASH,
                "sha256:" + ImageNames.sha256(PlanCodec.toYaml(ctx.plan())).substring(0, 16));
        return a;
    }

    /** Provenance plus the defaults file's extra annotations (provenance wins on a clash). */
    private static Map<String, String> annotations(PlanContext ctx) {
        Map<String, String> a = new TreeMap<>(ctx.options().org().annotations());
        a.putAll(provenance(ctx));
        return a;
    }
}
