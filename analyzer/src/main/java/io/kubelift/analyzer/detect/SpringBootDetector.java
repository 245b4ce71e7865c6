package io.kubelift.analyzer.detect;

import io.kubelift.analyzer.Inventory;
import io.kubelift.analyzer.parse.ConfigEntry;
import io.kubelift.analyzer.parse.PortRules;
import io.kubelift.analyzer.scan.RelPaths;
import io.kubelift.analyzer.shell.ShellLaunch;
import io.kubelift.model.Component;
import io.kubelift.model.Entrypoint;
import io.kubelift.model.Evidence;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Health;
import io.kubelift.model.Names;
import io.kubelift.model.Port;
import io.kubelift.model.RuntimeRequirements;
import io.kubelift.model.StateDir;
import io.kubelift.model.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spring Boot: one component per Boot application class ({@code @SpringBootApplication} in the
 * sources, or a {@code Start-Class} in a Boot jar's manifest), in a module that a pom marks as Boot
 * (starter parent or spring-boot-maven-plugin) or whose sources say so. Reads the module's {@code
 * application*.yml|yaml|properties} with their profiles: {@code server.port} (8080 when absent) and
 * {@code management.server.port} are ports with their keys; an actuator dependency gives the {@code
 * /actuator/health} probe; {@code spring.datasource.*} gives secrets and the database host (a peer
 * when it is another component, else named as an external service).
 */
final class SpringBootDetector implements Detector {
    static final int DEFAULT_PORT = 8080;
    private static final Pattern APP_CONFIG =
            Pattern.compile("(?:application|bootstrap)(?:-([\\w.-]+))?\\.(?:ya?ml|properties)");
    private static final Pattern PLACEHOLDER_DEFAULT = Pattern.compile("^\\$\\{[^:}]+:([^}]*)\\}$");

    @Override
    public String id() {
        return "spring-boot";
    }

    @Override
    public void detect(DetectionContext ctx) {
        Inventory inv = ctx.inventory();
        Set<String> bootPoms = new TreeSet<>();
        inv.facts(FactKind.BUILD_DESCRIPTOR)
                .filter(
                        f ->
                                String.valueOf(f.value())
                                        .startsWith("org.springframework.boot:spring-boot-"))
                .forEach(f -> bootPoms.add(f.evidence().file()));
        Map<String, Fact> apps = new LinkedHashMap<>();
        inv.facts(FactKind.MAIN_CLASS)
                .filter(
                        f ->
                                "spring-boot".equals(f.attr("framework"))
                                        || "Start-Class".equals(f.attr("attribute")))
                .filter(f -> !ctx.isClaimedClass(f.subject()))
                .sorted(Comparator.comparing(Fact::subject))
                .forEach(f -> apps.putIfAbsent(f.subject(), f));
        for (Fact app : apps.values()) {
            String root = moduleRoot(app.evidence().file());
            boolean bootModule =
                    bootPoms.stream().anyMatch(p -> RelPaths.parent(p).equals(root))
                            || "Start-Class".equals(app.attr("attribute"))
                            || "SpringBootApplication".equals(app.attr("annotation"));
            if (bootModule) {
                ctx.add(id(), component(ctx, inv, app, root));
                ctx.claimClass(app.subject());
            }
        }
    }

    /**
     * The directory a module's sources hang from: the part before src/main/java, BOOT-INF/classes
     * or WEB-INF/classes.
     */
    static String moduleRoot(String file) {
        for (String marker : List.of("src/main/java/", "BOOT-INF/", "WEB-INF/", "META-INF/")) {
            int i = file.startsWith(marker) ? 0 : file.indexOf("/" + marker) + 1;
            if (i > 0 || file.startsWith(marker)) {
                return i == 0 ? "" : file.substring(0, i - 1);
            }
        }
        return RelPaths.parent(file);
    }

