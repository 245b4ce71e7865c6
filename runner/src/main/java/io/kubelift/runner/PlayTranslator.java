package io.kubelift.runner;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.HostPathVolumeSource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimVolumeSource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.kubelift.model.KubeliftException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns manifests meant for a cluster into what {@code podman kube play} (4.3) can run, on typed
 * copies (the fabric8 Kubernetes model):
 *
 * <ul>
 *   <li>StatefulSet, Deployment, DaemonSet and Job become one Pod per replica ({@code <name>-<i>};
 *       a StatefulSet pod keeps {@code hostname}/{@code subdomain}; volumeClaimTemplates become
 *       claims {@code <template>-<name>-<i>});
 *   <li>Services become network aliases of the pods they select ({@code svc}, {@code svc.ns},
 *       {@code svc.ns.svc}, {@code svc.ns.svc.cluster.local}), and every pod is also reachable by
 *       its hostname and {@code hostname.subdomain[.ns.svc.cluster.local]};
 *   <li>Secrets become podman secrets (references get {@code optional: false}, which podman needs);
 *   <li>probes are taken out of the pods (podman would run them with curl inside the image) and
 *       checked by the runner from the host;
 *   <li>each container port is published on the same host port by the first pod that has it, and
 *       dropped from later pods (podman publishes every containerPort, so two would clash).
 * </ul>
 *
 * Other kinds (Ingress, NetworkPolicy, PDB, HPA, RBAC, PVC, CronJob) are reported as skipped. Pods
 * are grouped into tiers played one after the other: StatefulSets (the addressed members others
 * connect to) first, then Deployments, DaemonSets and bare Pods, then Jobs.
 */
final class PlayTranslator {
    /** podman 4.3 refuses annotation values longer than this (it applies the label value limit). */
    static final int MAX_ANNOTATION_VALUE = 63;

    /** The kinds played, by tier, and the typed model each is read into. */
    private static final Map<String, Class<? extends HasMetadata>> WORKLOADS = workloads();

    private final Manifests manifests;
    private final Set<Integer> publishedPorts = new HashSet<>();

    private final Path playDir;
    private final Map<String, String> files = new TreeMap<>();
    private final Map<String, Long> sharedDirs = new TreeMap<>();
    private final List<ConfigMap> configMaps = new ArrayList<>();

    /**
     * @param playDir where the runner writes the play files; files mounted with {@code subPath}
     *     from a ConfigMap are written under it and mounted from there (see {@link
     *     #configFileMounts})
     */
    PlayTranslator(Manifests manifests, Path playDir) {
        this.manifests = manifests;
        this.playDir = playDir;
    }

    private static Map<String, Class<? extends HasMetadata>> workloads() {
        Map<String, Class<? extends HasMetadata>> w = new LinkedHashMap<>();
        w.put("StatefulSet", StatefulSet.class);
        w.put("Deployment", Deployment.class);
        w.put("DaemonSet", DaemonSet.class);
        w.put("Pod", Pod.class);
        w.put("Job", Job.class);
        return w;
    }

    private static <T> T typed(ObjectNode o, Class<T> type) {
        return Manifests.YAML.convertValue(o, type);
    }

