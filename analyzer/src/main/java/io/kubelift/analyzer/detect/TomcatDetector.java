package io.kubelift.analyzer.detect;

import io.kubelift.analyzer.Inventory;
import io.kubelift.analyzer.parse.ConfigEntry;
import io.kubelift.analyzer.scan.RelPaths;
import io.kubelift.analyzer.shell.ShellLaunch;
import io.kubelift.model.Component;
import io.kubelift.model.Entrypoint;
import io.kubelift.model.Evidence;
import io.kubelift.model.Health;
import io.kubelift.model.Names;
import io.kubelift.model.Port;
import io.kubelift.model.RuntimeRequirements;
import io.kubelift.model.StateDir;
import io.kubelift.model.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Servlet containers and WARs. A Tomcat layout ({@code conf/server.xml} with Connectors, usually
 * with {@code bin/catalina.sh}) becomes one component: its Connector ports (HTTP, HTTPS, AJP; the
 * {@code <Server port>} shutdown port is not a service port), the web applications under the Host's
 * appBase ({@code *.war} or exploded {@code WEB-INF/web.xml}) and in {@code
 * conf/<Engine>/<Host>/*.xml} with their context paths, secrets in {@code tomcat-users.xml}, {@code
 * context.xml} resources and {@code setenv.sh}, JULI file handlers as logs. A bare WAR (an app
 * whose root holds {@code WEB-INF/web.xml}) becomes a component to run in a Tomcat image at context
 * /.
 */
final class TomcatDetector implements Detector {
    static final String BOOTSTRAP = "org.apache.catalina.startup.Bootstrap";
    static final int DEFAULT_HTTP = 8080;
    private static final Pattern CONNECTOR =
            Pattern.compile("(.*/Connector(?:\\[[^\\]]*\\])?)@(\\w+)$");
    private static final Pattern PROPERTY_REF = Pattern.compile("^\\$\\{([^}]+)\\}$");

    @Override
    public String id() {
        return "tomcat";
    }

    @Override
    public void detect(DetectionContext ctx) {
        Inventory inv = ctx.inventory();
        Optional<String> serverXml =
                inv.configFormats().keySet().stream()
                        .filter(
                                f ->
                                        (f.equals("conf/server.xml")
                                                        || f.endsWith("/conf/server.xml"))
                                                && inv.entries(f)
                                                        .anyMatch(
                                                                e ->
                                                                        CONNECTOR
                                                                                .matcher(e.key())
                                                                                .matches()))
                        .sorted(Comparator.comparingInt(String::length))
                        .findFirst();
        if (serverXml.isPresent()) {
            ctx.add(id(), tomcat(ctx, inv, serverXml.get()));
            ctx.claimClass(BOOTSTRAP);
            return;
        }
        if (ctx.components().isEmpty() && inv.has("WEB-INF/web.xml")) {
            ctx.add(id(), bareWar(inv, ctx.appName()));
        }
    }

    private Component tomcat(DetectionContext ctx, Inventory inv, String serverXml) {
        String conf = RelPaths.parent(serverXml);
        String home = RelPaths.parent(conf);
        String prefix = home.isEmpty() ? "" : home + "/";
        Map<String, String> catalinaProps = new TreeMap<>();
        inv.entries(conf + "/catalina.properties")
                .forEach(e -> catalinaProps.put(e.key(), e.value()));
        List<Port> ports = connectorPorts(inv, serverXml, catalinaProps);
        String shutdown =
                inv.entries(serverXml)
                        .filter(e -> e.key().matches("Server(\\[[^\\]]*\\])?@port"))
                        .map(ConfigEntry::value)
                        .findFirst()
                        .orElse(null);

        String appBase =
                inv.entries(serverXml)
                        .filter(e -> e.key().matches(".*/Host(\\[[^\\]]*\\])?@appBase"))
                        .map(ConfigEntry::value)
                        .findFirst()
                        .orElse("webapps");
        String apps = appBase.startsWith("/") ? appBase.substring(1) : prefix + appBase;
        Map<String, String> contexts = new TreeMap<>();
        for (String f : inv.files().list()) {
            if (f.startsWith(apps + "/")) {
                String rest = f.substring(apps.length() + 1);
                if (rest.endsWith(".war") && !rest.contains("/")) {
                    contexts.put(
                            ComponentParts.contextPath(rest.substring(0, rest.length() - 4)), f);
                } else if (rest.matches("[^/]+/WEB-INF/web\\.xml")) {
                    contexts.putIfAbsent(
                            ComponentParts.contextPath(rest.substring(0, rest.indexOf('/'))), f);
                }
            } else if (f.startsWith(conf + "/")
                    && f.substring(conf.length() + 1).matches("[^/]+/[^/]+/[^/]+\\.xml")) {
                contexts.put(
                        ComponentParts.contextPath(RelPaths.fileName(f).replaceAll("\\.xml$", "")),
                        f);
            }
        }

        Set<String> files = new TreeSet<>();
        inv.configFormats()
                .forEach(
                        (f, fmt) -> {
                            if (f.startsWith(conf + "/")
                                    || f.startsWith(apps + "/") && f.contains("/WEB-INF/")) {
                                files.add(f);
                            }
                        });
        Optional<ShellLaunch> launch =
                inv.launches().stream()
                        .filter(
                                l ->
                                        BOOTSTRAP.equals(l.command().mainClass())
                                                && !l.background()
                                                && l.command().args().contains("run"))
                        .findFirst()
                        .or(
                                () ->
                                        inv.launches().stream()
                                                .filter(
                                                        l ->
                                                                BOOTSTRAP.equals(
                                                                        l.command().mainClass()))
                                                .findFirst());
        Set<String> read = new TreeSet<>(files);
        launch.ifPresent(l -> read.addAll(l.sources()));
        inv.configFormats().keySet().stream()
                .filter(f -> f.equals(prefix + "bin/setenv.sh"))
                .forEach(read::add);

        Evidence ev =
                launch.map(l -> ComponentParts.launchEvidence(inv, l))
                        .orElse(Evidence.ofFile(serverXml));
        Entrypoint ep =
                launch.map(
                                l -> {
                                    Entrypoint e = ComponentParts.entrypoint(l, ev);
                                    List<String> args =
                                            new ArrayList<>(
                                                    e.args().stream()
                                                            .filter(a -> !a.equals("start"))
                                                            .toList());
                                    if (!args.contains("run")) {
                                        args.add("start");
                                    }
                                    return new Entrypoint(
                                            e.script(),
                                            e.mainClass(),
                                            e.jar(),
                                            e.command(),
                                            e.classpath(),
                                            e.jvmOptions(),
                                            args,
                                            e.workingDir(),
                                            e.evidence());
                                })
                        .orElse(
                                new Entrypoint(
                                        null,
                                        BOOTSTRAP,
                                        null,
                                        null,
                                        List.of("bin/bootstrap.jar", "bin/tomcat-juli.jar"),
                                        List.of(
                                                "-Dcatalina.home=.",
                                                "-Dcatalina.base=.",
                                                "-Djava.util.logging.config.file=conf/logging.properties"),
                                        List.of("start"),
                                        null,
                                        ev));
        List<StateDir> state = ComponentParts.state(inv, files, f -> true);
        String description =
                "Apache Tomcat ("
                        + (home.isEmpty()
                                ? "CATALINA_HOME is the app root"
                                : "CATALINA_HOME " + home)
                        + ")"
                        + (contexts.isEmpty()
                                ? ""
                                : "; web applications: "
                                        + contexts.entrySet().stream()
                                                .map(c -> c.getKey() + " ← " + c.getValue())
                                                .collect(Collectors.joining(", ")))
                        + (shutdown == null
                                ? ""
                                : "; shutdown port "
                                        + shutdown
                                        + " (Server@port) is not a service port and is not exposed");
        Optional<Port> http = ports.stream().filter(Port::isHttp).findFirst();
        Component.Builder b =
                Component.builder("tomcat")
                        .description(description)
                        .workload(
                                state.stream().anyMatch(StateDir::isDurable)
                                        ? Workload.StatefulSet
                                        : Workload.Deployment)
                        .entrypoint(ep)
                        .runtime(new RuntimeRequirements("17", null, null, null))
                        .ports(ports)
                        .configFiles(ComponentParts.configFiles(inv, files))
                        .secrets(ComponentParts.secrets(inv, read, h -> true))
                        .state(state)
                        .logs(ComponentParts.logs(inv, read, f -> true))
                        .deployedApps(ComponentParts.deployedApps(inv, List.of("/" + apps)))
                        .evidence(ev);
        if (!ports.isEmpty()) {
            Port p = http.orElse(ports.get(0));
            b.health(new Health("tcp", null, p.name(), p.evidence()));
        }
        launch.ifPresent(
                l ->
                        b.resources(
                                ComponentParts.resources(
                                        ComponentParts.heapBytes(l.command()),
                                        ComponentParts.heapEvidence(inv, l))));
        inv.launches().stream()
                .filter(l -> BOOTSTRAP.equals(l.command().mainClass()))
                .forEach(ctx::claim);
        return b.build();
    }

    /**
     * One port per Connector element: AJP, HTTPS (SSLEnabled/scheme/secure) or HTTP; ${prop} values
     * from catalina.properties.
     */
    static List<Port> connectorPorts(Inventory inv, String serverXml, Map<String, String> props) {
        // an element's attributes are reported together, in document order: a new Connector starts
        // when the element
        // path changes or an attribute repeats
        List<Map<String, ConfigEntry>> connectors = new ArrayList<>();
        String lastPath = null;
        for (ConfigEntry e : inv.entries(serverXml).toList()) {
            Matcher m = CONNECTOR.matcher(e.key());
            if (!m.matches()) {
                lastPath = null;
                continue;
            }
            if (!m.group(1).equals(lastPath)
                    || connectors.get(connectors.size() - 1).containsKey(m.group(2))) {
                connectors.add(new TreeMap<>());
            }
            lastPath = m.group(1);
            connectors.get(connectors.size() - 1).put(m.group(2), e);
        }
        List<Port> out = new ArrayList<>();
        for (Map<String, ConfigEntry> c : connectors) {
            ConfigEntry portEntry = c.get("port");
            if (portEntry == null) {
                continue;
            }
            String v = portEntry.value().trim();
            Matcher ref = PROPERTY_REF.matcher(v);
            if (ref.matches()) {
                v = props.getOrDefault(ref.group(1), "");
            }
            if (!v.matches("\\d{1,5}") || Integer.parseInt(v) < 1 || Integer.parseInt(v) > 65535) {
                continue;
            }
            int port = Integer.parseInt(v);
            String protocol = value(c, "protocol").toUpperCase(java.util.Locale.ROOT);
            boolean tls =
                    "true".equalsIgnoreCase(value(c, "SSLEnabled"))
                            || "https".equalsIgnoreCase(value(c, "scheme"))
                            || "true".equalsIgnoreCase(value(c, "secure"));
            String kind = protocol.contains("AJP") ? "ajp" : tls ? "https" : "http";
            String name = kind;
            for (int i = 2; String.valueOf(name).isEmpty() || taken(out, name); i++) {
                name = Names.dnsLabel(kind + "-" + i, 15);
            }
            String appProtocol = kind.equals("ajp") ? null : kind;
            out.add(
                    new Port(
                            name,
                            port,
                            "TCP",
                            appProtocol,
                            portEntry.key(),
                            ComponentParts.evidence(inv, portEntry)));
        }
        out.sort(Comparator.comparingInt(Port::port));
        return out;
    }

    private static boolean taken(List<Port> ports, String name) {
        return ports.stream().anyMatch(p -> p.name().equals(name));
    }

    private static String value(Map<String, ConfigEntry> c, String attr) {
        ConfigEntry e = c.get(attr);
        return e == null || e.value() == null ? "" : e.value();
    }

    private Component bareWar(Inventory inv, String appName) {
        Evidence ev = Evidence.ofFile("WEB-INF/web.xml");
        Set<String> files =
                inv.configFormats().keySet().stream()
                        .filter(f -> f.startsWith("WEB-INF/") || f.startsWith("META-INF/"))
                        .collect(Collectors.toCollection(TreeSet::new));
        Port http = new Port("http", DEFAULT_HTTP, "TCP", "http", null, ev);
        return Component.builder(Names.dnsLabel(appName))
                .description(
                        "web application (WAR) to deploy into a servlet container image (Tomcat) at context /; port 8080 is the container's default")
                .entrypoint(
                        new Entrypoint(
                                null,
                                BOOTSTRAP,
                                null,
                                null,
                                List.of("bin/bootstrap.jar", "bin/tomcat-juli.jar"),
                                List.of(),
                                List.of("start"),
                                null,
                                ev))
                .runtime(new RuntimeRequirements("17", null, null, null))
                .ports(List.of(http))
                .configFiles(ComponentParts.configFiles(inv, files))
                .secrets(ComponentParts.secrets(inv, files, h -> true))
                .state(ComponentParts.state(inv, files, f -> true))
                .logs(ComponentParts.logs(inv, files, f -> true))
                .health(new Health("tcp", null, "http", ev))
                .evidence(ev)
                .build();
    }
}
