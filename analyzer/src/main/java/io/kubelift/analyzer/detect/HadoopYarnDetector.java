package io.kubelift.analyzer.detect;

import io.kubelift.analyzer.Inventory;
import io.kubelift.analyzer.parse.ConfigEntry;
import io.kubelift.analyzer.shell.ShellLaunch;
import io.kubelift.model.Component;
import io.kubelift.model.ConfigOverride;
import io.kubelift.model.EnvVar;
import io.kubelift.model.Evidence;
import io.kubelift.model.Health;
import io.kubelift.model.Peer;
import io.kubelift.model.Port;
import io.kubelift.model.RuntimeRequirements;
import io.kubelift.model.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Hadoop YARN (2.x/3.x): knows the daemons' main classes and yarn-default.xml's ports and keys, so
 * ports are found even when a key is absent (the evidence is then the key that implies them, e.g.
 * the RM hostname). The NodeManager's ephemeral {@code yarn.nodemanager.address} (default port 0)
 * is pinned so the RM can reach it.
 */
public final class HadoopYarnDetector implements Detector {
    static final String RM = "org.apache.hadoop.yarn.server.resourcemanager.ResourceManager";
    static final String NM = "org.apache.hadoop.yarn.server.nodemanager.NodeManager";
    static final String JHS = "org.apache.hadoop.mapreduce.v2.hs.JobHistoryServer";
    static final String TIMELINE =
            "org.apache.hadoop.yarn.server.applicationhistoryservice.ApplicationHistoryServer";

    /** A daemon port from yarn-default.xml: key, default port, port name, http or not. */
    record DefaultPort(String key, int port, String name, boolean http) {}

    static final List<DefaultPort> RM_PORTS =
            List.of(
                    new DefaultPort(
                            "yarn.resourcemanager.scheduler.address", 8030, "scheduler", false),
                    new DefaultPort(
                            "yarn.resourcemanager.resource-tracker.address",
                            8031,
                            "tracker",
                            false),
                    new DefaultPort("yarn.resourcemanager.address", 8032, "rpc", false),
                    new DefaultPort("yarn.resourcemanager.admin.address", 8033, "admin", false),
                    new DefaultPort("yarn.resourcemanager.webapp.address", 8088, "webapp", true));
    static final int NM_PINNED_PORT = 8041;
    static final List<DefaultPort> NM_PORTS =
            List.of(
                    new DefaultPort("yarn.nodemanager.localizer.address", 8040, "localizer", false),
                    new DefaultPort("yarn.nodemanager.address", NM_PINNED_PORT, "rpc", false),
                    new DefaultPort("yarn.nodemanager.webapp.address", 8042, "webapp", true));
    static final DefaultPort SHUFFLE =
            new DefaultPort("mapreduce.shuffle.port", 13562, "shuffle", false);

    @Override
    public String id() {
        return "hadoop-yarn";
    }

