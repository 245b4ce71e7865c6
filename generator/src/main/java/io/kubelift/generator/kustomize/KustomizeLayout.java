package io.kubelift.generator.kustomize;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRangeBuilder;
import io.fabric8.kubernetes.api.model.LimitRangeItemBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.kubelift.generator.ComponentContext;
import io.kubelift.generator.KubeYaml;
import io.kubelift.generator.ObjectNames;
import io.kubelift.generator.PlanContext;
import io.kubelift.model.FileSet;
import io.kubelift.model.Workload;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Kustomize tree: {@code k8s/base/kustomization.yaml} listing the base objects and generating
 * one Secret per component from {@code secrets/<component>.env}; {@code k8s/overlays/<env>/} with
 * the environment's namespace (Pod Security "restricted" enforced), ResourceQuota, LimitRange and
 * the patches that make environments differ: replicas, ingress host and TLS, storage size,
 * resources, image tag, no autoscaler or disruption budget where the profile has none ({@link
 * EnvironmentProfile}). With {@code --secrets external-secrets} the base holds an ExternalSecret
 * per component instead of the secretGenerator; with {@code sealed} each overlay holds a
 * SealedSecret stub to replace with kubeseal's output.
 */
public final class KustomizeLayout implements io.kubelift.generator.layout.Layout {
    static final String API = "kustomize.config.k8s.io/v1beta1";

    /**
     * Quota headroom over the steady-state requests: room for a rolling update and init containers.
     */
    static final int QUOTA_HEADROOM = 2;

    public KustomizeLayout() {}

    @Override
    public String name() {
        return "kustomize";
    }

    @Override
    public void write(PlanContext ctx, List<HasMetadata> objects, FileSet out) {
        List<String> resources = new ArrayList<>();
        for (HasMetadata object : objects) {
            String file = io.kubelift.generator.Generator.fileName(object);
            out.add("k8s/base/" + file, KubeYaml.write(object));
            resources.add(file);
        }
        if (ctx.options().secretsMode().equals("external-secrets")) {
            for (ComponentContext c : ctx.components()) {
                if (!c.component().secrets().isEmpty()) {
                    String file = ObjectNames.secret(c.name()) + "-externalsecret.yaml";
                    out.add(
                            "k8s/base/" + file,
                            KubeYaml.write(SecretObjects.externalSecret(ctx, c)));
                    resources.add(file);
                }
            }
        }
        out.add("k8s/base/kustomization.yaml", baseKustomization(ctx, resources));
        for (String env : ctx.options().environments()) {
            overlay(ctx, EnvironmentProfile.of(env, ctx.options().org()), objects, out);
        }
    }

    public static String baseKustomization(PlanContext ctx, List<String> resources) {
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("apiVersion", API);
        k.put("kind", "Kustomization");
        k.put("resources", resources);
        List<Map<String, Object>> secrets = new ArrayList<>();
        for (ComponentContext c : ctx.components()) {
            if (!c.component().secrets().isEmpty()) {
                Map<String, Object> g = new LinkedHashMap<>();
                g.put("name", ObjectNames.secret(c.name()));
                g.put("envs", List.of(secretEnvFile(c.name())));
                secrets.add(g);
            }
        }
        if (!secrets.isEmpty() && ctx.options().secretsMode().equals("plain")) {
            k.put("secretGenerator", secrets);
        }
        return KubeYaml.write(k);
    }

    /** The env file of a component's Secret, relative to k8s/base. */
    public static String secretEnvFile(String component) {
        return "secrets/" + component + ".env";
    }

    /** Adds {@code k8s/overlays/<env>/…} for one environment to {@code out}. */
    public static void overlay(
            PlanContext ctx, EnvironmentProfile env, List<HasMetadata> objects, FileSet out) {
        String dir = "k8s/overlays/" + env.name() + "/";
        String ns = namespace(ctx, env.name());
        List<String> resources =
                new ArrayList<>(
                        List.of(
                                "../../base",
                                "namespace.yaml",
                                "resourcequota.yaml",
                                "limitrange.yaml"));
        if (ctx.options().secretsMode().equals("sealed")) {
            for (ComponentContext c : ctx.components()) {
                if (!c.component().secrets().isEmpty()) {
                    String file =
                            "sealed-secrets/" + ObjectNames.secret(c.name()) + "-sealedsecret.yaml";
                    out.add(dir + file, SecretObjects.sealedSecretStub(ctx, c, ns, dir + file));
                    resources.add(file);
                }
            }
        }
        out.add(
                dir + "namespace.yaml",
                KubeYaml.write(
                        new NamespaceBuilder()
                                .withNewMetadata()
                                .withName(ns)
                                .withLabels(namespaceLabels(ctx, env))
                                .endMetadata()
                                .build()));
        out.add(dir + "resourcequota.yaml", KubeYaml.write(quota(ctx, env, ns)));
        out.add(dir + "limitrange.yaml", KubeYaml.write(limitRange(ctx, ns)));
        List<Map<String, Object>> patches = new ArrayList<>();
        OverlayPatches.add(ctx, env, objects, dir, out, patches);
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("apiVersion", API);
        k.put("kind", "Kustomization");
        k.put("namespace", ns);
        k.put("resources", resources);
        if (!patches.isEmpty()) {
            k.put("patches", patches);
        }
        List<Map<String, Object>> images = OverlayPatches.images(ctx, env);
        if (!images.isEmpty()) {
            k.put("images", images);
        }
        out.add(dir + "kustomization.yaml", KubeYaml.write(k));
    }