    private Component component(DetectionContext ctx, Inventory inv, Fact app, String root) {
        String prefix = root.isEmpty() ? "" : root + "/";
        List<String> configs =
                inv.configFormats().keySet().stream()
                        .filter(
                                f ->
                                        f.startsWith(prefix)
                                                && !f.contains("src/test/")
                                                && APP_CONFIG
                                                        .matcher(RelPaths.fileName(f))
                                                        .matches())
                        .sorted()
                        .toList();
        List<ConfigEntry> entries = new ArrayList<>();
        configs.forEach(f -> inv.entries(f).forEach(entries::add));
        Map<String, ConfigEntry> base = new LinkedHashMap<>();
        Set<String> profiles = new TreeSet<>();
        for (ConfigEntry e : entries) {
            String profile = profile(e);
            if (profile == null) {
                base.putIfAbsent(e.key(), e);
            } else {
                profiles.addAll(List.of(profile.split("\\s*[,|&!()]\\s*")));
            }
        }
        profiles.remove("");
        Optional<String> artifact = artifactId(inv, root);
        Optional<ShellLaunch> launch =
                inv.launches().stream()
                        .filter(
                                l ->
                                        app.subject().equals(l.command().mainClass())
                                                || l.command().jar() != null
                                                        && artifact.isPresent()
                                                        && RelPaths.fileName(l.command().jar())
                                                                .startsWith(artifact.get()))
                        .findFirst();
        String name =
                Optional.ofNullable(base.get("spring.application.name"))
                        .map(ConfigEntry::value)
                        .or(() -> artifact)
                        .orElse(
                                app.subject()
                                        .substring(app.subject().lastIndexOf('.') + 1)
                                        .replaceAll("Application$", ""));
        name = Names.dnsLabel(name);

        List<Port> ports = new ArrayList<>();
        ConfigEntry serverPort = base.get("server.port");
        int http = serverPort == null ? DEFAULT_PORT : port(serverPort.value(), DEFAULT_PORT);
        Evidence httpEv =
                serverPort != null
                        ? ComponentParts.evidence(inv, serverPort)
                        : configs.isEmpty() ? app.evidence() : Evidence.ofFile(configs.get(0));
        ports.add(new Port("http", http, "TCP", "http", "server.port", httpEv));
        ConfigEntry mgmt = base.get("management.server.port");
        int mgmtPort = mgmt == null ? -1 : port(mgmt.value(), -1);
        if (mgmtPort > 0 && mgmtPort != http) {
            ports.add(
                    new Port(
                            "management",
                            mgmtPort,
                            "TCP",
                            "http",
                            "management.server.port",
                            ComponentParts.evidence(inv, mgmt)));
        }
        for (ConfigEntry e : base.values()) {
            if (e.key().equals("server.port") || e.key().startsWith("management.server.")) {
                continue;
            }
            for (int p : PortRules.listenPorts(e.key(), e.value())) {
                if (ports.stream().noneMatch(x -> x.port() == p)) {
                    String pn = ComponentParts.portName(e.key(), p);
                    String unique =
                            ports.stream().anyMatch(x -> x.name().equals(pn))
                                    ? Names.dnsLabel(pn + "-" + p, 15)
                                    : pn;
                    ports.add(
                            new Port(
                                    unique,
                                    p,
                                    "TCP",
                                    null,
                                    e.key(),
                                    ComponentParts.evidence(inv, e)));
                }
            }
        }
        ports.sort(Comparator.comparingInt(Port::port));

        Set<String> files = new TreeSet<>(configs);
        String srcDir = RelPaths.parent(app.evidence().file());
        inv.secrets().stream()
                .map(h -> h.file())
                .filter(f -> f.startsWith(srcDir + "/") || f.equals(app.evidence().file()))
                .forEach(files::add);
        Set<String> withScripts = new TreeSet<>(files);
        launch.ifPresent(
                l -> {
                    withScripts.add(l.script());
                    withScripts.add(l.entryScript());
                    withScripts.addAll(l.sources());
                });
        List<StateDir> state = ComponentParts.state(inv, files, f -> true);
        List<String> external = new ArrayList<>();
        List<io.kubelift.model.Peer> peers = new ArrayList<>();
        inv.facts(FactKind.HOST_REFERENCE)
                .filter(
                        f ->
                                configs.contains(f.evidence().file())
                                        && !"true".equals(f.attr("loopback")))
                .forEach(
                        f -> {
                            String key = f.attr("configKey");
                            external.add(
                                    f.subject()
                                            + (f.attr("port") != null ? ":" + f.attr("port") : "")
                                            + " ("
                                            + key
                                            + ")");
                        });
        String description =
                "Spring Boot application "
                        + app.subject()
                        + (profiles.isEmpty()
                                ? ""
                                : "; profiles: "
                                        + String.join(", ", profiles)
                                        + Optional.ofNullable(base.get("spring.profiles.active"))
                                                .map(e -> " (active: " + e.value() + ")")
                                                .orElse(""))
                        + (external.isEmpty()
                                ? ""
                                : "; external services: "
                                        + String.join(", ", new TreeSet<>(external)));
        Entrypoint ep =
                launch.map(l -> ComponentParts.entrypoint(l, ComponentParts.launchEvidence(inv, l)))
                        .orElse(
                                new Entrypoint(
                                        null,
                                        app.subject(),
                                        null,
                                        null,
                                        List.of(),
                                        List.of(),
                                        List.of(),
                                        null,
                                        app.evidence()));
        Component.Builder b =
                Component.builder(name)
                        .description(description)
                        .workload(
                                state.stream().anyMatch(StateDir::isDurable)
                                        ? Workload.StatefulSet
                                        : Workload.Deployment)
                        .entrypoint(ep)
                        .runtime(new RuntimeRequirements(javaVersion(inv, root), null, null, null))
                        .ports(ports)
                        .configFiles(ComponentParts.configFiles(inv, configs))
                        .peers(peers)
                        .secrets(ComponentParts.secrets(inv, withScripts, h -> true))
                        .state(state)
                        .logs(ComponentParts.logs(inv, withScripts, f -> true))
                        .health(health(inv, root, base, mgmtPort > 0 && mgmtPort != http, httpEv))
                        .evidence(app.evidence());
        launch.ifPresent(
                l -> {
                    b.resources(
                            ComponentParts.resources(
                                    ComponentParts.heapBytes(l.command()),
                                    ComponentParts.heapEvidence(inv, l)));
                    inv.launches().stream()
                            .filter(x -> x.script().equals(l.script()) && x.line() == l.line())
                            .forEach(ctx::claim);
                });
        return b.build();
    }

