package io.kubelift.generator.defaults;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kubelift.generator.defaults.OrgDefaults.Environment;
import io.kubelift.model.KubeliftException;
import io.kubelift.model.Names;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads {@code kubelift.yaml}. Strict: an unknown setting, a wrong type or a bad value is a {@code
 * file:line: what — what to do} error, never ignored. Each value's line is kept in {@link
 * OrgDefaults#sources()}.
 */
public final class DefaultsReader {
    public static final String FILE_NAME = "kubelift.yaml";
    static final String API_VERSION = "kubelift.io/v1alpha1";
    static final String KIND = "Defaults";
    private static final long MAX_BYTES = 1 << 20;
    private static final Pattern QUANTITY =
            Pattern.compile("^[0-9]+(\\.[0-9]+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$");
    private static final Pattern REGISTRY =
            Pattern.compile(
                    "^[a-z0-9]([-a-z0-9.:_]*[a-z0-9])?(/[a-z0-9]([-a-z0-9._]*[a-z0-9])?)*$");
    private static final Pattern TAG = Pattern.compile("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$");

    private DefaultsReader() {}

    /**
     * The defaults file to use: {@code explicit} when given (it must exist), else {@code
     * kubelift.yaml} in the app's directory, else in the working directory; none found → {@link
     * OrgDefaults#NONE}.
     */
    public static OrgDefaults find(Path explicit, Path appDir, Path workingDir) {
        if (explicit != null) {
            if (!Files.isRegularFile(explicit)) {
                throw KubeliftException.badInput(
                        explicit.toString(),
                        "defaults file not found",
                        "give an existing kubelift.yaml with --config");
            }
            return read(explicit);
        }
        for (Path dir : new Path[] {appDir, workingDir}) {
            if (dir != null && Files.isRegularFile(dir.resolve(FILE_NAME))) {
                return read(dir.resolve(FILE_NAME));
            }
        }
        return OrgDefaults.NONE;
    }

