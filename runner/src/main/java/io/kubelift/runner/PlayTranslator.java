package io.kubelift.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelift.model.KubeliftException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns manifests meant for a cluster into what {@code podman kube play} (4.3) can run, on copies:
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

    private static final List<String> WORKLOADS =
            List.of("StatefulSet", "Deployment", "DaemonSet", "Job");

    private final Manifests manifests;
    private final Set<Integer> publishedPorts = new HashSet<>();

    private final Path playDir;
    private final Map<String, String> files = new TreeMap<>();

    /**
     * @param playDir where the runner writes the play files; files mounted with {@code subPath}
     *     from a ConfigMap are written under it and mounted from there (see {@link
     *     #configFileMounts})
     */
    PlayTranslator(Manifests manifests, Path playDir) {
        this.manifests = manifests;
        this.playDir = playDir;
    }

    PlayPlan translate() {
        String ns = manifests.namespace;
        List<ObjectNode> configMaps = new ArrayList<>();
        List<ObjectNode> services = new ArrayList<>();
        Map<String, List<ObjectNode>> workloads = new LinkedHashMap<>();
        WORKLOADS.forEach(k -> workloads.put(k, new ArrayList<>()));
        List<String> skipped = new ArrayList<>();
        Map<String, Map<String, String>> secretObjects = new TreeMap<>();
        for (ObjectNode o : manifests.objects) {
            String kind = o.path("kind").asText();
            String name = o.path("metadata").path("name").asText();
            switch (kind) {
                case "ConfigMap" -> configMaps.add(o);
                case "Service" -> services.add(o);
                case "Secret" -> secretObjects.put(name, secretData(o));
                case "Pod" -> workloads.computeIfAbsent("Pod", k -> new ArrayList<>()).add(o);
                default -> {
                    if (workloads.containsKey(kind)) {
                        workloads.get(kind).add(o);
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
        for (String kind : List.of("StatefulSet", "Deployment", "DaemonSet", "Pod", "Job")) {
            List<PlayPlan.Unit> tier = new ArrayList<>();
            for (ObjectNode w : workloads.getOrDefault(kind, List.of())) {
                tier.addAll(pods(kind, w, ns, services, secretForms));
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
        return new PlayPlan(configMaps, secrets, tiers, skipped, files);
    }

    private static Map<String, String> secretData(ObjectNode o) {
        Map<String, String> data = new TreeMap<>();
        o.path("data")
                .fields()
                .forEachRemaining(
                        e ->
                                data.put(
                                        e.getKey(),
                                        new String(
                                                java.util.Base64.getDecoder()
                                                        .decode(e.getValue().asText()),
                                                java.nio.charset.StandardCharsets.UTF_8)));
        o.path("stringData")
                .fields()
                .forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
        return data;
    }

    private List<PlayPlan.Unit> pods(
            String kind,
            ObjectNode w,
            String ns,
            List<ObjectNode> services,
            Map<String, String> secretForms) {
        String name = w.path("metadata").path("name").asText();
        JsonNode template = kind.equals("Pod") ? w : w.path("spec").path("template");
        int replicas =
                switch (kind) {
                    case "StatefulSet", "Deployment" -> w.path("spec").path("replicas").asInt(1);
                    case "Job" -> Math.max(1, w.path("spec").path("parallelism").asInt(1));
                    default -> 1;
                };
        List<PlayPlan.Unit> units = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            String podName = kind.equals("Pod") ? name : name + "-" + i;
            ObjectNode pod = Manifests.YAML.createObjectNode();
            pod.put("apiVersion", "v1").put("kind", "Pod");
            ObjectNode meta = pod.putObject("metadata");
            meta.put("name", podName);
            ObjectNode labels =
                    template.path("metadata").path("labels").isObject()
                            ? ((ObjectNode) template.path("metadata").path("labels")).deepCopy()
                            : Manifests.YAML.createObjectNode();
            if (kind.equals("StatefulSet")) {
                labels.put("statefulset.kubernetes.io/pod-name", podName);
            }
            if (!labels.isEmpty()) {
                meta.set("labels", labels);
            }
            ObjectNode annotations =
                    playableAnnotations(template.path("metadata").path("annotations"));
            if (template.path("spec").path("initContainers").size() > 0) {
                // podman removes a "once" init container right after it ran, and under load that
                // races its exit ("failed to remove once init container … as it is running"): keep
                // it, as the kubelet keeps a finished init container
                annotations.put(INIT_CONTAINER_TYPE, "always");
            }
            if (!annotations.isEmpty()) {
                meta.set("annotations", annotations);
            }
            ObjectNode spec =
                    template.path("spec").isObject()
                            ? ((ObjectNode) template.path("spec")).deepCopy()
                            : Manifests.YAML.createObjectNode();
            pod.set("spec", spec);
            String hostname = spec.path("hostname").asText(podName);
            String subdomain = spec.path("subdomain").asText(null);
            if (kind.equals("StatefulSet")) {
                hostname = podName;
                subdomain = w.path("spec").path("serviceName").asText(null);
                spec.put("hostname", hostname);
                if (subdomain != null) {
                    spec.put("subdomain", subdomain);
                }
            } else if (!kind.equals("Pod")) {
                spec.put("hostname", hostname);
            }
            if (kind.equals("Job")) {
                spec.put("restartPolicy", spec.path("restartPolicy").asText("Never"));
            }
            List<String> volumes = new ArrayList<>();
            List<String> claims = new ArrayList<>();
            ArrayNode vols =
                    spec.has("volumes")
                            ? (ArrayNode) spec.get("volumes")
                            : spec.putArray("volumes");
            if (kind.equals("StatefulSet")) {
                for (JsonNode vct : w.path("spec").path("volumeClaimTemplates")) {
                    String vname = vct.path("metadata").path("name").asText();
                    String claim = vname + "-" + podName;
                    ObjectNode v = vols.addObject();
                    v.put("name", vname);
                    v.putObject("persistentVolumeClaim").put("claimName", claim);
                }
            }
            for (JsonNode v : vols) {
                if (v.has("persistentVolumeClaim")) {
                    volumes.add(v.path("persistentVolumeClaim").path("claimName").asText());
                    claims.add(v.path("persistentVolumeClaim").path("claimName").asText());
                }
                if (v.has("configMap")) {
                    volumes.add(v.path("configMap").path("name").asText());
                }
                if (v.has("secret") && v.get("secret") instanceof ObjectNode s) {
                    s.put("optional", false);
                    secretForms.merge(
                            s.path("secretName").asText(), "volume", PlayTranslator::sameForm);
                }
            }
            if (vols.isEmpty()) {
                spec.remove("volumes");
            }
            List<String> containers = new ArrayList<>();
            List<PlayPlan.Probe> probes = new ArrayList<>();
            Map<Integer, Integer> hostPorts = new TreeMap<>();
            for (String section : List.of("initContainers", "containers")) {
                for (JsonNode cn : spec.path(section)) {
                    ObjectNode c = (ObjectNode) cn;
                    if (section.equals("containers")) {
                        containers.add(podName + "-" + c.path("name").asText());
                        probe(c).ifPresent(probes::add);
                    }
                    for (String p : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
                        c.remove(p);
                    }
                    resolveEnv(c, podName, ns);
                    configFileMounts(c, vols, podName);
                    secretRefs(c, secretForms);
                    publish(c, hostPorts);
                }
            }
            List<String> aliases = aliases(hostname, subdomain, ns, labels, services, podName);
            units.add(
                    new PlayPlan.Unit(
                            podName,
                            kind + "/" + name,
                            pod,
                            aliases,
                            containers,
                            hostPorts,
                            probes,
                            volumes,
                            claims,
                            kind.equals("Job")
                                    || "Never".equals(spec.path("restartPolicy").asText())));
        }
        return units;
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

    static ObjectNode playableAnnotations(JsonNode annotations) {
        ObjectNode kept = Manifests.YAML.createObjectNode();
        annotations
                .fields()
                .forEachRemaining(
                        e -> {
                            if (e.getValue().asText().length() <= MAX_ANNOTATION_VALUE) {
                                kept.set(e.getKey(), e.getValue().deepCopy());
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
    static void resolveEnv(ObjectNode c, String podName, String ns) {
        Map<String, String> known = new HashMap<>();
        for (JsonNode en : c.path("env")) {
            ObjectNode e = (ObjectNode) en;
            String name = e.path("name").asText();
            String field = e.path("valueFrom").path("fieldRef").path("fieldPath").asText(null);
            if ("metadata.name".equals(field) || "metadata.namespace".equals(field)) {
                e.remove("valueFrom");
                e.put("value", field.equals("metadata.name") ? podName : ns);
            }
            if (e.has("value")) {
                String value = expand(e.path("value").asText(), known);
                e.put("value", value);
                known.put(name, value);
            } else {
                known.remove(name);
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
    private void configFileMounts(ObjectNode c, ArrayNode vols, String podName) {
        Map<String, String> configMapOfVolume = new HashMap<>();
        for (JsonNode v : vols) {
            if (v.has("configMap")) {
                configMapOfVolume.put(
                        v.path("name").asText(), v.path("configMap").path("name").asText());
            }
        }
        int n = 0;
        for (JsonNode mn : c.path("volumeMounts")) {
            ObjectNode m = (ObjectNode) mn;
            String cm = configMapOfVolume.get(m.path("name").asText());
            String key = m.path("subPath").asText("");
            if (cm == null || key.isEmpty()) {
                continue;
            }
            String content =
                    manifests.objects.stream()
                            .filter(
                                    o ->
                                            o.path("kind").asText().equals("ConfigMap")
                                                    && o.path("metadata")
                                                            .path("name")
                                                            .asText()
                                                            .equals(cm))
                            .map(o -> o.path("data").path(key))
                            .filter(JsonNode::isTextual)
                            .map(JsonNode::asText)
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
            String rel = "files/" + podName + "/" + c.path("name").asText() + "/" + cm + "/" + key;
            files.put(rel, content);
            String volume = m.path("name").asText() + "-file-" + n++;
            ObjectNode v = vols.addObject();
            v.put("name", volume);
            v.putObject("hostPath")
                    .put("path", playDir.resolve(rel).toString())
                    .put("type", "File");
            m.put("name", volume);
            m.remove("subPath");
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

    private static void secretRefs(ObjectNode c, Map<String, String> secretForms) {
        for (JsonNode e : c.path("env")) {
            JsonNode ref = e.path("valueFrom").path("secretKeyRef");
            if (ref instanceof ObjectNode r) {
                r.put("optional", false);
                secretForms.merge(r.path("name").asText(), "env", PlayTranslator::sameForm);
            }
        }
        for (JsonNode e : c.path("envFrom")) {
            JsonNode ref = e.path("secretRef");
            if (ref instanceof ObjectNode r) {
                r.put("optional", false);
                secretForms.merge(r.path("name").asText(), "env", PlayTranslator::sameForm);
            }
        }
    }

    private void publish(ObjectNode c, Map<Integer, Integer> hostPorts) {
        if (!(c.get("ports") instanceof ArrayNode ports)) {
            return;
        }
        for (Iterator<JsonNode> it = ports.elements(); it.hasNext(); ) {
            ObjectNode p = (ObjectNode) it.next();
            int host = p.path("hostPort").asInt(p.path("containerPort").asInt());
            if (host > 0 && publishedPorts.add(host)) {
                p.put("hostPort", host);
                hostPorts.put(p.path("containerPort").asInt(), host);
            } else {
                it.remove();
            }
        }
        if (ports.isEmpty()) {
            c.remove("ports");
        }
    }

    private static java.util.Optional<PlayPlan.Probe> probe(ObjectNode c) {
        for (String kind : List.of("readinessProbe", "startupProbe", "livenessProbe")) {
            JsonNode p = c.path(kind);
            String container = c.path("name").asText();
            if (p.has("httpGet")) {
                return java.util.Optional.of(
                        new PlayPlan.Probe(
                                container,
                                "http",
                                port(c, p.get("httpGet").path("port")),
                                p.get("httpGet").path("path").asText("/"),
                                List.of()));
            }
            if (p.has("tcpSocket")) {
                return java.util.Optional.of(
                        new PlayPlan.Probe(
                                container,
                                "tcp",
                                port(c, p.get("tcpSocket").path("port")),
                                null,
                                List.of()));
            }
            if (p.has("exec")) {
                List<String> cmd = new ArrayList<>();
                p.get("exec").path("command").forEach(x -> cmd.add(x.asText()));
                return java.util.Optional.of(new PlayPlan.Probe(container, "exec", 0, null, cmd));
            }
        }
        return java.util.Optional.empty();
    }

    /** A probe port is a number or the name of one of the container's ports. */
    private static int port(ObjectNode c, JsonNode port) {
        if (port.isInt() || port.asText().matches("\\d+")) {
            return port.asInt();
        }
        for (JsonNode p : c.path("ports")) {
            if (p.path("name").asText().equals(port.asText())) {
                return p.path("containerPort").asInt();
            }
        }
        throw KubeliftException.badInput(
                "container " + c.path("name").asText(),
                "probe port '" + port.asText() + "' is not a named port",
                "regenerate the manifests");
    }

    private static List<String> aliases(
            String hostname,
            String subdomain,
            String ns,
            ObjectNode labels,
            List<ObjectNode> services,
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
        for (ObjectNode s : services) {
            JsonNode selector = s.path("spec").path("selector");
            if (!selector.isObject() || selector.isEmpty()) {
                continue;
            }
            boolean matches = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = selector.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                matches &= e.getValue().asText().equals(labels.path(e.getKey()).asText(null));
            }
            if (matches) {
                svcNames.add(s.path("metadata").path("name").asText());
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