    @Override
    public void detect(DetectionContext ctx) {
        Inventory inv = ctx.inventory();
        Optional<String> yarnSite =
                inv.configFormats().keySet().stream()
                        .filter(f -> f.endsWith("yarn-site.xml"))
                        .findFirst();
        boolean launches =
                inv.launches().stream()
                        .anyMatch(
                                l ->
                                        RM.equals(l.command().mainClass())
                                                || NM.equals(l.command().mainClass()));
        if (yarnSite.isEmpty() && !launches) {
            return;
        }
        Map<String, ConfigEntry> conf = new LinkedHashMap<>();
        inv.entries().stream()
                .filter(e -> "hadoop-xml".equals(e.format()))
                .forEach(e -> conf.put(e.key(), e));
        String confDir =
                yarnSite.map(f -> f.contains("/") ? f.substring(0, f.lastIndexOf('/')) : "")
                        .orElse("etc/hadoop");
        Set<String> confFiles = new TreeSet<>();
        inv.configFormats().keySet().stream()
                .filter(
                        f ->
                                f.startsWith(confDir + "/")
                                        && !f.substring(confDir.length() + 1).contains("/"))
                .forEach(confFiles::add);
        String site = yarnSite.orElse(confDir + "/yarn-site.xml");

        ShellLaunch rm = launch(inv, RM);
        ShellLaunch nm = launch(inv, NM);
        Evidence rmHost = evidence(inv, conf, "yarn.resourcemanager.hostname", site);
        // RM
        Component.Builder r = base(ctx, inv, rm, RM, "resourcemanager", confFiles, "nodemanager");
        r.ports(ports(inv, conf, RM_PORTS, rmHost))
                .health(new Health("http", "/ws/v1/cluster/info", "webapp", rmHost))
                .configOverrides(
                        List.of(
                                new ConfigOverride(
                                        site,
                                        "yarn.resourcemanager.bind-host",
                                        "0.0.0.0",
                                        "listen on all pod interfaces; clients reach the RM through its Service",
                                        rmHost)));
        r.env(homes(inv, conf, confDir, site));
        boolean recovery =
                "true".equalsIgnoreCase(value(conf, "yarn.resourcemanager.recovery.enabled"));
        if (recovery) {
            r.workload(Workload.StatefulSet)
                    .description(
                            "YARN ResourceManager; recovery is on, so its state store needs a stable volume");
        } else {
            r.workload(Workload.Deployment)
                    .description(
                            "YARN ResourceManager; recovery is off (yarn.resourcemanager.recovery.enabled=false), "
                                    + "so it keeps no state across restarts: a Deployment with one replica");
        }
        ctx.add(id(), r.build());
        // NM
        Evidence nmHost = evidence(inv, conf, "yarn.nodemanager.hostname", site);
        List<Port> nmPorts = new ArrayList<>(ports(inv, conf, NM_PORTS, nmHost));
        String aux = value(conf, "yarn.nodemanager.aux-services");
        if (aux != null && aux.contains("mapreduce_shuffle")) {
            Evidence auxEv = evidence(inv, conf, "yarn.nodemanager.aux-services", site);
            ConfigEntry sp = conf.get(SHUFFLE.key());
            int port =
                    sp != null && sp.value().matches("\\d+")
                            ? Integer.parseInt(sp.value())
                            : SHUFFLE.port();
            nmPorts.add(
                    new Port(
                            SHUFFLE.name(),
                            port,
                            "TCP",
                            null,
                            SHUFFLE.key(),
                            sp != null
                                    ? ComponentParts.evidence(inv, sp)
                                    : defaultEvidence(auxEv.file(), SHUFFLE)));
        }
        nmPorts.sort(java.util.Comparator.comparingInt(Port::port));
        ConfigEntry nmAddr = conf.get("yarn.nodemanager.address");
        Evidence nmAddrEv =
                nmAddr != null ? evidence(inv, conf, "yarn.nodemanager.address", site) : nmHost;
        List<ConfigOverride> nmOverrides =
                List.of(
                        new ConfigOverride(
                                site,
                                "yarn.nodemanager.hostname",
                                "${env.KUBELIFT_POD_FQDN}",
                                "the NM registers under this name and the RM and AMs call it back: its StatefulSet pod's stable DNS name",
                                nmHost),
                        new ConfigOverride(
                                site,
                                "yarn.nodemanager.bind-host",
                                "0.0.0.0",
                                "listen on all pod interfaces",
                                nmHost),
                        new ConfigOverride(
                                site,
                                "yarn.nodemanager.address",
                                "${yarn.nodemanager.hostname}:" + NM_PINNED_PORT,
                                "the default port 0 is ephemeral; the RM and AMs call this address, so it is pinned",
                                nmAddrEv),
                        new ConfigOverride(
                                site,
                                "yarn.nodemanager.resource.memory-mb",
                                "${env.NM_MEMORY_MB}",
                                "offer the container's memory limit to YARN instead of a host-sized number",
                                evidence(inv, conf, "yarn.nodemanager.resource.memory-mb", site)),
                        new ConfigOverride(
                                site,
                                "yarn.nodemanager.resource.cpu-vcores",
                                "${env.NM_VCORES}",
                                "offer the container's CPU limit to YARN",
                                evidence(inv, conf, "yarn.nodemanager.resource.cpu-vcores", site)));
        Component.Builder n = base(ctx, inv, nm, NM, "nodemanager", confFiles, "resourcemanager");
        n.workload(Workload.StatefulSet)
                .description(
                        "YARN NodeManager; the RM and AMs call it by yarn.nodemanager.address, so it needs a stable DNS name: "
                                + "a StatefulSet with a headless Service")
                .ports(nmPorts)
                .runtime(new RuntimeRequirements("17", true, null, nmHost))
                .health(new Health("http", "/ws/v1/node/info", "webapp", nmHost))
                .configOverrides(nmOverrides)
                .env(
                        withHomes(
                                homes(inv, conf, confDir, site),
                                new EnvVar(
                                        "NM_MEMORY_MB",
                                        null,
                                        "limits.memory",
                                        "1Mi",
                                        evidence(
                                                inv,
                                                conf,
                                                "yarn.nodemanager.resource.memory-mb",
                                                site)),
                                new EnvVar(
                                        "NM_VCORES",
                                        null,
                                        "limits.cpu",
                                        "1",
                                        evidence(
                                                inv,
                                                conf,
                                                "yarn.nodemanager.resource.cpu-vcores",
                                                site))))
                .peers(peers(inv, conf, site));
        ctx.add(id(), n.build());
        inv.launches().stream()
                .filter(
                        l ->
                                RM.equals(l.command().mainClass())
                                        || NM.equals(l.command().mainClass()))
                .forEach(ctx::claim);
        ctx.claimClass(RM);
        ctx.claimClass(NM);
        String rmHostName = value(conf, "yarn.resourcemanager.hostname");
        for (OptionalDaemon d : OPTIONAL_DAEMONS) {
            optionalDaemon(ctx, inv, conf, confFiles, d, rmHostName);
        }
    }