    /**
     * The profile an entry belongs to: its YAML document's profile, else the file name's
     * (application-prod.yml → prod).
     */
    static String profile(ConfigEntry e) {
        if (e.profile() != null) {
            return e.profile();
        }
        Matcher m = APP_CONFIG.matcher(RelPaths.fileName(e.file()));
        return m.matches() ? m.group(1) : null;
    }

    /**
     * An actuator dependency → an HTTP probe on /actuator/health (or the configured base path), on
     * the management port when it has one.
     */
    private static Health health(
            Inventory inv,
            String root,
            Map<String, ConfigEntry> base,
            boolean ownManagementPort,
            Evidence portEv) {
        Optional<Fact> actuator =
                inv.facts(FactKind.DEPENDENCY)
                        .filter(
                                f ->
                                        f.subject().endsWith(":spring-boot-starter-actuator")
                                                || f.subject().startsWith("spring-boot-actuator"))
                        .filter(f -> RelPaths.parent(f.evidence().file()).startsWith(root))
                        .findFirst();
        if (actuator.isEmpty()) {
            return new Health("tcp", null, "http", portEv);
        }
        String basePath =
                Optional.ofNullable(base.get("management.endpoints.web.base-path"))
                        .map(ConfigEntry::value)
                        .orElse("/actuator");
        String path =
                (basePath.startsWith("/") ? basePath : "/" + basePath).replaceAll("/+$", "")
                        + "/health";
        return new Health(
                "http", path, ownManagementPort ? "management" : "http", actuator.get().evidence());
    }

    private static int port(String value, int fallback) {
        String v = value == null ? "" : value.trim();
        Matcher m = PLACEHOLDER_DEFAULT.matcher(v);
        if (m.matches()) {
            v = m.group(1).trim();
        }
        if (v.matches("\\d{1,5}")) {
            int p = Integer.parseInt(v);
            return p >= 1 && p <= 65535 ? p : fallback;
        }
        return fallback;
    }

    private static Optional<String> artifactId(Inventory inv, String root) {
        return inv.facts(FactKind.BUILD_DESCRIPTOR)
                .filter(
                        f ->
                                f.subject().equals("artifact")
                                        && RelPaths.parent(f.evidence().file()).equals(root))
                .map(f -> f.value().split(":"))
                .filter(p -> p.length >= 2 && !p[1].equals("null"))
                .map(p -> p[1])
                .findFirst();
    }

    private static String javaVersion(Inventory inv, String root) {
        return inv.facts(FactKind.BUILD_DESCRIPTOR)
                .filter(
                        f ->
                                f.subject().equals("java.version")
                                        && RelPaths.parent(f.evidence().file()).equals(root))
                .map(Fact::value)
                .filter(v -> v != null && v.matches("\\d+"))
                .findFirst()
                .orElse("17");
    }
}