    PlayPlan translate() {
        String ns = manifests.namespace;
        List<Service> services = new ArrayList<>();
        Map<String, List<HasMetadata>> workloads = new LinkedHashMap<>();
        WORKLOADS.keySet().forEach(k -> workloads.put(k, new ArrayList<>()));
        List<String> skipped = new ArrayList<>();
        Map<String, Map<String, String>> secretObjects = new TreeMap<>();
        for (ObjectNode o : manifests.objects) {
            String kind = o.path("kind").asText();
            String name = o.path("metadata").path("name").asText();
            switch (kind) {
                case "ConfigMap" -> configMaps.add(typed(o, ConfigMap.class));
                case "Service" -> services.add(typed(o, Service.class));
                case "Secret" -> secretObjects.put(name, secretData(typed(o, Secret.class)));
                default -> {
                    if (WORKLOADS.containsKey(kind)) {
                        workloads.get(kind).add(typed(o, WORKLOADS.get(kind)));
                    } else {
                        skipped.add(
                                kind
                                        + "/"
                                        + name
                                        + ": "
                                        + (kind.equals("CronJob")
                                                ? "not played locally (run its job template by hand)"
                                                : "has no meaning for a local podman run"));
                    }
                }
            }
        }
        Map<String, Map<String, String>> allSecrets = new TreeMap<>(secretObjects);
        allSecrets.putAll(manifests.secrets);
        Map<String, String> secretForms = new TreeMap<>();

        List<List<PlayPlan.Unit>> tiers = new ArrayList<>();
        for (Map.Entry<String, List<HasMetadata>> kind : workloads.entrySet()) {
            List<PlayPlan.Unit> tier = new ArrayList<>();
            for (HasMetadata w : kind.getValue()) {
                tier.addAll(pods(Workload.of(w), ns, services, secretForms));
            }
            if (!tier.isEmpty()) {
                tiers.add(tier);
            }
        }
        List<PlayPlan.Secret> secrets = new ArrayList<>();
        for (Map.Entry<String, String> e : secretForms.entrySet()) {
            Map<String, String> data = allSecrets.get(e.getKey());
            if (data == null) {
                throw KubeliftException.badInput(
                        "Secret/" + e.getKey(),
                        "referenced by a pod but neither a Secret object nor a "
                                + "secretGenerator defines it",
                        "regenerate, or fill in k8s/base/secrets/*.env");
            }
            secrets.add(new PlayPlan.Secret(e.getKey(), e.getValue(), new TreeMap<>(data)));
        }
        return new PlayPlan(configMaps, secrets, tiers, skipped, files, sharedDirs);
    }

    private static Map<String, String> secretData(Secret s) {
        Map<String, String> data = new TreeMap<>();
        orEmpty(s.getData())
                .forEach(
                        (k, v) ->
                                data.put(
                                        k,
                                        new String(
                                                Base64.getDecoder().decode(v),
                                                StandardCharsets.UTF_8)));
        data.putAll(orEmpty(s.getStringData()));
        return data;
    }

    /**
     * What a workload contributes to its pods: its kind and name, the pod template, how many pods,
     * and for a StatefulSet the governing Service and the volume claim templates.
     */
    private record Workload(
            String kind,
            String name,
            PodTemplateSpec template,
            int replicas,
            String serviceName,
            List<PersistentVolumeClaim> claimTemplates) {
        static Workload of(HasMetadata w) {
            String name = w.getMetadata().getName();
            if (w instanceof StatefulSet s) {
                return new Workload(
                        "StatefulSet",
                        name,
                        s.getSpec().getTemplate(),
                        s.getSpec().getReplicas() == null ? 1 : s.getSpec().getReplicas(),
                        s.getSpec().getServiceName(),
                        s.getSpec().getVolumeClaimTemplates());
            }
            if (w instanceof Deployment d) {
                return new Workload(
                        "Deployment",
                        name,
                        d.getSpec().getTemplate(),
                        d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas(),
                        null,
                        List.of());
            }
            if (w instanceof DaemonSet d) {
                return new Workload(
                        "DaemonSet", name, d.getSpec().getTemplate(), 1, null, List.of());
            }
            if (w instanceof Job j) {
                Integer parallelism = j.getSpec().getParallelism();
                return new Workload(
                        "Job",
                        name,
                        j.getSpec().getTemplate(),
                        Math.max(1, parallelism == null ? 1 : parallelism),
                        null,
                        List.of());
            }
            Pod p = (Pod) w;
            return new Workload(
                    "Pod",
                    name,
                    new PodTemplateSpec(p.getMetadata(), p.getSpec()),
                    1,
                    null,
                    List.of());
        }
    }

