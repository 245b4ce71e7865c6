package io.kubelift.generator.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.kubelift.generator.ComponentContext;
import io.kubelift.generator.Hosts;
import io.kubelift.generator.KubeYaml;
import io.kubelift.generator.ObjectNames;
import io.kubelift.generator.PlanContext;
import io.kubelift.generator.emit.HorizontalPodAutoscalerEmitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One apply-ready file for one environment, for people who use neither Kustomize nor Helm: the base
 * objects with the environment's differences applied (the same ones the overlay's patches make; a
 * test compares the two) in the environment's namespace, after the Namespace, ResourceQuota and
 * LimitRange. Secret values are never in it: with plain secrets the workloads read the Secret
 * {@code <component>-secrets}, created with the command in the {@code .env.example}; with
 * external-secrets or sealed the file carries the ExternalSecret or SealedSecret stub.
 */
public final class EnvironmentRenderer {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private EnvironmentRenderer() {}

    public static String render(PlanContext ctx, List<HasMetadata> objects, String envName) {
        if (!ctx.options().environments().contains(envName)) {
            throw io.kubelift.model.KubeliftException.usage(
                    "environment '" + envName + "' is not one of " + ctx.options().environments(),
                    "use one of " + String.join(", ", ctx.options().environments()));
        }
        EnvironmentProfile env = EnvironmentProfile.of(envName, ctx.options().org());
        String ns = KustomizeLayout.namespace(ctx, envName);
        List<String> docs = new ArrayList<>();
        docs.add(
                KubeYaml.write(
                        new NamespaceBuilder()
                                .withNewMetadata()
                                .withName(ns)
                                .withLabels(KustomizeLayout.namespaceLabels(ctx, env))
                                .endMetadata()
                                .build()));
        docs.add(KubeYaml.write(KustomizeLayout.quota(ctx, env, ns)));
        docs.add(KubeYaml.write(KustomizeLayout.limitRange(ctx, ns)));
        for (HasMetadata o : objects) {
            ObjectNode tree = (ObjectNode) KubeYaml.tree(o);
            if (apply(ctx, env, o, tree)) {
                ((ObjectNode) tree.get("metadata")).put("namespace", ns);
                docs.add(KubeYaml.write(tree));
            }
        }
        String mode = ctx.options().secretsMode();
        for (ComponentContext c : ctx.components()) {
            if (c.component().secrets().isEmpty()) {
                continue;
            }
            if (mode.equals("external-secrets")) {
                ObjectNode es = (ObjectNode) KubeYaml.tree(SecretObjects.externalSecret(ctx, c));
                ((ObjectNode) es.get("metadata")).put("namespace", ns);
                docs.add(KubeYaml.write(es));
            } else if (mode.equals("sealed")) {
                docs.add(
                        SecretObjects.sealedSecretStub(
                                ctx,
                                c,
                                ns,
                                envName
                                        + "-"
                                        + ObjectNames.secret(c.name())
                                        + "-sealedsecret.yaml"));
            }
        }
        return "---\n" + String.join("---\n", docs);
    }

    /** Applies the environment to one object; false when the environment has no such object. */
    private static boolean apply(
            PlanContext ctx, EnvironmentProfile env, HasMetadata o, ObjectNode tree) {
        String name = o.getMetadata().getName();
        ComponentContext c =
                ctx.component(
                                o.getMetadata().getLabels() == null
                                        ? ""
                                        : o.getMetadata()
                                                .getLabels()
                                                .getOrDefault("app.kubernetes.io/component", ""))
                        .orElse(null);
        if (!(tree.get("spec") instanceof ObjectNode spec)) {
            return true;
        }
        switch (o.getKind()) {
            case "HorizontalPodAutoscaler" -> {
                if (!env.autoscaling()) {
                    return false;
                }
                int replicas = env.replicasOf(c);
                if (replicas != c.component().replicas() && replicas > 0) {
                    spec.put("minReplicas", replicas);
                    spec.put("maxReplicas", Math.max(replicas * 2, replicas + 1));
                }
            }
            case "PodDisruptionBudget" -> {
                if (!env.disruptionBudget()) {
                    return false;
                }
            }
            case "Deployment" -> {
                boolean hpa = HorizontalPodAutoscalerEmitter.scalable(c);
                if (!(hpa && env.autoscaling())
                        && (hpa || env.replicasOf(c) != c.component().replicas())) {
                    spec.put("replicas", env.replicasOf(c));
                }
            }
            case "Ingress" -> {
                String host = Hosts.host(ctx, c.name(), env.name(), env.domain());
                spec.withArray("rules").forEach(r -> ((ObjectNode) r).put("host", host));
                if (env.tls()) {
                    ArrayNode tls = spec.putArray("tls");
                    ObjectNode t = tls.addObject();
                    t.putArray("hosts").add(host);
                    t.put("secretName", name + "-tls");
                    var d = ctx.options().org();
                    if (d.tlsIssuer() != null) {
                        String key =
                                "Issuer".equals(d.tlsIssuerKind())
                                        ? "cert-manager.io/issuer"
                                        : "cert-manager.io/cluster-issuer";
                        ((ObjectNode) tree.get("metadata"))
                                .with("annotations")
                                .put(key, d.tlsIssuer());
                    }
                }
            }
            case "PersistentVolumeClaim" -> {
                if (env.storageSize() != null) {
                    ((ObjectNode) spec.path("resources").path("requests"))
                            .put("storage", env.storageSize());
                }
            }
            default -> {}
        }
        if (o.getKind().equals("StatefulSet") && env.storageSize() != null) {
            for (JsonNode claim : spec.path("volumeClaimTemplates")) {
                ((ObjectNode) claim.path("spec").path("resources").path("requests"))
                        .put("storage", env.storageSize());
            }
        }
        JsonNode pod =
                o.getKind().equals("CronJob")
                        ? spec.path("jobTemplate").path("spec").path("template").path("spec")
                        : spec.path("template").path("spec");
        for (String list : List.of("containers", "initContainers")) {
            for (JsonNode container : pod.path(list)) {
                ObjectNode co = (ObjectNode) container;
                if (env.tag() != null && !co.path("image").asText().contains("@")) {
                    String image = co.path("image").asText();
                    int colon = image.lastIndexOf(':');
                    co.put(
                            "image",
                            (colon > image.lastIndexOf('/') ? image.substring(0, colon) : image)
                                    + ":"
                                    + env.tag());
                }
                if (list.equals("containers")
                        && co.path("name").asText().equals(ObjectNames.CONTAINER)) {
                    merge(co.with("resources"), "requests", env.requests());
                    merge(co.with("resources"), "limits", env.limits());
                }
            }
        }
        return true;
    }

    private static void merge(ObjectNode resources, String key, Map<String, String> values) {
        if (!values.isEmpty()) {
            ObjectNode m = resources.with(key);
            values.forEach(m::put);
        }
    }
}
