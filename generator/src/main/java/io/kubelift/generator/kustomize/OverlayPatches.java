package io.kubelift.generator.kustomize;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.kubelift.generator.ComponentContext;
import io.kubelift.generator.Hosts;
import io.kubelift.generator.KubeYaml;
import io.kubelift.generator.ObjectNames;
import io.kubelift.generator.PlanContext;
import io.kubelift.generator.emit.HorizontalPodAutoscalerEmitter;
import io.kubelift.generator.emit.PodTemplates;
import io.kubelift.model.FileSet;
import io.kubelift.model.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The patches of one overlay, each a file under {@code patches/} listed in the overlay's
 * kustomization: replica count (or autoscaler bounds), autoscaler and disruption budget removed
 * where the environment has none, the environment's ingress host with TLS (and the cert-manager
 * issuer annotation), storage size, resources.
 */
final class OverlayPatches {
    private OverlayPatches() {}

    static void add(
            PlanContext ctx,
            EnvironmentProfile env,
            List<HasMetadata> objects,
            String dir,
            FileSet out,
            List<Map<String, Object>> patches) {
        for (ComponentContext c : ctx.components()) {
            if (c.component().workload() != Workload.Deployment) {
                continue;
            }
            boolean hpa = HorizontalPodAutoscalerEmitter.scalable(c);
            int replicas = env.replicasOf(c);
            if (hpa && env.autoscaling()) {
                if (replicas != c.component().replicas() && replicas > 0) {
                    file(
                            out,
                            patches,
                            dir,
                            c.name() + "-hpa.yaml",
                            KubeYaml.write(
                                    object(
                                            "autoscaling/v2",
                                            "HorizontalPodAutoscaler",
                                            c.name(),
                                            Map.of(
                                                    "minReplicas",
                                                    replicas,
                                                    "maxReplicas",
                                                    Math.max(replicas * 2, replicas + 1)))));
                }
            } else {
                if (hpa) {
                    file(
                            out,
                            patches,
                            dir,
                            c.name() + "-hpa.yaml",
                            delete("autoscaling/v2", "HorizontalPodAutoscaler", c.name()));
                }
                if (hpa || replicas != c.component().replicas()) {
                    file(
                            out,
                            patches,
                            dir,
                            c.name() + "-replicas.yaml",
                            KubeYaml.write(
                                    object(
                                            "apps/v1",
                                            "Deployment",
                                            c.name(),
                                            Map.of("replicas", replicas))));
                }
            }
        }
        for (HasMetadata o : objects) {
            if (!env.disruptionBudget() && o.getKind().equals("PodDisruptionBudget")) {
                file(
                        out,
                        patches,
                        dir,
                        o.getMetadata().getName() + "-pdb.yaml",
                        delete("policy/v1", "PodDisruptionBudget", o.getMetadata().getName()));
            }
            if (o instanceof Ingress ing) {
                file(
                        out,
                        patches,
                        dir,
                        o.getMetadata().getName() + "-ingress.yaml",
                        ingress(ctx, env, ing));
            }
        }
        storage(ctx, env, objects, dir, out, patches);
        resources(ctx, env, objects, dir, out, patches);
    }