    private List<PlayPlan.Unit> pods(
            Workload w, String ns, List<Service> services, Map<String, String> secretForms) {
        String kind = w.kind();
        ObjectMeta templateMeta =
                w.template() == null || w.template().getMetadata() == null
                        ? new ObjectMeta()
                        : w.template().getMetadata();
        PodSpec templateSpec =
                w.template() == null || w.template().getSpec() == null
                        ? new PodSpec()
                        : w.template().getSpec();
        List<PlayPlan.Unit> units = new ArrayList<>();
        for (int i = 0; i < w.replicas(); i++) {
            String podName = kind.equals("Pod") ? w.name() : w.name() + "-" + i;
            ObjectMeta meta = new ObjectMeta();
            meta.setName(podName);
            Map<String, String> labels = new LinkedHashMap<>(orEmpty(templateMeta.getLabels()));
            if (kind.equals("StatefulSet")) {
                labels.put("statefulset.kubernetes.io/pod-name", podName);
            }
            if (!labels.isEmpty()) {
                meta.setLabels(labels);
            }
            Map<String, String> annotations = playableAnnotations(templateMeta.getAnnotations());
            if (!orEmpty(templateSpec.getInitContainers()).isEmpty()) {
                // podman removes a "once" init container right after it ran, and under load that
                // races its exit ("failed to remove once init container … as it is running"): keep
                // it, as the kubelet keeps a finished init container
                annotations.put(INIT_CONTAINER_TYPE, "always");
            }
            if (!annotations.isEmpty()) {
                meta.setAnnotations(annotations);
            }
            PodSpec spec = Manifests.YAML.convertValue(templateSpec, PodSpec.class); // a copy
            Pod pod = new Pod("v1", "Pod", meta, spec, null);
            String hostname = spec.getHostname() != null ? spec.getHostname() : podName;
            String subdomain = spec.getSubdomain();
            if (kind.equals("StatefulSet")) {
                hostname = podName;
                subdomain = w.serviceName();
                spec.setHostname(hostname);
                if (subdomain != null) {
                    spec.setSubdomain(subdomain);
                }
            } else if (!kind.equals("Pod")) {
                spec.setHostname(hostname);
            }
            if (kind.equals("Job") && spec.getRestartPolicy() == null) {
                spec.setRestartPolicy("Never");
            }
            List<Volume> vols = new ArrayList<>(orEmpty(spec.getVolumes()));
            spec.setVolumes(vols);
            for (PersistentVolumeClaim vct : orEmpty(w.claimTemplates())) {
                Volume v = new Volume();
                v.setName(vct.getMetadata().getName());
                v.setPersistentVolumeClaim(
                        new PersistentVolumeClaimVolumeSource(
                                vct.getMetadata().getName() + "-" + podName, null));
                vols.add(v);
            }
            List<String> volumes = new ArrayList<>();
            List<String> claims = new ArrayList<>();
            for (Volume v : vols) {
                if (v.getPersistentVolumeClaim() != null) {
                    volumes.add(v.getPersistentVolumeClaim().getClaimName());
                    claims.add(v.getPersistentVolumeClaim().getClaimName());
                }
                if (v.getConfigMap() != null) {
                    volumes.add(v.getConfigMap().getName());
                }
                if (v.getSecret() != null) {
                    v.getSecret().setOptional(false);
                    secretForms.merge(
                            Objects.toString(v.getSecret().getSecretName(), ""),
                            "volume",
                            PlayTranslator::sameForm);
                }
            }
            List<String> containers = new ArrayList<>();
            List<PlayPlan.Probe> probes = new ArrayList<>();
            Map<Integer, Integer> hostPorts = new TreeMap<>();
            List<Container> all = new ArrayList<>(orEmpty(spec.getInitContainers()));
            int firstApp = all.size();
            all.addAll(orEmpty(spec.getContainers()));
            emptyDirFileMounts(all, vols, podName, spec);
            for (int ci = 0; ci < all.size(); ci++) {
                Container c = all.get(ci);
                if (ci >= firstApp) {
                    containers.add(podName + "-" + c.getName());
                    probe(c).ifPresent(probes::add);
                }
                c.setReadinessProbe(null);
                c.setLivenessProbe(null);
                c.setStartupProbe(null);
                resolveEnv(c, podName, ns);
                configFileMounts(c, vols, podName);
                secretRefs(c, secretForms);
                publish(c, hostPorts);
            }
            if (vols.isEmpty()) {
                spec.setVolumes(null);
            }
            List<String> aliases = aliases(hostname, subdomain, ns, labels, services, podName);
            units.add(
                    new PlayPlan.Unit(
                            podName,
                            kind + "/" + w.name(),
                            pod,
                            aliases,
                            containers,
                            hostPorts,
                            probes,
                            volumes,
                            claims,
                            kind.equals("Job") || "Never".equals(spec.getRestartPolicy())));
        }
        return units;
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> m) {
        return m == null ? Map.of() : m;
    }