    /**
     * A YARN/MapReduce daemon that runs only when configured: its address keys (or an enable
     * switch) are set, on a host that is not the RM's or by a script of its own, and the app can
     * start it (a launch of its class, or its jar).
     */
    record OptionalDaemon(
            String name,
            String mainClass,
            String enableKey,
            String hostKey,
            List<DefaultPort> ports,
            String jar,
            String healthPath,
            String description) {}

    static final List<OptionalDaemon> OPTIONAL_DAEMONS =
            List.of(
                    new OptionalDaemon(
                            "jobhistory",
                            JHS,
                            null,
                            "mapreduce.jobhistory.address",
                            List.of(
                                    new DefaultPort(
                                            "mapreduce.jobhistory.address", 10020, "rpc", false),
                                    new DefaultPort(
                                            "mapreduce.jobhistory.admin.address",
                                            10033,
                                            "admin",
                                            false),
                                    new DefaultPort(
                                            "mapreduce.jobhistory.webapp.address",
                                            19888,
                                            "webapp",
                                            true)),
                            "hadoop-mapreduce-client-hs",
                            "/ws/v1/history/info",
                            "MapReduce JobHistory server"),
                    new OptionalDaemon(
                            "timelineserver",
                            TIMELINE,
                            "yarn.timeline-service.enabled",
                            "yarn.timeline-service.hostname",
                            List.of(
                                    new DefaultPort(
                                            "yarn.timeline-service.address", 10200, "rpc", false),
                                    new DefaultPort(
                                            "yarn.timeline-service.webapp.address",
                                            8188,
                                            "webapp",
                                            true)),
                            "hadoop-yarn-server-applicationhistoryservice",
                            "/ws/v1/timeline",
                            "YARN Timeline server (v1)"));

    private void optionalDaemon(
            DetectionContext ctx,
            Inventory inv,
            Map<String, ConfigEntry> conf,
            Set<String> confFiles,
            OptionalDaemon d,
            String rmHostName) {
        ConfigEntry hostEntry = conf.get(d.hostKey());
        boolean enabled =
                d.enableKey() != null
                        ? "true".equalsIgnoreCase(value(conf, d.enableKey()))
                        : d.ports().stream().anyMatch(p -> conf.containsKey(p.key()));
        if (!enabled) {
            return;
        }
        ShellLaunch l = launch(inv, d.mainClass());
        String host = hostEntry == null ? null : hostEntry.value().replaceAll(":\\d+$", "");
        boolean ownHost =
                host != null && !host.isBlank() && !host.equals(rmHostName) && !host.contains("$");
        boolean startable =
                l != null
                        || inv.facts(io.kubelift.model.FactKind.DEPENDENCY)
                                .anyMatch(f -> f.subject().equals(d.jar()));
        if (!startable || !(ownHost || l != null)) {
            return; // configured, but run elsewhere or not shipped with this app: an external
            // service
        }
        Evidence implied =
                hostEntry != null
                        ? ComponentParts.evidence(inv, hostEntry)
                        : d.enableKey() != null
                                ? evidence(inv, conf, d.enableKey(), confFiles.iterator().next())
                                : Evidence.ofFile(confFiles.iterator().next());
        Component.Builder b = base(ctx, inv, l, d.mainClass(), d.name(), confFiles, "nodemanager");
        boolean durable =
                b.build().state().stream().anyMatch(io.kubelift.model.StateDir::isDurable);
        b.workload(durable ? Workload.StatefulSet : Workload.Deployment)
                .description(
                        d.description()
                                + (ownHost ? " (ran on " + host + ")" : "")
                                + (durable ? "; it keeps durable state, so a StatefulSet" : ""))
                .ports(ports(inv, conf, d.ports(), implied))
                .health(new Health("http", d.healthPath(), "webapp", implied))
                .peers(peers(inv, conf, null));
        ctx.add(id(), b.build());
        inv.launches().stream()
                .filter(x -> d.mainClass().equals(x.command().mainClass()))
                .forEach(ctx::claim);
        ctx.claimClass(d.mainClass());
    }