    public static String namespace(PlanContext ctx, String env) {
        return io.kubelift.model.Names.dnsLabel(ctx.appName() + "-" + env, 63);
    }

    private static boolean hasHpa(PlanContext ctx, ComponentContext c) {
        return io.kubelift.generator.emit.HorizontalPodAutoscalerEmitter.scalable(c);
    }

    static Map<String, String> namespaceLabels(PlanContext ctx, EnvironmentProfile env) {
        Map<String, String> m = new TreeMap<>(ObjectNames.appLabels(ctx));
        m.put("pod-security.kubernetes.io/enforce", "restricted");
        m.put("pod-security.kubernetes.io/warn", "restricted");
        m.put("kubelift.io/environment", env.name());
        return m;
    }

    static HasMetadata quota(PlanContext ctx, EnvironmentProfile env, String ns) {
        BigDecimal cpu = BigDecimal.ZERO;
        BigDecimal memory = BigDecimal.ZERO;
        int pods = 0;
        for (ComponentContext c : ctx.components()) {
            int replicas = replicas(c, env);
            pods += replicas;
            var r = c.component().resources();
            if (r != null && r.cpu() != null) {
                cpu =
                        cpu.add(
                                QuantityMath.amount(r.cpu(), "resources.cpu of " + c.name())
                                        .multiply(BigDecimal.valueOf(replicas)));
            } else {
                cpu =
                        cpu.add(
                                QuantityMath.amount(LIMIT_DEFAULT_CPU_REQUEST, "cpu")
                                        .multiply(BigDecimal.valueOf(replicas)));
            }
            if (r != null && r.memory() != null) {
                memory =
                        memory.add(
                                QuantityMath.amount(r.memory(), "resources.memory of " + c.name())
                                        .multiply(BigDecimal.valueOf(replicas)));
            } else {
                memory =
                        memory.add(
                                QuantityMath.amount(LIMIT_DEFAULT_MEMORY, "memory")
                                        .multiply(BigDecimal.valueOf(replicas)));
            }
        }
        BigDecimal h = BigDecimal.valueOf(QUOTA_HEADROOM);
        Map<String, Quantity> hard = new TreeMap<>();
        hard.put("requests.cpu", new Quantity(QuantityMath.millicores(cpu.multiply(h))));
        hard.put("requests.memory", new Quantity(QuantityMath.mebibytes(memory.multiply(h))));
        hard.put("limits.memory", new Quantity(QuantityMath.mebibytes(memory.multiply(h))));
        hard.put("pods", new Quantity(String.valueOf(Math.max(pods, 1) * QUOTA_HEADROOM)));
        hard.put("persistentvolumeclaims", new Quantity(String.valueOf(pvcs(ctx))));
        return new ResourceQuotaBuilder()
                .withNewMetadata()
                .withName(ctx.appName() + "-quota")
                .withNamespace(ns)
                .withLabels(ObjectNames.appLabels(ctx))
                .endMetadata()
                .withNewSpec()
                .withHard(hard)
                .endSpec()
                .build();
    }

    static final String LIMIT_DEFAULT_CPU_REQUEST = "100m";
    static final String LIMIT_DEFAULT_MEMORY = "256Mi";

    static HasMetadata limitRange(PlanContext ctx, String ns) {
        return new LimitRangeBuilder()
                .withNewMetadata()
                .withName(ctx.appName() + "-limits")
                .withNamespace(ns)
                .withLabels(ObjectNames.appLabels(ctx))
                .endMetadata()
                .withNewSpec()
                .withLimits(
                        new LimitRangeItemBuilder()
                                .withType("Container")
                                .withDefaultRequest(
                                        Map.of(
                                                "cpu",
                                                new Quantity(LIMIT_DEFAULT_CPU_REQUEST),
                                                "memory",
                                                new Quantity(LIMIT_DEFAULT_MEMORY)))
                                .withDefault(Map.of("memory", new Quantity(LIMIT_DEFAULT_MEMORY)))
                                .build())
                .endSpec()
                .build();
    }

    private static int replicas(ComponentContext c, EnvironmentProfile env) {
        int base = Math.max(env.replicasOf(c), 1);
        boolean hpa =
                env.autoscaling()
                        && io.kubelift.generator.emit.HorizontalPodAutoscalerEmitter.scalable(c);
        return hpa ? Math.max(base * 2, base + 1) : base;
    }

    private static int pvcs(PlanContext ctx) {
        int n = 0;
        for (ComponentContext c : ctx.components()) {
            long durable = c.component().state().stream().filter(s -> s.isDurable()).count();
            n +=
                    (int) durable
                            * (c.component().workload() == Workload.StatefulSet
                                    ? Math.max(1, c.component().replicas())
                                    : 1);
        }
        return n;
    }
}