    private static <T> List<T> orEmpty(List<T> l) {
        return l == null ? List.of() : l;
    }

    /**
     * The pod annotations podman 4.3 accepts: it checks annotation values like label values and
     * refuses the play when one is longer than 63 characters (e.g. a sha256 {@code
     * checksum/config}). Those annotations only roll pods on a cluster, so the local pod goes
     * without them.
     */
    /**
     * Podman's pod annotation for how init containers run: {@code once} (default) or {@code
     * always}.
     */
    static final String INIT_CONTAINER_TYPE = "io.podman.annotations.init.container.type";

    static Map<String, String> playableAnnotations(Map<String, String> annotations) {
        Map<String, String> kept = new LinkedHashMap<>();
        orEmpty(annotations)
                .forEach(
                        (k, v) -> {
                            if (v == null || v.length() <= MAX_ANNOTATION_VALUE) {
                                kept.put(k, v);
                            }
                        });
        return kept;
    }

    /**
     * Does for a container's env what the kubelet does and podman 4.3 does not: the downward API
     * fields {@code metadata.name} and {@code metadata.namespace} become literal values (podman
     * refuses the namespace), and {@code $(NAME)} references to variables defined earlier in the
     * list are expanded ({@code $$} escapes a {@code $}); references to unknown variables stay as
     * they are, as on a cluster.
     */
    static void resolveEnv(Container c, String podName, String ns) {
        Map<String, String> known = new HashMap<>();
        for (EnvVar e : orEmpty(c.getEnv())) {
            String field =
                    e.getValueFrom() == null || e.getValueFrom().getFieldRef() == null
                            ? null
                            : e.getValueFrom().getFieldRef().getFieldPath();
            if ("metadata.name".equals(field) || "metadata.namespace".equals(field)) {
                e.setValueFrom(null);
                e.setValue(field.equals("metadata.name") ? podName : ns);
            }
            if (e.getValue() != null) {
                String value = expand(e.getValue(), known);
                e.setValue(value);
                known.put(e.getName(), value);
            } else {
                known.remove(e.getName());
            }
        }
    }

    /** Kubernetes' {@code $(VAR)} expansion over the variables defined so far. */
    static String expand(String value, Map<String, String> known) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            char ch = value.charAt(i);
            if (ch == '$' && i + 1 < value.length() && value.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
            } else if (ch == '$' && i + 1 < value.length() && value.charAt(i + 1) == '(') {
                int end = value.indexOf(')', i + 2);
                String name = end < 0 ? null : value.substring(i + 2, end);
                if (name != null && known.containsKey(name)) {
                    out.append(known.get(name));
                    i = end + 1;
                } else {
                    out.append(ch);
                    i++;
                }
            } else {
                out.append(ch);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * podman 4.3 ignores {@code subPath} on ConfigMap volumes and mounts the whole volume directory
     * over the file's path, which fails ("not a directory"). So each ConfigMap key mounted with a
     * {@code subPath} is written as a file under the play dir and bind-mounted from there ({@code
     * hostPath}, type File), read-only as asked.
     */
    private void configFileMounts(Container c, List<Volume> vols, String podName) {
        Map<String, String> configMapOfVolume = new HashMap<>();
        for (Volume v : vols) {
            if (v.getConfigMap() != null) {
                configMapOfVolume.put(v.getName(), v.getConfigMap().getName());
            }
        }
        int n = 0;
        for (VolumeMount m : orEmpty(c.getVolumeMounts())) {
            String cm = configMapOfVolume.get(m.getName());
            String key = m.getSubPath() == null ? "" : m.getSubPath();
            if (cm == null || key.isEmpty()) {
                continue;
            }
            String content =
                    configMaps.stream()
                            .filter(o -> cm.equals(o.getMetadata().getName()))
                            .map(o -> orEmpty(o.getData()).get(key))
                            .filter(Objects::nonNull)
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            KubeliftException.badInput(
                                                    "ConfigMap/" + cm,
                                                    "has no key '"
                                                            + key
                                                            + "' that pod "
                                                            + podName
                                                            + " mounts",
                                                    "regenerate the manifests"));
            String rel = "files/" + podName + "/" + c.getName() + "/" + cm + "/" + key;
            files.put(rel, content);
            mountHostFile(m, rel, n++, vols);
        }
    }