    private Component.Builder base(
            DetectionContext ctx,
            Inventory inv,
            ShellLaunch l,
            String mainClass,
            String name,
            Set<String> confFiles,
            String otherRole) {
        Component.Builder b =
                Component.builder(name).runtime(new RuntimeRequirements("17", null, null, null));
        Set<String> files = new TreeSet<>(confFiles);
        String otherPrefix = "yarn." + otherRole + ".";
        Set<String> reach =
                new TreeSet<>(files); // the conf dir on its classpath and the scripts its start ran
        // through
        if (l != null) {
            reach.addAll(l.sources());
        }
        b.configFiles(
                        ComponentParts.configFiles(
                                inv,
                                files.stream()
                                        .filter(
                                                f ->
                                                        !f.endsWith(".sh")
                                                                && !f.endsWith("workers")
                                                                && !f.endsWith("slaves"))
                                        .toList()))
                // every secret in a file the daemon mounts: the whole file goes into its ConfigMap,
                // so each value there must
                // be replaced by an environment reference, whichever daemon actually uses the key
                .secrets(ComponentParts.secrets(inv, reach, h -> true))
                .state(
                        ComponentParts.state(
                                inv,
                                files,
                                f ->
                                        !String.valueOf(f.attr("configKey")).startsWith(otherPrefix)
                                                && readsKey(
                                                        name, String.valueOf(f.attr("configKey")))))
                .logs(
                        ComponentParts.logs(
                                inv,
                                scriptsAnd(inv, files, l),
                                f ->
                                        !String.valueOf(f.attr("configKey")).startsWith(otherPrefix)
                                                && readsKey(
                                                        name,
                                                        String.valueOf(f.attr("configKey")))));
        Map<String, String> vars = new java.util.HashMap<>();
        inv.entries().stream()
                .filter(e -> "hadoop-xml".equals(e.format()))
                .forEach(e -> vars.putIfAbsent(e.key(), e.value()));
        if (l != null) {
            for (String o :
                    l.command().jvmOptions()) { // -Dhadoop.log.dir=… and friends, as Hadoop's ${…}
                // sees them
                int eq = o.indexOf('=');
                if (o.startsWith("-D") && eq > 2 && eq < o.length() - 1) {
                    vars.putIfAbsent(o.substring(2, eq), o.substring(eq + 1));
                }
            }
        }
        Component partial = b.build();
        b.state(expandedState(partial.state(), vars)).logs(expandedLogs(partial.logs(), vars));
        if (l != null) {
            Evidence ev = ComponentParts.launchEvidence(inv, l);
            io.kubelift.model.Entrypoint e = ComponentParts.entrypoint(l, ev);
            e =
                    new io.kubelift.model.Entrypoint(
                            e.script(),
                            e.mainClass(),
                            e.jar(),
                            e.command(),
                            e.classpath(),
                            consoleLogging(e.jvmOptions()),
                            e.args(),
                            e.workingDir(),
                            e.evidence());
            b.entrypoint(e)
                    .evidence(ev)
                    .resources(
                            ComponentParts.resources(
                                    ComponentParts.heapBytes(l.command()),
                                    ComponentParts.heapEvidence(inv, l)));
        } else {
            b.entrypoint(
                    new io.kubelift.model.Entrypoint(
                            null, mainClass, null, null, List.of(), List.of(), List.of(), null,
                            null));
        }
        return b;
    }

