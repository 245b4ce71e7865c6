package io.kubelift.checker;

import io.kubelift.model.Component;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Facts;
import io.kubelift.model.LogDir;
import io.kubelift.model.MigrationPlan;
import io.kubelift.model.Peer;
import io.kubelift.model.Port;
import io.kubelift.model.SecretRef;
import io.kubelift.model.StateDir;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The migrated app as a picture needs it: its components (workload, replicas), the Service ports
 * each one gets, which component talks to which (the plan's peers), the hosts outside the app it
 * still names (data stores told apart by URL scheme or well-known port), and the Secrets and
 * volumes each component mounts. Names only, never a value: a Secret is its key and env var, an
 * external host its name and port. Sorted, so the drawing is deterministic.
 */
public record Topology(List<Node> components, List<Link> links, List<External> externals) {
    public Topology {
        components = List.copyOf(components == null ? List.of() : components);
        links = List.copyOf(links == null ? List.of() : links);
        externals = List.copyOf(externals == null ? List.of() : externals);
    }

    /**
     * One component. {@code ports}: "name port/protocol"; {@code secrets}: the Secret key names;
     * {@code volumes}: "path (purpose)".
     */
    public record Node(
            String name,
            String workload,
            int replicas,
            List<String> ports,
            List<String> secrets,
            List<String> volumes) {
        public Node {
            ports = List.copyOf(ports == null ? List.of() : ports);
            secrets = List.copyOf(secrets == null ? List.of() : secrets);
            volumes = List.copyOf(volumes == null ? List.of() : volumes);
        }
    }

    /**
     * {@code from} reaches {@code to} (a component) through the settings {@code via}: one link per
     * pair of components, however many settings name the peer (a NodeManager names the
     * ResourceManager in six), so the picture draws one arrow.
     */
    public record Link(String from, String to, List<String> via) {
        public Link {
            via = List.copyOf(via == null ? List.of() : via);
        }
    }

    /**
     * A host outside the app; {@code kind} is a data store's scheme ({@code mysql}, {@code redis}…)
     * or {@code host}; {@code from}: the components whose files name it (all of them when no file
     * belongs to one).
     */
    public record External(String host, int port, String kind, List<String> from) {
        public External {
            from = List.copyOf(from == null ? List.of() : from);
        }

        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean dataStore() {
            return !"host".equals(kind);
        }
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
        return components.isEmpty();
    }

    private static final Pattern SCHEME =
            Pattern.compile("(?i)(?:jdbc:)?([a-z][a-z0-9+.-]*):(?://|@)");

    /** Data-store URL schemes and the name shown for them. */
    private static final Map<String, String> STORE_SCHEMES =
            Map.ofEntries(
                    Map.entry("mysql", "mysql"),
                    Map.entry("mariadb", "mariadb"),
                    Map.entry("postgresql", "postgresql"),
                    Map.entry("postgres", "postgresql"),
                    Map.entry("oracle", "oracle"),
                    Map.entry("sqlserver", "sqlserver"),
                    Map.entry("db2", "db2"),
                    Map.entry("h2", "h2"),
                    Map.entry("hsqldb", "hsqldb"),
                    Map.entry("derby", "derby"),
                    Map.entry("redis", "redis"),
                    Map.entry("rediss", "redis"),
                    Map.entry("mongodb", "mongodb"),
                    Map.entry("mongodb+srv", "mongodb"),
                    Map.entry("cassandra", "cassandra"),
                    Map.entry("memcached", "memcached"),
                    Map.entry("ldap", "ldap"),
                    Map.entry("ldaps", "ldap"),
                    Map.entry("amqp", "amqp"),
                    Map.entry("amqps", "amqp"),
                    Map.entry("tcp", "broker"),
                    Map.entry("kafka", "kafka"),
                    Map.entry("hdfs", "hdfs"),
                    Map.entry("s3", "s3"),
                    Map.entry("s3a", "s3"),
                    Map.entry("zookeeper", "zookeeper"));

    /** Well-known ports of data stores, for a host named without a URL. */
    private static final Map<Integer, String> STORE_PORTS =
            Map.ofEntries(
                    Map.entry(3306, "mysql"),
                    Map.entry(5432, "postgresql"),
                    Map.entry(1521, "oracle"),
                    Map.entry(1433, "sqlserver"),
                    Map.entry(6379, "redis"),
                    Map.entry(27017, "mongodb"),
                    Map.entry(9042, "cassandra"),
                    Map.entry(11211, "memcached"),
                    Map.entry(389, "ldap"),
                    Map.entry(636, "ldap"),
                    Map.entry(5672, "amqp"),
                    Map.entry(9092, "kafka"),
                    Map.entry(2181, "zookeeper"),
                    Map.entry(9200, "elasticsearch"));

    /** The topology of a plan and the hosts the facts name; empty without a plan. */
    public static Topology of(MigrationPlan plan, Facts facts) {
        if (plan == null || plan.spec() == null) {
            return new Topology(List.of(), List.of(), List.of());
        }
        List<Component> comps = new ArrayList<>(plan.spec().components());
        comps.sort(java.util.Comparator.comparing(Component::name));
        Set<String> names = new TreeSet<>();
        comps.forEach(c -> names.add(c.name()));
        List<Node> nodes = new ArrayList<>();
        // from → to → the settings that name the peer, sorted
        Map<String, Map<String, Set<String>>> linkVia = new TreeMap<>();
        Set<String> peerHosts = new TreeSet<>();
        Map<String, String> componentOfFile = new TreeMap<>();
        for (Component c : comps) {
            List<String> ports = new ArrayList<>();
            for (Port p : c.ports()) {
                ports.add(
                        p.name()
                                + " "
                                + p.port()
                                + "/"
                                + (p.protocol() == null ? "TCP" : p.protocol()));
            }
            Set<String> secrets = new TreeSet<>();
            for (SecretRef s : c.secrets()) {
                secrets.add(s.env() != null && !s.env().isBlank() ? s.env() : s.key());
            }
            Set<String> volumes = new TreeSet<>();
            for (StateDir s : c.state()) {
                volumes.add(s.path() + " (" + (s.purpose() == null ? "state" : s.purpose()) + ")");
            }
            for (LogDir l : c.logs()) {
                volumes.add(l.path() + " (logs)");
            }
            nodes.add(
                    new Node(
                            c.name(),
                            c.workload().name(),
                            c.replicas(),
                            ports,
                            List.copyOf(secrets),
                            List.copyOf(volumes)));
            for (Peer p : c.peers()) {
                if (p.host() != null) {
                    peerHosts.add(p.host().toLowerCase(Locale.ROOT));
                }
                if (names.contains(p.component()) && !p.component().equals(c.name())) {
                    Set<String> via =
                            linkVia.computeIfAbsent(c.name(), k -> new TreeMap<>())
                                    .computeIfAbsent(p.component(), k -> new TreeSet<>());
                    if (p.configKey() != null && !p.configKey().isBlank()) {
                        via.add(p.configKey());
                    }
                }
            }
            c.configFiles().forEach(f -> componentOfFile.putIfAbsent(f.path(), c.name()));
        }
        List<Link> links = new ArrayList<>();
        linkVia.forEach(
                (from, tos) ->
                        tos.forEach((to, via) -> links.add(new Link(from, to, List.copyOf(via)))));
        return new Topology(nodes, links, externals(facts, names, peerHosts, componentOfFile));
    }

    private static List<External> externals(
            Facts facts,
            Set<String> components,
            Set<String> peerHosts,
            Map<String, String> componentOfFile) {
        if (facts == null) {
            return List.of();
        }
        Map<String, String> kinds = new TreeMap<>();
        Map<String, Integer> ports = new TreeMap<>();
        Map<String, Set<String>> from = new TreeMap<>();
        for (Fact f : facts.facts()) {
            if (f.kind() != FactKind.HOST_REFERENCE) {
                continue;
            }
            String host = f.subject() == null ? "" : f.subject().strip().toLowerCase(Locale.ROOT);
            if (host.isEmpty()
                    || Hosts.isLoopback(host)
                    || Hosts.isWildcard(host)
                    || Hosts.isPlaceholder(host)
                    || Hosts.isDocumentation(host)
                    || peerHosts.contains(host)
                    || components.contains(host)
                    || host.length() > 120) {
                continue;
            }
            int port = parsePort(f.attr("port"));
            String kind = kindOf(f.value(), port);
            kinds.merge(host, kind, (a, b) -> "host".equals(a) ? b : a);
            if (port > 0) {
                ports.merge(host, port, Math::min);
            }
            String comp = f.evidence() == null ? null : componentOfFile.get(f.evidence().file());
            Set<String> users = from.computeIfAbsent(host, h -> new TreeSet<>());
            if (comp != null) {
                users.add(comp);
            }
        }
        List<External> out = new ArrayList<>();
        kinds.forEach(
                (host, kind) -> {
                    Set<String> users = from.get(host);
                    out.add(
                            new External(
                                    host,
                                    ports.getOrDefault(host, 0),
                                    kind,
                                    users.isEmpty()
                                            ? List.copyOf(components)
                                            : List.copyOf(users)));
                });
        return out;
    }

    private static int parsePort(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String kindOf(String value, int port) {
        if (value != null) {
            Matcher m = SCHEME.matcher(value);
            while (m.find()) {
                String store = STORE_SCHEMES.get(m.group(1).toLowerCase(Locale.ROOT));
                if (store != null) {
                    return store;
                }
            }
        }
        return STORE_PORTS.getOrDefault(port, "host");
    }
}