    /**
     * Mounts the play directory's file {@code rel} (relative to the play directory) where {@code m}
     * mounted one key or sub-path, as a hostPath volume of its own ({@code <volume>-file-<n>}).
     */
    private void mountHostFile(VolumeMount m, String rel, int n, List<Volume> vols) {
        String volume = m.getName() + "-file-" + n;
        Volume v = new Volume();
        v.setName(volume);
        v.setHostPath(new HostPathVolumeSource(playDir.resolve(rel).toString(), "File"));
        vols.add(v);
        m.setName(volume);
        m.setSubPath(null);
    }

    /**
     * podman 4.3 creates the containers of a pod before it runs the init containers, and a {@code
     * subPath} mount of an emptyDir file that does not exist yet becomes a directory: the file the
     * generated {@code render-config} init container writes (a config file with its secrets filled
     * in) could then neither be written nor read. So an emptyDir that a container mounts with a
     * {@code subPath} becomes a directory under the play dir ({@code dirs/<pod>/<volume>}), each
     * such file is created there empty beforehand and bind-mounted as a file, and the init
     * container writes into that same file. Both belong to the pod's {@code fsGroup} (default 0)
     * and only the owner and that group may read or write them, as Kubernetes gives an emptyDir to
     * the {@code fsGroup}.
     */
    private void emptyDirFileMounts(
            List<Container> containers, List<Volume> vols, String podName, PodSpec spec) {
        java.util.Set<String> withSubPath = new java.util.TreeSet<>();
        for (Container c : containers) {
            for (VolumeMount m : orEmpty(c.getVolumeMounts())) {
                if (m.getSubPath() != null && !m.getSubPath().isEmpty()) {
                    withSubPath.add(m.getName());
                }
            }
        }
        long group =
                spec.getSecurityContext() != null && spec.getSecurityContext().getFsGroup() != null
                        ? spec.getSecurityContext().getFsGroup()
                        : 0L;
        Map<String, String> rootOf = new HashMap<>(); // volume name → dir relative to the play dir
        for (Volume v : vols) {
            if (v.getEmptyDir() != null && withSubPath.contains(v.getName())) {
                String root = "dirs/" + podName + "/" + v.getName();
                rootOf.put(v.getName(), root);
                v.setEmptyDir(null);
                v.setHostPath(
                        new HostPathVolumeSource(playDir.resolve(root).toString(), "Directory"));
                sharedDirs.put(root + "/", group);
            }
        }
        int n = 0;
        for (Container c : containers) {
            for (VolumeMount m : orEmpty(c.getVolumeMounts())) {
                String root = rootOf.get(m.getName());
                String sub = m.getSubPath();
                if (root == null || sub == null || sub.isEmpty()) {
                    continue;
                }
                String rel = root + "/" + sub;
                for (int i = sub.indexOf('/'); i > 0; i = sub.indexOf('/', i + 1)) {
                    sharedDirs.put(root + "/" + sub.substring(0, i) + "/", group);
                }
                sharedDirs.put(rel, group);
                mountHostFile(m, rel, n++, vols);
            }
        }
    }

    private static String sameForm(String a, String b) {
        if (!a.equals(b)) {
            throw KubeliftException.usage(
                    "a Secret is used both as environment and as a volume",
                    "podman 4.3 needs a different secret format for each; split it into two Secrets");
        }
        return a;
    }

