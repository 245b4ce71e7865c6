package io.kubelift.generator.emit;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.kubelift.generator.ComponentContext;
import io.kubelift.generator.ObjectNames;
import io.kubelift.generator.PlanContext;
import io.kubelift.model.Component;
import io.kubelift.model.Health;
import io.kubelift.model.ImageLayout;
import io.kubelift.model.LogDir;
import io.kubelift.model.Peer;
import io.kubelift.model.Port;
import io.kubelift.model.Resources;
import io.kubelift.model.RuntimeRequirements;
import io.kubelift.model.StateDir;
import io.kubelift.model.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The pod template of a component, the same for every workload kind: one container {@value
 * ObjectNames#CONTAINER} running the image's start script, Pod Security Standards "restricted"
 * (non-root uid with gid 0, no privilege escalation, all capabilities dropped, RuntimeDefault
 * seccomp, read-only root filesystem), config files mounted one by one ({@code subPath}) over their
 * paths under /opt/app so the other files of a config directory stay visible, emptyDirs for /tmp,
 * logs and scratch state, PVCs for durable state, probes, resources and the {@code checksum/config}
 * annotation that rolls pods when the config changes.
 */
public final class PodTemplates {
    static final String CONFIG_VOLUME = "config";
    static final String RENDERED_VOLUME = "rendered-config";
    static final String STORAGE_DEFAULT = "10Gi";

    private PodTemplates() {}

    /** A writable directory of the component and how it is backed. */
    record WritableDir(String volume, String path, boolean durable) {}

    /** Writable directories: /tmp, the user's home, logs, state; one per path, durable wins. */
    static List<WritableDir> writableDirs(Component c) {
        Map<String, WritableDir> byPath = new LinkedHashMap<>();
        byPath.put("/tmp", new WritableDir("tmp", "/tmp", false));
        byPath.put(ImageLayout.USER_HOME, new WritableDir("home", ImageLayout.USER_HOME, false));
        for (StateDir s : c.state()) {
            String path = ImageLayout.inApp(s.path());
            WritableDir prior = byPath.get(path);
            boolean durable = s.isDurable() || (prior != null && prior.durable());
            byPath.put(
                    path,
                    new WritableDir(
                            ObjectNames.volumeFor(durable ? "data" : "state", path),
                            path,
                            durable));
        }
        for (LogDir l : c.logs()) {
            String path = ImageLayout.inApp(l.path());
            byPath.putIfAbsent(
                    path, new WritableDir(ObjectNames.volumeFor("logs", path), path, false));
        }
        return List.copyOf(byPath.values());
    }

    /**
     * The claim of a durable directory: a volumeClaimTemplate for StatefulSets, a PVC object
     * otherwise.
     */
    static PersistentVolumeClaim claim(
            PlanContext ctx, ComponentContext c, WritableDir dir, String name) {
        return new PersistentVolumeClaimBuilder()
                .withMetadata(Meta.claim(ctx, c, name))
                .withNewSpec()
                .withAccessModes("ReadWriteOnce")
                .withNewResources()
                .addToRequests("storage", new Quantity(storageSize(ctx)))
                .endResources()
                .withStorageClassName(ctx.options().org().storageClass())
                .endSpec()
                .build();
    }

    /** The claim size: the defaults file's storage.size, else {@value #STORAGE_DEFAULT}. */
    public static String storageSize(PlanContext ctx) {
        String s = ctx.options().org().storageSize();
        return s != null ? s : STORAGE_DEFAULT;
    }

    static String claimName(ComponentContext c, WritableDir dir) {
        return c.name() + "-" + dir.volume();
    }

    public static PodTemplateSpec template(
            PlanContext ctx, ComponentContext c, String restartPolicy) {
        Component comp = c.component();
        long uid =
                comp.runtime() != null && comp.runtime().user() != null
                        ? comp.runtime().user()
                        : RuntimeRequirements.DEFAULT_USER;
        List<Volume> volumes = new ArrayList<>();
        List<VolumeMount> mounts = new ArrayList<>();
        List<Container> init = new ArrayList<>();
        if (!c.config().isEmpty()) {
            volumes.add(
                    new VolumeBuilder()
                            .withName(CONFIG_VOLUME)
                            .withNewConfigMap()
                            .withName(ObjectNames.configMap(c.name()))
                            .endConfigMap()
                            .build());
            for (ComponentContext.ConfigEntry e : c.config()) {
                if (e.file().needsRendering()) {
                    mounts.add(
                            mount(
                                    RENDERED_VOLUME,
                                    ImageLayout.inApp(e.file().path()),
                                    e.file().path(),
                                    true));
                } else {
                    mounts.add(
                            mount(
                                    CONFIG_VOLUME,
                                    ImageLayout.inApp(e.file().path()),
                                    e.key(),
                                    true));
                }
            }
        }
        if (c.rendersConfig()) {
            volumes.add(
                    new VolumeBuilder()
                            .withName(RENDERED_VOLUME)
                            .withNewEmptyDir()
                            .endEmptyDir()
                            .build());
            init.add(
                    new ContainerBuilder()
                            .withName("render-config")
                            .withImage(c.image())
                            .withImagePullPolicy("IfNotPresent")
                            .withArgs("--render-config")
                            .withEnvFrom(
                                    new EnvFromSourceBuilder()
                                            .withNewSecretRef()
                                            .withName(ObjectNames.secret(c.name()))
                                            .endSecretRef()
                                            .build())
                            .withVolumeMounts(
                                    mount(CONFIG_VOLUME, ImageLayout.TEMPLATES, null, true),
                                    mount(RENDERED_VOLUME, ImageLayout.RENDERED, null, false))
                            .withResources(resources(ctx, comp))
                            .withSecurityContext(containerSecurity(uid))
                            .build());
        }
        for (WritableDir d : writableDirs(comp)) {
            mounts.add(mount(d.volume(), d.path(), null, false));
            if (!d.durable()) {
                volumes.add(
                        new VolumeBuilder()
                                .withName(d.volume())
                                .withNewEmptyDir()
                                .endEmptyDir()
                                .build());
            } else if (comp.workload() != Workload.StatefulSet) {
                volumes.add(
                        new VolumeBuilder()
                                .withName(d.volume())
                                .withNewPersistentVolumeClaim()
                                .withClaimName(claimName(c, d))
                                .endPersistentVolumeClaim()
                                .build());
            }
        }
        ContainerBuilder main =
                new ContainerBuilder()
                        .withName(ObjectNames.CONTAINER)
                        .withImage(c.image())
                        .withImagePullPolicy("IfNotPresent")
                        .withEnv(env(ctx, c))
                        .withVolumeMounts(mounts)
                        .withResources(resources(ctx, comp))
                        .withSecurityContext(containerSecurity(uid));
        if (!comp.secrets().isEmpty()) {
            main.withEnvFrom(
                    new EnvFromSourceBuilder()
                            .withNewSecretRef()
                            .withName(ObjectNames.secret(c.name()))
                            .endSecretRef()
                            .build());
        }
        for (Port p : comp.ports()) {
            main.addToPorts(
                    new ContainerPortBuilder()
                            .withName(p.name())
                            .withContainerPort(p.port())
                            .withProtocol(p.protocol())
                            .build());
        }
        if (!c.isBatch()) {
            handler(c)
                    .ifPresent(
                            h -> {
                                main.withStartupProbe(
                                        new ProbeBuilder(h)
                                                .withPeriodSeconds(10)
                                                .withFailureThreshold(30)
                                                .build());
                                main.withReadinessProbe(
                                        new ProbeBuilder(h)
                                                .withPeriodSeconds(10)
                                                .withFailureThreshold(3)
                                                .build());
                                main.withLivenessProbe(
                                        new ProbeBuilder(h)
                                                .withPeriodSeconds(20)
                                                .withFailureThreshold(3)
                                                .build());
                            });
        }
        Map<String, String> annotations = new TreeMap<>();
        annotations.putAll(ctx.options().org().annotations());
        if (!c.config().isEmpty()) {
            annotations.put("checksum/config", c.configChecksum());
        }
        if (!c.configFromImage().isEmpty()) {
            // config files over the ConfigMap limit: the app reads the image's copy (a note says
            // so)
            annotations.put("kubelift.io/config-from-image", String.join(",", c.configFromImage()));
        }
        var defaults = ctx.options().org();
        List<io.fabric8.kubernetes.api.model.Toleration> tolerations =
                defaults.tolerations().stream()
                        .map(
                                t -> {
                                    var b =
                                            new io.fabric8.kubernetes.api.model.TolerationBuilder()
                                                    .withKey((String) t.get("key"))
                                                    .withOperator((String) t.get("operator"))
                                                    .withValue((String) t.get("value"))
                                                    .withEffect((String) t.get("effect"));
                                    if (t.get("tolerationSeconds") != null) {
                                        b.withTolerationSeconds((Long) t.get("tolerationSeconds"));
                                    }
                                    return b.build();
                                })
                        .toList();
        return new PodTemplateSpecBuilder()
                .withNewMetadata()
                .withLabels(ObjectNames.labels(ctx, c.name()))
                .withAnnotations(annotations)
                .endMetadata()
                .withNewSpec()
                .withServiceAccountName(c.name())
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withRestartPolicy(restartPolicy)
                .withNewSecurityContext()
                .withRunAsNonRoot(true)
                .withRunAsUser(uid)
                .withRunAsGroup(0L)
                .withFsGroup(0L)
                .withNewSeccompProfile()
                .withType("RuntimeDefault")
                .endSeccompProfile()
                .endSecurityContext()
                .withNodeSelector(
                        defaults.nodeSelector().isEmpty() ? null : defaults.nodeSelector())
                .withTolerations(tolerations)
                .withInitContainers(init)
                .withContainers(main.build())
                .withVolumes(volumes)
                .endSpec()
                .build();
    }

    private static VolumeMount mount(String volume, String path, String subPath, boolean readOnly) {
        VolumeMountBuilder b = new VolumeMountBuilder().withName(volume).withMountPath(path);
        if (subPath != null) {
            b.withSubPath(subPath);
        }
        if (readOnly) {
            b.withReadOnly(true);
        }
        return b.build();
    }

    static SecurityContext containerSecurity(long uid) {
        return new SecurityContextBuilder()
                .withAllowPrivilegeEscalation(false)
                .withReadOnlyRootFilesystem(true)
                .withRunAsNonRoot(true)
                .withRunAsUser(uid)
                .withNewCapabilities()
                .withDrop("ALL")
                .endCapabilities()
                .withNewSeccompProfile()
                .withType("RuntimeDefault")
                .endSeccompProfile()
                .build();
    }

    /**
     * CPU of a component that advertises its CPU limit to a scheduler (YARN vcores) when neither
     * plan nor defaults give one.
     */
    public static final String ADVERTISED_CPU_DEFAULT = "1";

    /**
     * Requests from the plan, else the defaults file's {@code resources.requests}; memory limit =
     * the plan's memory, else the defaults file's memory limit, else the request. A CPU limit only
     * when the defaults file sets one or the app reads {@code limits.cpu} (a daemon that advertises
     * CPU to a scheduler, e.g. YARN's NM_VCORES): then request = limit, from the plan, else the
     * defaults, else {@value #ADVERTISED_CPU_DEFAULT} — without a limit the downward API would hand
     * the app the node's CPU count.
     */
    public static ResourceRequirements resources(PlanContext ctx, Component c) {
        Resources r = c.resources();
        var d = ctx.options().org();
        ResourceRequirementsBuilder b = new ResourceRequirementsBuilder();
        boolean readsCpuLimit =
                c.env().stream().anyMatch(e -> "limits.cpu".equals(e.fromResource()));
        String cpu = r != null && r.cpu() != null ? r.cpu() : d.requests().get("cpu");
        String memory = r != null && r.memory() != null ? r.memory() : d.requests().get("memory");
        if (readsCpuLimit) {
            String advertised =
                    r != null && r.cpu() != null
                            ? r.cpu()
                            : d.limits().get("cpu") != null
                                    ? d.limits().get("cpu")
                                    : cpu != null ? cpu : ADVERTISED_CPU_DEFAULT;
            b.addToRequests("cpu", new Quantity(advertised));
            b.addToLimits("cpu", new Quantity(advertised));
        } else if (cpu != null) {
            b.addToRequests("cpu", new Quantity(cpu));
            if (d.limits().get("cpu") != null) {
                b.addToLimits("cpu", new Quantity(d.limits().get("cpu")));
            }
        }
        if (memory != null) {
            b.addToRequests("memory", new Quantity(memory));
            String limit =
                    r != null && r.memory() != null
                            ? r.memory()
                            : d.limits().getOrDefault("memory", memory);
            b.addToLimits("memory", new Quantity(limit));
        }
        return b.build();
    }

    static List<EnvVar> env(PlanContext ctx, ComponentContext c) {
        Component comp = c.component();
        List<EnvVar> env = new ArrayList<>();
        // First, so that plan env values can refer to it as $(KUBELIFT_APP_HOME) (Kubernetes
        // dependent variables).
        env.add(
                new EnvVarBuilder()
                        .withName(ImageLayout.APP_HOME_ENV)
                        .withValue(ImageLayout.APP_HOME)
                        .build());
        env.add(
                new EnvVarBuilder()
                        .withName("POD_NAME")
                        .withNewValueFrom()
                        .withNewFieldRef()
                        .withFieldPath("metadata.name")
                        .endFieldRef()
                        .endValueFrom()
                        .build());
        env.add(
                new EnvVarBuilder()
                        .withName("POD_NAMESPACE")
                        .withNewValueFrom()
                        .withNewFieldRef()
                        .withFieldPath("metadata.namespace")
                        .endFieldRef()
                        .endValueFrom()
                        .build());
        if (comp.workload() == Workload.StatefulSet) {
            String svc = ObjectNames.headlessService(c.name());
            env.add(new EnvVarBuilder().withName("KUBELIFT_SERVICE").withValue(svc).build());
            env.add(
                    new EnvVarBuilder()
                            .withName("KUBELIFT_CLUSTER_DOMAIN")
                            .withValue("cluster.local")
                            .build());
            env.add(
                    new EnvVarBuilder()
                            .withName("KUBELIFT_POD_FQDN")
                            .withValue(
                                    "$(POD_NAME)."
                                            + svc
                                            + ".$(POD_NAMESPACE).svc.$(KUBELIFT_CLUSTER_DOMAIN)")
                            .build());
        }
        for (io.kubelift.model.EnvVar e : comp.env()) {
            EnvVarBuilder b = new EnvVarBuilder().withName(e.name());
            if (e.fromResource() != null) {
                var ref =
                        new io.fabric8.kubernetes.api.model.ResourceFieldSelectorBuilder()
                                .withContainerName(ObjectNames.CONTAINER)
                                .withResource(e.fromResource());
                if (e.divisor() != null) {
                    ref.withDivisor(new Quantity(e.divisor()));
                }
                b.withNewValueFrom().withResourceFieldRef(ref.build()).endValueFrom();
            } else {
                b.withValue(e.value() == null ? "" : e.value());
            }
            env.add(b.build());
        }
        TreeSet<String> waitFor = new TreeSet<>();
        for (Peer p : comp.peers()) {
            if (p.component().equals(c.name())) {
                continue;
            }
            ctx.component(p.component())
                    .filter(ComponentContext::hasService)
                    .flatMap(ComponentContext::mainPort)
                    .ifPresent(
                            port ->
                                    waitFor.add(
                                            ObjectNames.service(p.component())
                                                    + ":"
                                                    + port.port()));
        }
        if (!waitFor.isEmpty()
                && comp.env().stream().noneMatch(e -> e.name().equals("KUBELIFT_WAIT_FOR"))) {
            env.add(
                    new EnvVarBuilder()
                            .withName("KUBELIFT_WAIT_FOR")
                            .withValue(String.join(",", waitFor))
                            .build());
        }
        return env;
    }

    /**
     * The probe handler: the plan's health check, else HTTP GET / on a web port, else TCP on the
     * first port.
     */
    static Optional<Probe> handler(ComponentContext c) {
        Health h = c.component().health();
        if (h != null && c.port(h.port()).isPresent()) {
            ProbeBuilder b = new ProbeBuilder();
            if (h.type().equals("http")) {
                b.withNewHttpGet()
                        .withPath(h.path())
                        .withPort(new IntOrString(h.port()))
                        .endHttpGet();
            } else {
                b.withNewTcpSocket().withPort(new IntOrString(h.port())).endTcpSocket();
            }
            return Optional.of(b.build());
        }
        Optional<Port> web = c.httpPort();
        if (web.isPresent()) {
            return Optional.of(
                    new ProbeBuilder()
                            .withNewHttpGet()
                            .withPath("/")
                            .withPort(new IntOrString(web.get().name()))
                            .endHttpGet()
                            .build());
        }
        return c.component().ports().stream()
                .findFirst()
                .map(
                        p ->
                                new ProbeBuilder()
                                        .withNewTcpSocket()
                                        .withPort(new IntOrString(p.name()))
                                        .endTcpSocket()
                                        .build());
    }
}