    /**
     * A directory value as Hadoop reads it: {@code ${key}} references expanded with the config's
     * own values and the daemon's {@code -D} system properties (as Configuration does), a {@code
     * file:} URI turned into its path. Empty when a reference cannot be resolved (e.g. {@code
     * ${user.name}}): no mount at a path nobody knows.
     */
    static Optional<String> expandPath(String value, Map<String, String> vars) {
        String v = value;
        for (int depth = 0; depth < 20 && v.contains("${"); depth++) {
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("\\$\\{([^}$]+)}").matcher(v);
            StringBuilder sb = new StringBuilder();
            boolean any = false;
            while (m.find()) {
                String r = vars.get(m.group(1));
                if (r != null) {
                    any = true;
                }
                m.appendReplacement(
                        sb, java.util.regex.Matcher.quoteReplacement(r != null ? r : m.group()));
            }
            m.appendTail(sb);
            v = sb.toString();
            if (!any) {
                break;
            }
        }
        if (v.startsWith("file://")) {
            v = v.substring("file://".length());
        } else if (v.startsWith("file:")) {
            v = v.substring("file:".length());
        }
        return v.contains("${") || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    private static List<io.kubelift.model.StateDir> expandedState(
            List<io.kubelift.model.StateDir> in, Map<String, String> vars) {
        Map<String, io.kubelift.model.StateDir> out = new java.util.TreeMap<>();
        for (io.kubelift.model.StateDir d : in) {
            expandPath(d.path(), vars)
                    .ifPresent(
                            p ->
                                    out.merge(
                                            p,
                                            new io.kubelift.model.StateDir(
                                                    p,
                                                    d.purpose(),
                                                    d.configKey(),
                                                    d.durable(),
                                                    d.evidence()),
                                            (a, b) -> a.isDurable() ? a : b));
        }
        return new ArrayList<>(out.values());
    }

    private static List<io.kubelift.model.LogDir> expandedLogs(
            List<io.kubelift.model.LogDir> in, Map<String, String> vars) {
        Map<String, io.kubelift.model.LogDir> out = new java.util.TreeMap<>();
        for (io.kubelift.model.LogDir d : in) {
            expandPath(d.path(), vars)
                    .ifPresent(
                            p ->
                                    out.putIfAbsent(
                                            p,
                                            new io.kubelift.model.LogDir(
                                                    p, d.configKey(), d.evidence())));
        }
        return new ArrayList<>(out.values());
    }

    /**
     * Hadoop's log4j root-logger switches: in a container the daemons log to the console appender,
     * not to RFA/DRFA files.
     */
    static final List<String> ROOT_LOGGERS =
            List.of("-Dhadoop.root.logger=", "-Dyarn.root.logger=");

    static List<String> consoleLogging(List<String> jvmOptions) {
        List<String> out = new ArrayList<>();
        for (String o : jvmOptions) {
            String prefix = ROOT_LOGGERS.stream().filter(o::startsWith).findFirst().orElse(null);
            if (prefix == null) {
                out.add(o);
                continue;
            }
            String level = o.substring(prefix.length()).split(",", 2)[0];
            out.add(prefix + (level.isBlank() ? "INFO" : level) + ",console");
        }
        return out;
    }

    /**
     * What Hadoop's launch scripts export (libexec/hadoop-config.sh, yarn-config.sh): the install's
     * home and config dir. The NodeManager passes them on to the containers it launches ({@code
     * yarn.nodemanager.env-whitelist}), where {@code yarn.application.classpath} and {@code
     * mapreduce.application.classpath} ({@code $HADOOP_HOME/…}) and the MapReduce AM ({@code
     * HADOOP_MAPRED_HOME}) need them. In the image the install is the app home.
     */
    private static List<EnvVar> homes(
            Inventory inv, Map<String, ConfigEntry> conf, String confDir, String site) {
        Evidence ev =
                conf.containsKey("yarn.application.classpath")
                        ? evidence(inv, conf, "yarn.application.classpath", site)
                        : Evidence.ofFile(site);
        String home = "$(" + APP_HOME_VAR + ")";
        List<EnvVar> env = new ArrayList<>();
        for (String name :
                List.of(
                        "HADOOP_HOME",
                        "HADOOP_COMMON_HOME",
                        "HADOOP_YARN_HOME",
                        "HADOOP_MAPRED_HOME")) {
            env.add(new EnvVar(name, home, null, null, ev));
        }
        env.add(
                new EnvVar(
                        "HADOOP_CONF_DIR",
                        confDir.isEmpty() ? home : home + "/" + confDir,
                        null,
                        null,
                        ev));
        return env;
    }

    /** The container variable the generator sets to the app's home in the image. */
    static final String APP_HOME_VAR = "KUBELIFT_APP_HOME";

    private static List<EnvVar> withHomes(List<EnvVar> homes, EnvVar... more) {
        List<EnvVar> env = new ArrayList<>(homes);
        env.addAll(List.of(more));
        return env;
    }

    /**
     * Keys only one daemon reads (every daemon has the whole conf dir on its classpath, so the file
     * alone does not say whose state or log dir a key names): RM-side features (state store,
     * ZooKeeper, federation), NM-only and JobHistory-only keys.
     */
    static final Map<String, String> KEY_OWNER =
            Map.of(
                    "yarn.resourcemanager.", "resourcemanager",
                    "yarn.federation.", "resourcemanager",
                    "hadoop.zk.", "resourcemanager",
                    "yarn.nodemanager.", "nodemanager",
                    "mapreduce.jobhistory.", "jobhistory",
                    "yarn.timeline-service.", "timelineserver");

    static boolean readsKey(String daemon, String key) {
        return KEY_OWNER.entrySet().stream()
                .filter(e -> key.startsWith(e.getKey()))
                .allMatch(e -> e.getValue().equals(daemon));
    }

    private static Set<String> scriptsAnd(Inventory inv, Set<String> files, ShellLaunch l) {
        Set<String> s = new TreeSet<>(files);
        inv.configFormats()
                .forEach(
                        (f, fmt) -> {
                            if (fmt.equals("shell")) {
                                s.add(f);
                            }
                        });
        return s;
    }

    private static ShellLaunch launch(Inventory inv, String mainClass) {
        return inv.launches().stream()
                .filter(l -> mainClass.equals(l.command().mainClass()) && !l.background())
                .findFirst()
                .or(
                        () ->
                                inv.launches().stream()
                                        .filter(l -> mainClass.equals(l.command().mainClass()))
                                        .findFirst())
                .orElse(null);
    }

    /**
     * The evidence of a port no file sets: the key and where its default comes from (Hadoop's
     * {@code *-default.xml} in its jars), in the site file where one would set it, at no line (a
     * neighbouring line, e.g. the hostname's, does not hold the port).
     */
    static Evidence defaultEvidence(String siteFile, DefaultPort d) {
        String defaults =
                d.key().startsWith("mapreduce.") ? "mapred-default.xml" : "yarn-default.xml";
        String text =
                d.port() == NM_PINNED_PORT && d.key().equals("yarn.nodemanager.address")
                        ? d.key()
                                + " is not set: its default in Hadoop's "
                                + defaults
                                + " has port 0 (ephemeral); kubelift pins it to "
                                + NM_PINNED_PORT
                                + " (configOverrides)"
                        : d.key()
                                + " is not set: port "
                                + d.port()
                                + " is its default in Hadoop's "
                                + defaults;
        return new Evidence(siteFile, 0, text);
    }

    private static List<Port> ports(
            Inventory inv,
            Map<String, ConfigEntry> conf,
            List<DefaultPort> defaults,
            Evidence implied) {
        List<Port> out = new ArrayList<>();
        for (DefaultPort d : defaults) {
            ConfigEntry e = conf.get(d.key());
            int port = d.port();
            Evidence ev = defaultEvidence(implied.file(), d);
            if (e != null) {
                ev = ComponentParts.evidence(inv, e);
                String v = e.value();
                int colon = v.lastIndexOf(':');
                if (colon >= 0
                        && v.substring(colon + 1).matches("\\d{1,5}")
                        && Integer.parseInt(v.substring(colon + 1)) > 0) {
                    port = Integer.parseInt(v.substring(colon + 1));
                }
            }
            out.add(new Port(d.name(), port, "TCP", d.http() ? "http" : null, d.key(), ev));
        }
        return out;
    }

    private static List<Peer> peers(Inventory inv, Map<String, ConfigEntry> conf, String site) {
        List<Peer> out = new ArrayList<>();
        for (ConfigEntry e : conf.values()) {
            if (e.key().startsWith("yarn.resourcemanager.")
                    && (e.key().endsWith(".hostname") || e.key().endsWith(".address"))) {
                String host = e.value().replaceAll(":\\d+$", "");
                if (!host.isBlank() && !host.contains("$") && !host.equals("0.0.0.0")) {
                    out.add(
                            new Peer(
                                    e.key(),
                                    "resourcemanager",
                                    host,
                                    e.file(),
                                    ComponentParts.evidence(inv, e)));
                }
            }
        }
        return out;
    }

    private static String value(Map<String, ConfigEntry> conf, String key) {
        ConfigEntry e = conf.get(key);
        return e == null ? null : e.value();
    }

    private static Evidence evidence(
            Inventory inv, Map<String, ConfigEntry> conf, String key, String fallbackFile) {
        ConfigEntry e = conf.get(key);
        return e == null ? Evidence.ofFile(fallbackFile) : ComponentParts.evidence(inv, e);
    }
}