    private static void secretRefs(Container c, Map<String, String> secretForms) {
        for (EnvVar e : orEmpty(c.getEnv())) {
            if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
                var r = e.getValueFrom().getSecretKeyRef();
                r.setOptional(false);
                secretForms.merge(
                        Objects.toString(r.getName(), ""), "env", PlayTranslator::sameForm);
            }
        }
        for (EnvFromSource e : orEmpty(c.getEnvFrom())) {
            if (e.getSecretRef() != null) {
                e.getSecretRef().setOptional(false);
                secretForms.merge(
                        Objects.toString(e.getSecretRef().getName(), ""),
                        "env",
                        PlayTranslator::sameForm);
            }
        }
    }

    private void publish(Container c, Map<Integer, Integer> hostPorts) {
        if (c.getPorts() == null || c.getPorts().isEmpty()) {
            return;
        }
        List<ContainerPort> ports = new ArrayList<>(c.getPorts());
        for (Iterator<ContainerPort> it = ports.iterator(); it.hasNext(); ) {
            ContainerPort p = it.next();
            int container = p.getContainerPort() == null ? 0 : p.getContainerPort();
            int host = p.getHostPort() != null ? p.getHostPort() : container;
            if (host > 0 && publishedPorts.add(host)) {
                p.setHostPort(host);
                hostPorts.put(container, host);
            } else {
                it.remove();
            }
        }
        c.setPorts(ports.isEmpty() ? null : ports);
    }

    private static Optional<PlayPlan.Probe> probe(Container c) {
        for (Probe p :
                java.util.Arrays.asList(
                        c.getReadinessProbe(), c.getStartupProbe(), c.getLivenessProbe())) {
            if (p == null) {
                continue;
            }
            String container = c.getName();
            if (p.getHttpGet() != null) {
                return Optional.of(
                        new PlayPlan.Probe(
                                container,
                                "http",
                                port(c, p.getHttpGet().getPort()),
                                p.getHttpGet().getPath() == null ? "/" : p.getHttpGet().getPath(),
                                List.of()));
            }
            if (p.getTcpSocket() != null) {
                return Optional.of(
                        new PlayPlan.Probe(
                                container,
                                "tcp",
                                port(c, p.getTcpSocket().getPort()),
                                null,
                                List.of()));
            }
            if (p.getExec() != null) {
                return Optional.of(
                        new PlayPlan.Probe(
                                container,
                                "exec",
                                0,
                                null,
                                List.copyOf(orEmpty(p.getExec().getCommand()))));
            }
        }
        return Optional.empty();
    }

    /** A probe port is a number or the name of one of the container's ports. */
    private static int port(Container c, IntOrString port) {
        if (port != null && port.getIntVal() != null) {
            return port.getIntVal();
        }
        String name = port == null || port.getStrVal() == null ? "" : port.getStrVal();
        if (name.matches("\\d+")) {
            return Integer.parseInt(name);
        }
        for (ContainerPort p : orEmpty(c.getPorts())) {
            if (name.equals(p.getName())) {
                return p.getContainerPort() == null ? 0 : p.getContainerPort();
            }
        }
        throw KubeliftException.badInput(
                "container " + c.getName(),
                "probe port '" + name + "' is not a named port",
                "regenerate the manifests");
    }

    private static List<String> aliases(
            String hostname,
            String subdomain,
            String ns,
            Map<String, String> labels,
            List<Service> services,
            String podName) {
        Set<String> a = new LinkedHashSet<>();
        a.add(hostname);
        if (!hostname.equals(podName)) {
            a.add(podName);
        }
        if (subdomain != null && !subdomain.isBlank()) {
            a.add(hostname + "." + subdomain);
            a.add(hostname + "." + subdomain + "." + ns);
            a.add(hostname + "." + subdomain + "." + ns + ".svc");
            a.add(hostname + "." + subdomain + "." + ns + ".svc.cluster.local");
        }
        Set<String> svcNames = new TreeSet<>();
        for (Service s : services) {
            Map<String, String> selector =
                    s.getSpec() == null ? Map.of() : orEmpty(s.getSpec().getSelector());
            if (selector.isEmpty()) {
                continue;
            }
            boolean matches = true;
            for (Map.Entry<String, String> e : selector.entrySet()) {
                matches &= Objects.equals(e.getValue(), labels.get(e.getKey()));
            }
            if (matches) {
                svcNames.add(s.getMetadata().getName());
            }
        }
        for (String svc : svcNames) {
            a.add(svc);
            a.add(svc + "." + ns);
            a.add(svc + "." + ns + ".svc");
            a.add(svc + "." + ns + ".svc.cluster.local");
        }
        return List.copyOf(a);
    }
}