    /**
     * The host of the component in this environment, TLS with a per-host Secret, and the issuer
     * annotation.
     */
    private static String ingress(PlanContext ctx, EnvironmentProfile env, Ingress ing) {
        String component =
                ing.getMetadata()
                        .getLabels()
                        .getOrDefault("app.kubernetes.io/component", ing.getMetadata().getName());
        String host = Hosts.host(ctx, component, env.name(), env.domain());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", ing.getMetadata().getName());
        var d = ctx.options().org();
        if (env.tls() && d.tlsIssuer() != null) {
            String kind =
                    "Issuer".equals(d.tlsIssuerKind())
                            ? "cert-manager.io/issuer"
                            : "cert-manager.io/cluster-issuer";
            metadata.put("annotations", Map.of(kind, d.tlsIssuer()));
        }
        List<Object> rules = new ArrayList<>();
        for (var rule : ing.getSpec().getRules()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("host", host);
            r.put("http", KubeYaml.tree(rule.getHttp()));
            rules.add(r);
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("rules", rules);
        if (env.tls()) {
            spec.put(
                    "tls",
                    List.of(
                            Map.of(
                                    "hosts",
                                    List.of(host),
                                    "secretName",
                                    ing.getMetadata().getName() + "-tls")));
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("apiVersion", "networking.k8s.io/v1");
        o.put("kind", "Ingress");
        o.put("metadata", metadata);
        o.put("spec", spec);
        return KubeYaml.write(o);
    }

    private static void storage(
            PlanContext ctx,
            EnvironmentProfile env,
            List<HasMetadata> objects,
            String dir,
            FileSet out,
            List<Map<String, Object>> patches) {
        if (env.storageSize() == null || env.storageSize().equals(PodTemplates.storageSize(ctx))) {
            return;
        }
        for (HasMetadata o : objects) {
            String name = o.getMetadata().getName();
            if (o instanceof PersistentVolumeClaim) {
                file(
                        out,
                        patches,
                        dir,
                        name + "-storage.yaml",
                        KubeYaml.write(
                                object(
                                        "v1",
                                        "PersistentVolumeClaim",
                                        name,
                                        Map.of(
                                                "resources",
                                                Map.of(
                                                        "requests",
                                                        Map.of("storage", env.storageSize()))))));
            } else if (o instanceof StatefulSet sts
                    && !sts.getSpec().getVolumeClaimTemplates().isEmpty()) {
                // volumeClaimTemplates has no merge key: a JSON patch per template, by index.
                // Kubernetes does not resize the
                // claims of an existing StatefulSet; a new environment gets the size.
                List<Object> ops = new ArrayList<>();
                for (int i = 0; i < sts.getSpec().getVolumeClaimTemplates().size(); i++) {
                    ops.add(
                            Map.of(
                                    "op",
                                    "replace",
                                    "path",
                                    "/spec/volumeClaimTemplates/"
                                            + i
                                            + "/spec/resources/requests/storage",
                                    "value",
                                    env.storageSize()));
                }
                String file = "patches/" + name + "-storage.yaml";
                out.add(dir + file, KubeYaml.write(ops));
                patches.add(
                        Map.of(
                                "path",
                                file,
                                "target",
                                Map.of(
                                        "group",
                                        "apps",
                                        "version",
                                        "v1",
                                        "kind",
                                        "StatefulSet",
                                        "name",
                                        name)));
            }
        }
    }

    private static void resources(
            PlanContext ctx,
            EnvironmentProfile env,
            List<HasMetadata> objects,
            String dir,
            FileSet out,
            List<Map<String, Object>> patches) {
        if (env.requests().isEmpty() && env.limits().isEmpty()) {
            return;
        }
        Map<String, Object> res = new TreeMap<>();
        if (!env.requests().isEmpty()) {
            res.put("requests", env.requests());
        }
        if (!env.limits().isEmpty()) {
            res.put("limits", env.limits());
        }
        for (HasMetadata o : objects) {
            String kind = o.getKind();
            if (!List.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob")
                    .contains(kind)) {
                continue;
            }
            Map<String, Object> pod =
                    Map.of(
                            "spec",
                            Map.of(
                                    "containers",
                                    List.of(
                                            Map.of(
                                                    "name",
                                                    ObjectNames.CONTAINER,
                                                    "resources",
                                                    res))));
            Map<String, Object> spec =
                    kind.equals("CronJob")
                            ? Map.of("jobTemplate", Map.of("spec", Map.of("template", pod)))
                            : Map.of("template", pod);
            String api = kind.equals("Job") || kind.equals("CronJob") ? "batch/v1" : "apps/v1";
            file(
                    out,
                    patches,
                    dir,
                    o.getMetadata().getName() + "-resources.yaml",
                    KubeYaml.write(object(api, kind, o.getMetadata().getName(), spec)));
        }
    }

    /**
     * The overlay's {@code images:} entries: the environment's tag for every image kubelift named
     * (not pinned by digest).
     */
    static List<Map<String, Object>> images(PlanContext ctx, EnvironmentProfile env) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (env.tag() == null) {
            return out;
        }
        for (ComponentContext c : ctx.components()) {
            String image = c.image();
            if (image.contains("@")) {
                continue;
            }
            int colon = image.lastIndexOf(':');
            String name = colon > image.lastIndexOf('/') ? image.substring(0, colon) : image;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("newTag", env.tag());
            out.add(m);
        }
        return out;
    }

    private static void file(
            FileSet out,
            List<Map<String, Object>> patches,
            String dir,
            String name,
            String content) {
        String file = "patches/" + name;
        out.add(dir + file, content);
        patches.add(Map.of("path", file));
    }

    private static Map<String, Object> object(
            String api, String kind, String name, Map<String, Object> spec) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("apiVersion", api);
        o.put("kind", kind);
        o.put("metadata", Map.of("name", name));
        o.put("spec", spec);
        return o;
    }

    private static String delete(String api, String kind, String name) {
        return "$patch: delete\napiVersion: "
                + api
                + "\nkind: "
                + kind
                + "\nmetadata:\n  name: "
                + name
                + "\n";
    }
}
