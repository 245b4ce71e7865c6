package io.kubelift.generator.helm;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubelift.generator.ComponentContext;
import io.kubelift.generator.Hosts;
import io.kubelift.generator.ImageNames;
import io.kubelift.generator.KubeYaml;
import io.kubelift.generator.ObjectNames;
import io.kubelift.generator.PlanContext;
import io.kubelift.generator.emit.HorizontalPodAutoscalerEmitter;
import io.kubelift.generator.emit.PodTemplates;
import io.kubelift.generator.kustomize.EnvironmentProfile;
import io.kubelift.model.EnvVar;
import io.kubelift.model.Workload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The chart's values: {@code values.yaml} from the plan and the defaults file, {@code
 * values-<env>.yaml} from the environment profile.
 */
final class Values {
    private Values() {}

    static String appVersion(PlanContext ctx) {
        return ImageNames.planTag(ctx.plan());
    }

    /** The plan's env vars with a literal value (the ones a user changes per install). */
    static Map<String, String> plainEnv(ComponentContext c) {
        Map<String, String> m = new TreeMap<>();
        for (EnvVar e : c.component().env()) {
            if (e.value() != null && e.fromResource() == null) {
                m.put(e.name(), e.value());
            }
        }
        return m;
    }

    static boolean has(List<HasMetadata> objects, String kind, String component) {
        return objects.stream()
                .anyMatch(
                        o ->
                                o.getKind().equals(kind)
                                        && component.equals(HelmLayout.componentOf(o)));
    }

    static Map<String, Object> of(PlanContext ctx, List<HasMetadata> objects) {
        var d = ctx.options().org();
        Map<String, Object> v = new LinkedHashMap<>();
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("registry", d.registry() == null ? "" : d.registry());
        image.put("pullPolicy", "IfNotPresent");
        v.put("image", image);
        v.put("commonLabels", d.labels());
        v.put("commonAnnotations", d.annotations());
        v.put("nodeSelector", d.nodeSelector());
        v.put("tolerations", d.tolerations());
        v.put("storageClass", d.storageClass() == null ? "" : d.storageClass());
        Map<String, Object> ingress = new LinkedHashMap<>();
        ingress.put("enabled", true);
        ingress.put("className", d.ingressClass() == null ? "" : d.ingressClass());
        ingress.put("domain", Hosts.domain(ctx, null));
        ingress.put("tls", false);
        ingress.put("certManagerIssuer", d.tlsIssuer() == null ? "" : d.tlsIssuer());
        ingress.put(
                "certManagerIssuerKind",
                "Issuer".equals(d.tlsIssuerKind()) ? "issuer" : "cluster-issuer");
        v.put("ingress", ingress);
        Map<String, Object> components = new LinkedHashMap<>();
        for (ComponentContext c : ctx.components()) {
            components.put(c.name(), component(ctx, c, objects, d.registry()));
        }
        v.put("components", components);
        return v;
    }

    private static Map<String, Object> component(
            PlanContext ctx, ComponentContext c, List<HasMetadata> objects, String registry) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("image", image(c.image(), registry));
        Workload w = c.component().workload();
        if (w == Workload.Deployment || w == Workload.StatefulSet) {
            m.put("replicas", c.component().replicas());
        }
        m.put("resources", KubeYaml.tree(PodTemplates.resources(ctx, c.component())));
        m.put("env", plainEnv(c));
        if (has(objects, "Service", c.name())) {
            Map<String, Object> ports = new TreeMap<>();
            c.component().ports().forEach(p -> ports.put(p.name(), p.port()));
            m.put("ports", ports);
        }
        if (has(objects, "Ingress", c.name())) {
            m.put("ingress", new LinkedHashMap<>(Map.of("enabled", true, "host", "")));
        }
        if (c.component().state().stream().anyMatch(s -> s.isDurable())) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("size", PodTemplates.storageSize(ctx));
            p.put("storageClass", "");
            m.put("persistence", p);
        }
        if (has(objects, "HorizontalPodAutoscaler", c.name())) {
            int min = c.component().replicas();
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("enabled", true);
            a.put("minReplicas", min);
            a.put("maxReplicas", Math.max(min * 2, min + 1));
            m.put("autoscaling", a);
        }
        if (has(objects, "PodDisruptionBudget", c.name())) {
            m.put("podDisruptionBudget", Map.of("enabled", true));
        }
        if (!c.component().secrets().isEmpty()) {
            m.put("secrets", Map.of("existingSecret", ObjectNames.secret(c.name())));
        }
        return m;
    }

    /**
     * repository / tag / digest of an image reference, the defaults file's registry taken off
     * (values.image.registry holds it).
     */
    static Map<String, Object> image(String ref, String registry) {
        String rest = ref;
        if (registry != null && rest.startsWith(registry + "/")) {
            rest = rest.substring(registry.length() + 1);
        }
        String digest = "";
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = "";
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("repository", rest);
        m.put("tag", tag);
        m.put("digest", digest);
        return m;
    }

    static Map<String, Object> forEnvironment(
            PlanContext ctx, EnvironmentProfile env, List<HasMetadata> objects) {
        Map<String, Object> v = new LinkedHashMap<>();
        Map<String, Object> ingress = new LinkedHashMap<>();
        ingress.put("domain", Hosts.domain(ctx, env.domain()));
        ingress.put("tls", env.tls());
        v.put("ingress", ingress);
        Map<String, Object> components = new LinkedHashMap<>();
        for (ComponentContext c : ctx.components()) {
            Map<String, Object> m = new LinkedHashMap<>();
            Workload w = c.component().workload();
            int replicas = env.replicasOf(c);
            if (w == Workload.Deployment || w == Workload.StatefulSet) {
                m.put("replicas", replicas);
            }
            if (env.tag() != null) {
                m.put("image", Map.of("tag", env.tag()));
            }
            if (!env.requests().isEmpty() || !env.limits().isEmpty()) {
                Map<String, Object> res = new TreeMap<>();
                if (!env.requests().isEmpty()) {
                    res.put("requests", env.requests());
                }
                if (!env.limits().isEmpty()) {
                    res.put("limits", env.limits());
                }
                m.put("resources", res);
            }
            if (has(objects, "Ingress", c.name())) {
                m.put(
                        "ingress",
                        Map.of("host", Hosts.host(ctx, c.name(), env.name(), env.domain())));
            }
            if (env.storageSize() != null
                    && c.component().state().stream().anyMatch(s -> s.isDurable())) {
                m.put("persistence", Map.of("size", env.storageSize()));
            }
            if (has(objects, "HorizontalPodAutoscaler", c.name())
                    && HorizontalPodAutoscalerEmitter.scalable(c)) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("enabled", env.autoscaling());
                a.put("minReplicas", Math.max(replicas, 1));
                a.put("maxReplicas", Math.max(Math.max(replicas, 1) * 2, replicas + 1));
                m.put("autoscaling", a);
            }
            if (has(objects, "PodDisruptionBudget", c.name())) {
                m.put("podDisruptionBudget", Map.of("enabled", env.disruptionBudget()));
            }
            if (!m.isEmpty()) {
                components.put(c.name(), m);
            }
        }
        v.put("components", components);
        return v;
    }
}