    public static OrgDefaults read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw KubeliftException.badInput(
                        file.toString(),
                        "is larger than 1 MiB",
                        "a defaults file holds a few settings");
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (java.nio.charset.MalformedInputException e) {
            throw KubeliftException.badInput(
                    file.toString(), "is not UTF-8 text", "save kubelift.yaml as UTF-8");
        } catch (IOException e) {
            throw KubeliftException.badInput(
                    file.toString(),
                    "cannot be read: " + e.getMessage(),
                    "check the path and its permissions");
        }
    }

    /** A YAML node with the line it starts on. */
    private record Node(Object value, int line) {}

    public static OrgDefaults parse(String text, String name) {
        Node root;
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return OrgDefaults.NONE;
            }
            root = node(p, name);
            if (p.nextToken() != null) {
                throw KubeliftException.badInput(
                        name + ":" + p.currentLocation().getLineNr(),
                        "holds more than one YAML document",
                        "keep one document in kubelift.yaml");
            }
        } catch (IOException e) {
            int line =
                    e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                                    && j.getLocation() != null
                            ? j.getLocation().getLineNr()
                            : 1;
            throw KubeliftException.badInput(
                    name + ":" + line, "is not valid YAML", "fix the YAML syntax");
        }
        return new Builder(name).build(root);
    }

    private static Node node(JsonParser p, String name) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, Node> m = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int keyLine = p.currentTokenLocation().getLineNr();
                p.nextToken();
                Node v = node(p, name);
                if (m.put(key, new Node(v.value(), keyLine)) != null) {
                    throw KubeliftException.badInput(
                            name + ":" + keyLine, "sets '" + key + "' twice", "keep one of them");
                }
            }
            return new Node(m, line);
        }
        if (t == JsonToken.START_ARRAY) {
            List<Node> l = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                l.add(node(p, name));
            }
            return new Node(l, line);
        }
        if (t == JsonToken.VALUE_NULL) {
            return new Node(null, line);
        }
        return new Node(p.getText(), line);
    }

    private static final class Builder {
        private final String file;
        private final Map<String, String> sources = new TreeMap<>();

        Builder(String file) {
            this.file = file;
        }

        OrgDefaults build(Node root) {
            Map<String, Node> top =
                    map(
                            root,
                            "the document",
                            Set.of(
                                    "apiVersion",
                                    "kind",
                                    "image",
                                    "ingress",
                                    "storage",
                                    "resources",
                                    "scheduling",
                                    "metadata",
                                    "secrets",
                                    "environments"));
            Optional.ofNullable(top.get("apiVersion"))
                    .ifPresent(n -> expect(n, "apiVersion", API_VERSION));
            Optional.ofNullable(top.get("kind")).ifPresent(n -> expect(n, "kind", KIND));
            Map<String, Node> image =
                    map(top.get("image"), "image", Set.of("registry", "tagPolicy", "tag"));
            Map<String, Node> ingress =
                    map(
                            top.get("ingress"),
                            "ingress",
                            Set.of("className", "domain", "hostPattern", "tls"));
            Map<String, Node> tls =
                    map(ingress.get("tls"), "ingress.tls", Set.of("issuer", "issuerKind"));
            Map<String, Node> storage =
                    map(top.get("storage"), "storage", Set.of("className", "size"));
            Map<String, Node> resources =
                    map(top.get("resources"), "resources", Set.of("requests", "limits"));
            Map<String, Node> scheduling =
                    map(top.get("scheduling"), "scheduling", Set.of("nodeSelector", "tolerations"));
            Map<String, Node> metadata =
                    map(top.get("metadata"), "metadata", Set.of("labels", "annotations"));
            Map<String, Node> secrets = map(top.get("secrets"), "secrets", Set.of("mode", "store"));
            Map<String, Node> store =
                    map(secrets.get("store"), "secrets.store", Set.of("kind", "name"));

            String registry = string(image.get("registry"), "image.registry");
            if (registry != null && !REGISTRY.matcher(registry).matches()) {
                throw error(
                        image.get("registry"),
                        "image.registry '"
                                + registry
                                + "' is not a registry host with an optional path",
                        "write it as host[:port][/path], e.g. registry.example.com/team");
            }
            String tagPolicy =
                    oneOf(
                            image.get("tagPolicy"),
                            "image.tagPolicy",
                            List.of(OrgDefaults.TAG_PLAN_HASH, OrgDefaults.TAG_FIXED));
            String tag = tag(image.get("tag"), "image.tag");
            if (OrgDefaults.TAG_FIXED.equals(tagPolicy) && tag == null) {
                throw error(
                        image.get("tagPolicy"),
                        "image.tagPolicy fixed needs image.tag",
                        "add image.tag, e.g. \"1.4.2\"");
            }
            String hostPattern = string(ingress.get("hostPattern"), "ingress.hostPattern");
            if (hostPattern != null && !hostPattern.contains("{component}")) {
                throw error(
                        ingress.get("hostPattern"),
                        "ingress.hostPattern must contain {component}, or two components would share a host",
                        "use e.g. {component}.{env}.{domain}");
            }
            Map<String, Environment> envs = new TreeMap<>();
            Node envNode = top.get("environments");
            if (envNode != null) {
                for (Map.Entry<String, Node> e : map(envNode, "environments", null).entrySet()) {
                    if (!Names.isDnsLabel(e.getKey())) {
                        throw error(
                                e.getValue(),
                                "environment '" + e.getKey() + "' is not a DNS-1123 label",
                                "use names such as dev, test, prod");
                    }
                    envs.put(e.getKey(), environment(e.getValue(), "environments." + e.getKey()));
                }
            }
            return new OrgDefaults(
                    registry,
                    tagPolicy,
                    tag,
                    string(ingress.get("className"), "ingress.className"),
                    dnsName(ingress.get("domain"), "ingress.domain"),
                    hostPattern,
                    string(tls.get("issuer"), "ingress.tls.issuer"),
                    oneOf(
                            tls.get("issuerKind"),
                            "ingress.tls.issuerKind",
                            List.of("ClusterIssuer", "Issuer")),
                    string(storage.get("className"), "storage.className"),
                    quantity(storage.get("size"), "storage.size"),
                    quantities(resources.get("requests"), "resources.requests"),
                    quantities(resources.get("limits"), "resources.limits"),
                    strings(scheduling.get("nodeSelector"), "scheduling.nodeSelector"),
                    tolerations(scheduling.get("tolerations"), "scheduling.tolerations"),
                    strings(metadata.get("labels"), "metadata.labels"),
                    strings(metadata.get("annotations"), "metadata.annotations"),
                    oneOf(
                            secrets.get("mode"),
                            "secrets.mode",
                            List.of("plain", "external-secrets", "sealed")),
                    oneOf(
                            store.get("kind"),
                            "secrets.store.kind",
                            List.of("ClusterSecretStore", "SecretStore")),
                    string(store.get("name"), "secrets.store.name"),
                    envs,
                    sources);
        }

        private Environment environment(Node n, String path) {
            Map<String, Node> m =
                    map(
                            n,
                            path,
                            Set.of(
                                    "replicas",
                                    "resources",
                                    "tag",
                                    "tls",
                                    "storageSize",
                                    "autoscaling",
                                    "disruptionBudget",
                                    "domain"));
            Map<String, Node> res =
                    map(m.get("resources"), path + ".resources", Set.of("requests", "limits"));
            Integer replicas = null;
            Node r = m.get("replicas");
            if (r != null) {
                String s = string(r, path + ".replicas");
                try {
                    replicas = Integer.parseInt(s);
                } catch (NumberFormatException e) {
                    replicas = -1;
                }
                if (replicas < 0 || replicas > 1000) {
                    throw error(
                            r,
                            path + ".replicas '" + s + "' is not a number of replicas",
                            "use a whole number from 0 to 1000");
                }
            }
            return new Environment(
                    replicas,
                    quantities(res.get("requests"), path + ".resources.requests"),
                    quantities(res.get("limits"), path + ".resources.limits"),
                    tag(m.get("tag"), path + ".tag"),
                    bool(m.get("tls"), path + ".tls"),
                    quantity(m.get("storageSize"), path + ".storageSize"),
                    bool(m.get("autoscaling"), path + ".autoscaling"),
                    bool(m.get("disruptionBudget"), path + ".disruptionBudget"),
                    dnsName(m.get("domain"), path + ".domain"));
        }

        private KubeliftException error(Node n, String problem, String hint) {
            return KubeliftException.badInput(
                    file + ":" + (n == null ? 1 : n.line()), problem, hint);
        }

        @SuppressWarnings("unchecked")
        private Map<String, Node> map(Node n, String path, Set<String> allowed) {
            if (n == null || n.value() == null) {
                return Map.of();
            }
            if (!(n.value() instanceof Map)) {
                throw error(
                        n,
                        path + " must be a mapping",
                        "write it as key: value lines (see docs/kubelift-yaml.schema.json)");
            }
            Map<String, Node> m = (Map<String, Node>) n.value();
            if (allowed != null) {
                for (Map.Entry<String, Node> e : m.entrySet()) {
                    if (!allowed.contains(e.getKey())) {
                        throw error(
                                e.getValue(),
                                "unknown setting '" + e.getKey() + "' in " + path,
                                "allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)));
                    }
                }
            }
            return m;
        }

        private String string(Node n, String path) {
            if (n == null || n.value() == null) {
                return null;
            }
            if (!(n.value() instanceof String s)) {
                throw error(
                        n,
                        path + " must be a single value",
                        "write it as " + path.substring(path.lastIndexOf('.') + 1) + ": VALUE");
            }
            sources.put(path, file + ":" + n.line());
            return s;
        }

        private void expect(Node n, String path, String value) {
            if (!value.equals(string(n, path))) {
                throw error(n, path + " must be " + value, "set " + path + ": " + value);
            }
            sources.remove(path);
        }

        private String oneOf(Node n, String path, List<String> allowed) {
            String s = string(n, path);
            if (s != null && !allowed.contains(s)) {
                throw error(
                        n,
                        path + " '" + s + "' is not one of " + allowed,
                        "use one of " + String.join(", ", allowed));
            }
            return s;
        }

        private String tag(Node n, String path) {
            String s = string(n, path);
            if (s != null && !TAG.matcher(s).matches()) {
                throw error(
                        n,
                        path + " '" + s + "' is not a valid image tag",
                        "use letters, digits, '_', '.', '-' (max 128)");
            }
            return s;
        }

        private Boolean bool(Node n, String path) {
            String s = string(n, path);
            if (s == null) {
                return null;
            }
            if (!s.equals("true") && !s.equals("false")) {
                throw error(n, path + " '" + s + "' is not true or false", "write true or false");
            }
            return Boolean.valueOf(s);
        }

        private String dnsName(Node n, String path) {
            String s = string(n, path);
            if (s != null
                    && (s.length() > 200
                            || !s.matches(
                                    "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"))) {
                throw error(
                        n,
                        path + " '" + s + "' is not a DNS name",
                        "use lower-case labels separated by dots, e.g. apps.example.com");
            }
            return s;
        }

        private String quantity(Node n, String path) {
            String s = string(n, path);
            if (s != null && !QUANTITY.matcher(s).matches()) {
                throw error(
                        n,
                        path + " '" + s + "' is not a Kubernetes quantity",
                        "write e.g. 500m, 2, 512Mi, 20Gi");
            }
            return s;
        }

        private Map<String, String> quantities(Node n, String path) {
            Map<String, String> out = new TreeMap<>();
            for (Map.Entry<String, Node> e :
                    map(n, path, Set.of("cpu", "memory", "ephemeral-storage")).entrySet()) {
                out.put(e.getKey(), quantity(e.getValue(), path + "." + e.getKey()));
            }
            return out;
        }

        private Map<String, String> strings(Node n, String path) {
            Map<String, String> out = new TreeMap<>();
            for (Map.Entry<String, Node> e : map(n, path, null).entrySet()) {
                if (!e.getKey()
                        .matches(
                                "^([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")) {
                    throw error(
                            e.getValue(),
                            path
                                    + " key '"
                                    + e.getKey()
                                    + "' is not a valid Kubernetes label or annotation key",
                            "use [prefix/]name, e.g. example.com/team");
                }
                out.put(e.getKey(), string(e.getValue(), path + "." + e.getKey()));
            }
            return out;
        }

        private List<Map<String, Object>> tolerations(Node n, String path) {
            if (n == null || n.value() == null) {
                return List.of();
            }
            if (!(n.value() instanceof List<?> l)) {
                throw error(n, path + " must be a list", "write each toleration as '- key: …'");
            }
            List<Map<String, Object>> out = new ArrayList<>();
            int i = 0;
            for (Object o : l) {
                Node item = (Node) o;
                String p = path + "[" + i++ + "]";
                Map<String, Node> m =
                        map(
                                item,
                                p,
                                Set.of("key", "operator", "value", "effect", "tolerationSeconds"));
                Map<String, Object> t = new TreeMap<>();
                for (Map.Entry<String, Node> e : m.entrySet()) {
                    String v = string(e.getValue(), p + "." + e.getKey());
                    if (e.getKey().equals("tolerationSeconds")) {
                        try {
                            t.put(e.getKey(), Long.parseLong(v));
                        } catch (NumberFormatException ex) {
                            throw error(
                                    e.getValue(),
                                    p + ".tolerationSeconds '" + v + "' is not a number",
                                    "write whole seconds");
                        }
                    } else {
                        t.put(e.getKey(), v);
                    }
                }
                if (t.containsKey("operator")
                        && !List.of("Exists", "Equal").contains(t.get("operator"))) {
                    throw error(
                            item, p + ".operator must be Exists or Equal", "use Exists or Equal");
                }
                if (t.containsKey("effect")
                        && !List.of("NoSchedule", "PreferNoSchedule", "NoExecute")
                                .contains(t.get("effect"))) {
                    throw error(
                            item,
                            p + ".effect must be NoSchedule, PreferNoSchedule or NoExecute",
                            "use one of them");
                }
                out.add(t);
            }
            return out;
        }
    }
}
