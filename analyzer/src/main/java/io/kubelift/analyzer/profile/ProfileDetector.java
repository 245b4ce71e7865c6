package io.kubelift.analyzer.profile;

import io.kubelift.analyzer.Inventory;
import io.kubelift.analyzer.detect.ComponentParts;
import io.kubelift.analyzer.detect.DetectionContext;
import io.kubelift.analyzer.detect.Detector;
import io.kubelift.analyzer.parse.ConfigEntry;
import io.kubelift.analyzer.scan.RelPaths;
import io.kubelift.analyzer.shell.ShellLaunch;
import io.kubelift.model.Component;
import io.kubelift.model.Entrypoint;
import io.kubelift.model.Evidence;
import io.kubelift.model.Health;
import io.kubelift.model.LogDir;
import io.kubelift.model.Names;
import io.kubelift.model.Port;
import io.kubelift.model.RuntimeRequirements;
import io.kubelift.model.SecretRef;
import io.kubelift.model.StateDir;
import io.kubelift.model.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one detector for every product described by a {@link ProductProfile}: when an app is
 * recognised as the product, each of its long-running processes becomes a component — the launch
 * the scripts make of its main class when one was interpreted (its classpath, options, heap), else
 * the profile's own entrypoint; ports from the product's setting keys, read from the app's config
 * (a number, {@code host:port} or a URI) or the product's default; health, state, logs and secret
 * keys as the profile says, plus what the parsers found in the daemon's config files. Launches of
 * the product's tools are claimed, so they never become components.
 */
public final class ProfileDetector implements Detector {
    private static final Pattern PORT_IN = Pattern.compile("(?:^|:)(\\d{1,5})(?:/.*)?$");
    private static final Pattern PROPERTY_REF = Pattern.compile("^\\$\\{([^}:]+)}$");

    /** The name of a {@code perApplication} component: its application's. */
    static final String APPLICATION = "${application}";

    /** The name of a {@code fallbackOnly} component that takes the app's name. */
    static final String APP = "${app}";

    private final List<ProductProfile> profiles;
    private final boolean fallbacks;

    /** The detector for the profiles' components, except the {@code fallbackOnly} ones. */
    public ProfileDetector(List<ProductProfile> profiles) {
        this(profiles, false);
    }

    private ProfileDetector(List<ProductProfile> profiles, boolean fallbacks) {
        this.profiles = List.copyOf(profiles);
        this.fallbacks = fallbacks;
    }

    /**
     * The detector for the profiles' {@code fallbackOnly} components: it runs after every other
     * detector but the candidates, so such a component is made only when nothing else explained the
     * app.
     */
    public static ProfileDetector fallbacks(List<ProductProfile> profiles) {
        return new ProfileDetector(profiles, true);
    }

    @Override
    public String id() {
        return "profile";
    }

    @Override
    public void detect(DetectionContext ctx) {
        for (ProductProfile p : profiles) {
            if (p.components().stream().noneMatch(d -> d.fallbackOnly() == fallbacks)) {
                continue; // nothing of this profile in this pass: not worth recognising it
            }
            Optional<Evidence> mark = recognised(ctx, p);
            if (mark.isEmpty()) {
                continue;
            }
            Inventory inv = ctx.inventory();
            for (ProductProfile.Daemon d : p.components()) {
                if (d.fallbackOnly() != fallbacks) {
                    continue;
                }
                if (d.perApplication()) {
                    for (Applications.App app : Applications.of(ctx, p)) {
                        daemon(ctx, p, d, app.evidence(), app);
                    }
                } else {
                    daemon(ctx, p, d, mark.get(), null);
                }
            }
            for (String tool : p.tools()) {
                ctx.claimClass(tool);
            }
            // a tool launched by its class, or with -jar of a jar whose manifest names it
            // (asadmin's appserver-cli.jar)
            inv.launches().stream()
                    .filter(
                            l -> {
                                String c = mainClassOf(ctx, l);
                                return c != null && p.tools().contains(c);
                            })
                    .forEach(ctx::claim);
        }
    }

    /**
     * The evidence that the app is this product (the first recognising file or launch), or empty.
     */
    static Optional<Evidence> recognised(DetectionContext ctx, ProductProfile p) {
        Inventory inv = ctx.inventory();
        ProductProfile.Recognise r = p.recognise();
        if (!r.applications().isEmpty()) {
            Optional<Evidence> app =
                    Applications.of(ctx, p).stream().map(Applications.App::evidence).findFirst();
            if (app.isPresent()) {
                return app;
            }
        }
        for (String c : r.mainClasses()) {
            Optional<ShellLaunch> l =
                    inv.launches().stream()
                            .filter(x -> c.equals(x.command().mainClass()))
                            .findFirst();
            if (l.isPresent()) {
                return Optional.of(ComponentParts.launchEvidence(inv, l.get()));
            }
        }
        if (r.anyFile().isEmpty() && r.allFiles().isEmpty()) {
            return Optional.empty();
        }
        List<String> all = new ArrayList<>();
        for (String f : r.allFiles()) {
            Optional<String> hit = find(inv, f);
            if (hit.isEmpty()) {
                return Optional.empty();
            }
            all.add(hit.get());
        }
        Optional<String> any = Optional.empty();
        for (String f : r.anyFile()) {
            any = r.withKeys().isEmpty() ? find(inv, f) : findSetting(inv, f, r.withKeys());
            if (any.isPresent()) {
                break;
            }
        }
        if (!r.anyFile().isEmpty() && any.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Evidence.ofFile(any.orElseGet(() -> all.get(0))));
    }

    /**
     * The first app file (path order) matching a profile path: a path suffix, {@code *} within one
     * segment.
     */
    static Optional<String> find(Inventory inv, String pattern) {
        Pattern re = glob(pattern);
        return inv.files().list().stream().filter(f -> re.matcher(f).matches()).findFirst();
    }

    /**
     * The shortest app file matching a profile path that sets one of the keys ({@code *} matches
     * any text).
     */
    static Optional<String> findSetting(Inventory inv, String pattern, List<String> keys) {
        Pattern re = glob(pattern);
        List<Pattern> k = keys.stream().map(ProfileDetector::keyGlob).toList();
        return inv.configFormats().keySet().stream()
                .filter(f -> re.matcher(f).matches())
                .filter(
                        f ->
                                inv.entries(f)
                                        .anyMatch(
                                                e ->
                                                        k.stream()
                                                                .anyMatch(
                                                                        x ->
                                                                                x.matcher(e.key())
                                                                                        .matches())))
                .min(Comparator.comparingInt(String::length).thenComparing(f -> f));
    }

    /**
     * A profile path as a regex: matched as a path suffix, or from the app root when it starts with
     * {@code /}; {@code *} within one segment, {@code **} across segments.
     */
    static Pattern glob(String pattern) {
        boolean rooted = pattern.startsWith("/");
        StringBuilder sb = new StringBuilder(rooted ? "" : "(?:.*/)?");
        String pat = rooted ? pattern.substring(1) : pattern;
        for (int i = 0; i < pat.length(); i++) {
            char ch = pat.charAt(i);
            if (ch == '*' && i + 1 < pat.length() && pat.charAt(i + 1) == '*') {
                sb.append(".*");
                i++;
                continue;
            }
            switch (ch) {
                case '*' -> sb.append("[^/]*");
                case '?' -> sb.append("[^/]");
                default -> sb.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(sb.toString());
    }

    private void daemon(
            DetectionContext ctx,
            ProductProfile p,
            ProductProfile.Daemon d,
            Evidence mark,
            Applications.App app) {
        Inventory inv = ctx.inventory();
        if (d.fallbackOnly() && !ctx.components().isEmpty()) {
            return; // another detector explained the app
        }
        String mainClass = app != null ? app.mainClass() : d.mainClass();
        String prefix = app != null ? app.prefix() : "";
        Optional<String> artifact =
                app != null ? Applications.artifactId(inv, app.root()) : Optional.empty();
        // the paths through the script that know the most first: a script forks one path per
        // `case` branch (`case `uname` in CYGWIN*) … Darwin*) …`), and the branch for another OS
        // builds its classpath from command output (cygpath)
        List<ShellLaunch> ofClass =
                inv.launches().stream()
                        .filter(
                                l ->
                                        app != null
                                                ? Applications.runs(ctx, l, app, artifact)
                                                : runs(ctx, l, d))
                        .sorted(
                                Comparator.comparingInt(
                                        (ShellLaunch l) ->
                                                (l.command().classpath().isEmpty()
                                                                        && l.command().jar() == null
                                                                ? 1000
                                                                : 0)
                                                        + l.command().unresolvedOptions().size()))
                        .toList();
        // the launch with the daemon's arguments, in the foreground if there is one (the container
        // runs it in the foreground); a stable sort, so the paths that know the most stay first
        Comparator<ShellLaunch> foregroundFirst = Comparator.comparing(ShellLaunch::background);
        Optional<ShellLaunch> launch =
                ofClass.stream()
                        .filter(l -> l.command().args().containsAll(d.args()))
                        .sorted(foregroundFirst)
                        .findFirst()
                        .or(
                                () ->
                                        ofClass.stream()
                                                .filter(l -> !ctx.isClaimed(l))
                                                .sorted(foregroundFirst)
                                                .findFirst());
        boolean present =
                launch.isPresent()
                        || d.whenFiles().stream().anyMatch(f -> find(inv, f).isPresent());
        if (d.optional() && !present) {
            return;
        }
        Optional<String> anchor =
                d.configDirOf() == null
                        ? Optional.empty()
                        : inv.configFormats().keySet().stream()
                                .filter(f -> glob(d.configDirOf()).matcher(f).matches())
                                .findFirst();
        String confDir =
                anchor.map(RelPaths::parent)
                        .orElseGet(
                                () ->
                                        d.classpath().stream()
                                                .filter(c -> !c.contains("*"))
                                                .findFirst()
                                                .orElse(""));
        Set<String> files = new TreeSet<>();
        if (d.configDirOf() != null) {
            inv.configFormats().keySet().stream()
                    .filter(f -> RelPaths.parent(f).equals(confDir))
                    .forEach(files::add);
        }
        for (String g : d.configFiles()) {
            Pattern re = glob(g);
            inv.configFormats().keySet().stream()
                    .filter(f -> f.startsWith(prefix))
                    .filter(f -> re.matcher(f.substring(prefix.length())).matches())
                    .forEach(files::add);
        }
        for (String g : d.excludeFiles()) {
            Pattern re = glob(g);
            files.removeIf(f -> re.matcher(f).matches());
        }
        // the default settings: not those of a configuration profile (application-prod.yml, a YAML
        // document activated for a profile)
        Pattern profileFile = d.profileFiles() == null ? null : Pattern.compile(d.profileFiles());
        Set<String> configProfiles = new TreeSet<>();
        Set<String> profileLines = new java.util.HashSet<>();
        Map<String, ConfigEntry> conf = new LinkedHashMap<>();
        inv.entries().stream()
                .filter(e -> files.contains(e.file()))
                .forEach(
                        e -> {
                            String cp = configProfile(e, profileFile);
                            if (cp == null) {
                                conf.putIfAbsent(e.key(), e);
                            } else {
                                configProfiles.addAll(List.of(cp.split("\\s*[,|&!()]\\s*")));
                                profileLines.add(e.file() + ":" + e.line());
                            }
                        });
        configProfiles.remove("");
        if (!d.enabledWhen().isEmpty() && d.enabledWhen().stream().noneMatch(c -> holds(conf, c))) {
            return; // not configured to run
        }
        String name = componentName(ctx, d, app, conf, artifact);
        if (ctx.components().stream().anyMatch(c -> c.name().equals(name))) {
            return;
        }
        String ownHost = null;
        if (d.ownHost() != null) {
            ConfigEntry h = conf.get(d.ownHost().key());
            String host = h == null ? "" : h.value().strip().replaceAll(":\\d+$", "");
            ConfigEntry other =
                    d.ownHost().notHostOf() == null ? null : conf.get(d.ownHost().notHostOf());
            if (!host.isBlank()
                    && !host.contains("$")
                    && (other == null || !host.equals(other.value().strip()))) {
                ownHost = host;
            } else if (launch.isEmpty()) {
                return; // configured on another daemon's host, and not started here: run elsewhere
            }
        }
        String anchorFile =
                anchor.orElse(
                        d.configDirOf() == null
                                ? null
                                : (confDir.isEmpty() ? "" : confDir + "/")
                                        + RelPaths.fileName(d.configDirOf()));
        Evidence fileMark = anchorFile == null ? mark : Evidence.ofFile(anchorFile);
        Evidence implied = firstSet(inv, conf, d.impliedBy()).orElse(fileMark);
        Evidence ev = launch.map(l -> ComponentParts.launchEvidence(inv, l)).orElse(mark);
        // the files the process loads (an unenabled module's XML is shipped, but neither listens
        // nor makes dirs) …
        Set<String> active = new TreeSet<>(files);
        if (d.modules() != null) {
            active.removeAll(notLoaded(inv, d.modules(), files));
        }
        // … and of those, the ones whose listeners are this process's own
        Set<String> listening = new TreeSet<>(active);
        if (!d.portFiles().isEmpty()) {
            List<Pattern> pf = d.portFiles().stream().map(ProfileDetector::glob).toList();
            listening.removeIf(f -> pf.stream().noneMatch(re -> re.matcher(f).matches()));
        }
        Map<String, ConfigEntry> portConf = new LinkedHashMap<>();
        inv.entries().stream()
                .filter(e -> listening.contains(e.file()))
                .filter(e -> !profileLines.contains(e.file() + ":" + e.line()))
                .forEach(e -> portConf.putIfAbsent(e.key(), e));
        List<Port> ports = ports(inv, d, portConf, listening, implied, profileLines);
        Set<String> withScripts = new TreeSet<>(files);
        if (app != null) {
            // the application's own sources (a credential written into a class)
            String srcDir = RelPaths.parent(app.evidence().file());
            inv.secrets().stream()
                    .map(h -> h.file())
                    .filter(f -> f.startsWith(srcDir + "/") || f.equals(app.evidence().file()))
                    .forEach(withScripts::add);
        }
        Set<String> stateFiles = new TreeSet<>(withScripts);
        launch.ifPresent(
                l -> {
                    withScripts.add(l.script());
                    withScripts.add(l.entryScript());
                    withScripts.addAll(l.sources());
                });
        // dirs only from the files the process loads, and only the keys this process reads
        Set<String> activeWithScripts = new TreeSet<>(withScripts);
        activeWithScripts.removeIf(f -> files.contains(f) && !active.contains(f));
        stateFiles.removeIf(f -> files.contains(f) && !active.contains(f));
        java.util.function.Predicate<io.kubelift.model.Fact> reads =
                f -> readsKey(p, d.name(), String.valueOf(f.attr("configKey")));
        List<StateDir> state = new ArrayList<>(ComponentParts.state(inv, stateFiles, reads));
        for (ProductProfile.DirDef s : d.state()) {
            ConfigEntry e = s.key() == null ? null : conf.get(s.key());
            String path =
                    e != null && !e.value().isBlank() && !e.value().contains("${")
                            ? e.value()
                            : s.path();
            if (state.stream().noneMatch(x -> x.path().equals(path))) {
                state.add(
                        new StateDir(
                                path,
                                s.purpose(),
                                s.key(),
                                s.durable(),
                                e != null ? ComponentParts.evidence(inv, e) : mark));
            }
        }
        List<LogDir> logs = new ArrayList<>(ComponentParts.logs(inv, activeWithScripts, reads));
        for (ProductProfile.DirDef s : d.logs()) {
            ConfigEntry e = s.key() == null ? null : conf.get(s.key());
            String path =
                    e != null && !e.value().isBlank() && !e.value().contains("${")
                            ? e.value()
                            : s.path();
            if (logs.stream().noneMatch(x -> x.path().equals(path))) {
                logs.add(
                        new LogDir(
                                path, s.key(), e != null ? ComponentParts.evidence(inv, e) : mark));
            }
        }
        if (p.resolveReferences()) {
            Map<String, String> vars = new java.util.HashMap<>();
            conf.values().forEach(e -> vars.putIfAbsent(e.key(), e.value()));
            launch.ifPresent(l -> References.systemProperties(l.command(), vars));
            state = References.resolvedState(state, vars);
            logs = References.resolvedLogs(logs, vars);
        }
        // a path the analysis cannot resolve (log4j2's ${sys:artemis.instance}/log) is no directory
        // kubelift can mount; the product's own dirs (the instance's log/) stand for it
        state.removeIf(x -> x.path().contains("${"));
        state.sort(Comparator.comparing(StateDir::path));
        logs.removeIf(x -> x.path().contains("${"));
        logs.sort(Comparator.comparing(LogDir::path));
        boolean durable = state.stream().anyMatch(StateDir::isDurable);
        String workloadName = d.workload();
        String description = d.description();
        for (ProductProfile.Variant v : d.variants()) {
            if (v.when() == null || holds(conf, v.when())) {
                workloadName = v.workload() != null ? v.workload() : workloadName;
                description = v.description() != null ? v.description() : description;
                break;
            }
        }
        Workload workload =
                workloadName != null
                        ? Workload.valueOf(workloadName)
                        : durable ? Workload.StatefulSet : Workload.Deployment;
        Health health = health(inv, d, app, conf, ports, implied);
        List<io.kubelift.model.DeployedApp> deployed =
                ComponentParts.deployedApps(inv, d.deployments());
        String base =
                (description != null ? description : p.name() + " " + d.name())
                        .replace(APPLICATION, mainClass);
        Component.Builder b =
                Component.builder(name)
                        .description(
                                base
                                        + (ownHost != null ? " (ran on " + ownHost + ")" : "")
                                        + (launch.isPresent()
                                                ? ", launched by " + launch.get().entryScript()
                                                : ", from the "
                                                        + p.id()
                                                        + " product profile (no launch interpreted: check the entrypoint)")
                                        + details(inv, d, conf, files, deployed, configProfiles))
                        .workload(workload)
                        .entrypoint(entrypoint(ctx, p, d, mainClass, app != null, launch, ev))
                        .runtime(
                                d.shell()
                                        ? new RuntimeRequirements("17", true, null, implied)
                                        : new RuntimeRequirements(
                                                app != null
                                                        ? Applications.javaVersion(inv, app.root())
                                                        : "17",
                                                null,
                                                null,
                                                null))
                        .ports(ports)
                        .configFiles(
                                ComponentParts.configFiles(
                                        inv,
                                        files.stream()
                                                .filter(
                                                        f ->
                                                                !"shell"
                                                                        .equals(
                                                                                inv.configFormats()
                                                                                        .get(f)))
                                                .toList()))
                        .configOverrides(overrides(inv, d, conf, files, confDir))
                        .env(env(inv, d, conf, confDir, fileMark))
                        .peers(peers(inv, d, conf))
                        .secrets(secrets(inv, p, withScripts))
                        .state(state)
                        .logs(logs)
                        .deployedApps(deployed)
                        .health(health)
                        // an application: the class that makes it one
                        .evidence(app != null ? app.evidence() : ev);
        launch.ifPresent(
                l ->
                        b.resources(
                                ComponentParts.resources(
                                        ComponentParts.heapBytes(l.command()),
                                        ComponentParts.heapEvidence(inv, l))));
        ctx.add("profile:" + p.id(), b.build());
        ofClass.forEach(ctx::claim);
        ctx.claimClass(mainClass);
    }

    /**
     * The component's name: the profile's, the app's for {@code ${app}}; for an application the
     * setting {@code nameKey}, else its module's artifactId, else its class's simple name without
     * {@code classSuffix}.
     */
    private static String componentName(
            DetectionContext ctx,
            ProductProfile.Daemon d,
            Applications.App app,
            Map<String, ConfigEntry> conf,
            Optional<String> artifact) {
        if (app == null) {
            return d.name().equals(APP) ? Names.dnsLabel(ctx.appName()) : d.name();
        }
        String simple = app.mainClass().substring(app.mainClass().lastIndexOf('.') + 1);
        if (d.classSuffix() != null && simple.endsWith(d.classSuffix())) {
            simple = simple.substring(0, simple.length() - d.classSuffix().length());
        }
        String fromClass = simple;
        return Names.dnsLabel(
                Optional.ofNullable(d.nameKey() == null ? null : conf.get(d.nameKey()))
                        .map(ConfigEntry::value)
                        .or(() -> artifact)
                        .orElse(fromClass));
    }

    /** The configuration profile an entry belongs to: its YAML document's, else its file name's. */
    static String configProfile(ConfigEntry e, Pattern profileFile) {
        if (e.profile() != null) {
            return e.profile();
        }
        if (profileFile == null) {
            return null;
        }
        Matcher m = profileFile.matcher(RelPaths.fileName(e.file()));
        return m.matches() ? m.group(1) : null;
    }

    /**
     * What the description adds: the web applications with the file that deploys each, the ports
     * that are not service ports, the configuration profiles, the external services.
     */
    private static String details(
            Inventory inv,
            ProductProfile.Daemon d,
            Map<String, ConfigEntry> conf,
            Set<String> files,
            List<io.kubelift.model.DeployedApp> deployed,
            Set<String> configProfiles) {
        StringBuilder sb = new StringBuilder();
        Map<String, String> webApps = new TreeMap<>();
        deployed.stream()
                .filter(a -> a.contextPath() != null)
                .forEach(a -> webApps.putIfAbsent(a.contextPath(), a.evidence().file()));
        for (String c : d.contexts()) {
            Pattern re = glob(c);
            inv.files().list().stream()
                    .filter(f -> re.matcher(f).matches())
                    .forEach(
                            f ->
                                    webApps.put(
                                            ComponentParts.contextPath(
                                                    RelPaths.fileName(f).replaceAll("\\.xml$", "")),
                                            f));
        }
        if (!webApps.isEmpty()) {
            sb.append("; web applications: ")
                    .append(
                            webApps.entrySet().stream()
                                    .map(w -> w.getKey() + " ← " + w.getValue())
                                    .collect(java.util.stream.Collectors.joining(", ")));
        }
        for (ProductProfile.NotPortDef n : d.notServicePorts()) {
            inv.entries().stream()
                    .filter(e -> files.contains(e.file()) && e.key().equals(n.key()))
                    .findFirst()
                    .ifPresent(
                            e ->
                                    sb.append("; ")
                                            .append(n.what() != null ? n.what() : "port")
                                            .append(" ")
                                            .append(e.value().strip())
                                            .append(" (")
                                            .append(n.key())
                                            .append(") is not a service port and is not exposed"));
        }
        if (!configProfiles.isEmpty()) {
            sb.append("; profiles: ").append(String.join(", ", configProfiles));
            Optional.ofNullable(
                            d.activeProfilesKey() == null ? null : conf.get(d.activeProfilesKey()))
                    .ifPresent(e -> sb.append(" (active: ").append(e.value()).append(")"));
        }
        if (d.externalServices()) {
            Set<String> external = new TreeSet<>();
            inv.facts(io.kubelift.model.FactKind.HOST_REFERENCE)
                    .filter(
                            f ->
                                    files.contains(f.evidence().file())
                                            && !"true".equals(f.attr("loopback")))
                    .forEach(
                            f ->
                                    external.add(
                                            f.subject()
                                                    + (f.attr("port") != null
                                                            ? ":" + f.attr("port")
                                                            : "")
                                                    + " ("
                                                    + f.attr("configKey")
                                                    + ")"));
            if (!external.isEmpty()) {
                sb.append("; external services: ").append(String.join(", ", external));
            }
        }
        return sb.toString();
    }

    /**
     * The probe: on the health port, else the fallback port; HTTP on the path (its base from a
     * setting) unless the application lacks the dependency that serves it. Its evidence: the
     * dependency, else the setting that implies the default ports, else the port's.
     */
    private static Health health(
            Inventory inv,
            ProductProfile.Daemon d,
            Applications.App app,
            Map<String, ConfigEntry> conf,
            List<Port> ports,
            Evidence implied) {
        ProductProfile.HealthDef h = d.health();
        if (h == null) {
            return null;
        }
        Optional<Port> port =
                ports.stream()
                        .filter(x -> x.name().equals(h.port()))
                        .findFirst()
                        .or(
                                () ->
                                        ports.stream()
                                                .filter(x -> x.name().equals(h.fallbackPort()))
                                                .findFirst());
        if (port.isEmpty()) {
            return null;
        }
        Evidence ev = d.impliedBy().isEmpty() ? port.get().evidence() : implied;
        String path = h.path();
        if (path != null && !h.dependencies().isEmpty()) {
            Optional<io.kubelift.model.Fact> dep =
                    Applications.dependency(inv, app != null ? app.root() : "", h.dependencies());
            if (dep.isEmpty()) {
                path = null;
            } else {
                ev = dep.get().evidence();
            }
        }
        if (path == null) {
            return new Health("tcp", null, port.get().name(), ev);
        }
        if (h.base() != null) {
            String base =
                    Optional.ofNullable(h.baseKey() == null ? null : conf.get(h.baseKey()))
                            .map(ConfigEntry::value)
                            .orElse(h.base())
                            .strip();
            path =
                    (base.startsWith("/") ? base : "/" + base).replaceAll("/+$", "")
                            + (path.startsWith("/") ? path : "/" + path);
        }
        return new Health("http", path, port.get().name(), ev);
    }

    /** Whether a setting is set (and, as the condition says, equals or contains a value). */
    static boolean holds(Map<String, ConfigEntry> conf, ProductProfile.Condition c) {
        ConfigEntry e = conf.get(c.key());
        if (e == null) {
            return false;
        }
        String v = e.value().strip();
        return (c.equals() == null || c.equals().equalsIgnoreCase(v))
                && (c.contains() == null
                        || v.toLowerCase(java.util.Locale.ROOT)
                                .contains(c.contains().toLowerCase(java.util.Locale.ROOT)));
    }

    /** The evidence of the first of these settings that is set. */
    private static Optional<Evidence> firstSet(
            Inventory inv, Map<String, ConfigEntry> conf, List<String> keys) {
        return keys.stream()
                .map(conf::get)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .map(e -> ComponentParts.evidence(inv, e));
    }

    /** Whether a component reads a key: no other component of the product owns its prefix. */
    static boolean readsKey(ProductProfile p, String component, String key) {
        return p.keyOwners().entrySet().stream()
                .filter(e -> key.startsWith(e.getKey()))
                .allMatch(e -> e.getValue().equals(component));
    }

    private static List<io.kubelift.model.ConfigOverride> overrides(
            Inventory inv,
            ProductProfile.Daemon d,
            Map<String, ConfigEntry> conf,
            Set<String> files,
            String confDir) {
        List<io.kubelift.model.ConfigOverride> out = new ArrayList<>();
        for (ProductProfile.OverrideDef o : d.configOverrides()) {
            Pattern re = glob(o.file());
            String file =
                    files.stream()
                            .filter(f -> re.matcher(f).matches())
                            .findFirst()
                            .orElse((confDir.isEmpty() ? "" : confDir + "/") + o.file());
            out.add(
                    new io.kubelift.model.ConfigOverride(
                            file,
                            o.key(),
                            o.value(),
                            o.reason(),
                            firstSet(inv, conf, o.evidence()).orElse(Evidence.ofFile(file))));
        }
        return out;
    }

    private static List<io.kubelift.model.EnvVar> env(
            Inventory inv,
            ProductProfile.Daemon d,
            Map<String, ConfigEntry> conf,
            String confDir,
            Evidence fileMark) {
        List<io.kubelift.model.EnvVar> out = new ArrayList<>();
        for (ProductProfile.EnvDef e : d.env()) {
            String value =
                    e.value() == null
                            ? null
                            : e.value()
                                    .replace(
                                            "/${configDir}", confDir.isEmpty() ? "" : "/" + confDir)
                                    .replace("${configDir}", confDir);
            out.add(
                    new io.kubelift.model.EnvVar(
                            e.name(),
                            value,
                            e.fromResource(),
                            e.divisor(),
                            firstSet(inv, conf, e.evidence()).orElse(fileMark)));
        }
        return out;
    }

    /** The settings among the component's that name another component's host. */
    private static List<io.kubelift.model.Peer> peers(
            Inventory inv, ProductProfile.Daemon d, Map<String, ConfigEntry> conf) {
        List<io.kubelift.model.Peer> out = new ArrayList<>();
        for (ConfigEntry e : conf.values()) {
            for (ProductProfile.PeerDef def : d.peers()) {
                if (def.keys().stream().noneMatch(k -> keyGlob(k).matcher(e.key()).matches())) {
                    continue;
                }
                String host = e.value().strip().replaceAll(":\\d+$", "");
                if (!host.isBlank() && !host.contains("$") && !host.equals("0.0.0.0")) {
                    out.add(
                            new io.kubelift.model.Peer(
                                    e.key(),
                                    def.component(),
                                    host,
                                    e.file(),
                                    ComponentParts.evidence(inv, e)));
                }
                break;
            }
        }
        return out;
    }

    /** A setting-key pattern: {@code *} matches any text. */
    static Pattern keyGlob(String key) {
        StringBuilder sb = new StringBuilder();
        for (String part : key.split("\\*", -1)) {
            if (sb.length() > 0) {
                sb.append(".*");
            }
            sb.append(Pattern.quote(part));
        }
        return Pattern.compile(sb.toString());
    }

    /**
     * The gated files among {@code files} that no enabled module loads: the modules named by the
     * enabling lines, closed over their descriptors' {@code [depend]} sections (a leading {@code ?}
     * or a trailing condition is dropped), load the files their {@code [xml]} sections list. No
     * enabling file: no module is enabled.
     */
    static Set<String> notLoaded(Inventory inv, ProductProfile.ModuleGate g, Set<String> files) {
        Pattern line = Pattern.compile(g.line());
        // the modules each base enables (the directory holding start.ini/start.d): a demo base
        // beside the install
        // (jetty-distribution's demo-base/start.d/https.ini) does not enable modules for the
        // install's own run
        Map<String, List<String>> byBase = new TreeMap<>();
        for (String en : g.enable()) {
            Pattern re = based(en);
            for (String f : inv.files().list()) {
                Matcher fm = re.matcher(f);
                if (fm.matches()) {
                    List<String> mods =
                            byBase.computeIfAbsent(
                                    fm.group(1) == null ? "" : fm.group(1), k -> new ArrayList<>());
                    for (String l : text(inv, f).split("\\R")) {
                        Matcher m = line.matcher(l.strip());
                        if (m.matches()) {
                            for (String mod : m.group(1).split(",")) {
                                if (!mod.isBlank()) {
                                    mods.add(mod.strip());
                                }
                            }
                        }
                    }
                }
            }
        }
        List<String> everywhere = byBase.values().stream().flatMap(List::stream).toList();
        Map<String, Set<String>> loadedBy = new TreeMap<>();
        Set<String> out = new TreeSet<>();
        for (String gated : g.gated()) {
            Pattern re = based(gated);
            for (String f : files) {
                Matcher fm = re.matcher(f);
                if (!fm.matches()) {
                    continue;
                }
                // the file's own base when it enables anything, else whatever any base enables (a
                // base apart from the home)
                String base = fm.group(1) == null ? "" : fm.group(1);
                Set<String> loaded =
                        loadedBy.computeIfAbsent(
                                base, b -> loaded(inv, g, byBase.getOrDefault(b, everywhere)));
                if (loaded.stream().noneMatch(x -> f.equals(x) || f.endsWith("/" + x))) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** {@link #glob} with the directory before the pattern captured as group 1. */
    private static Pattern based(String pattern) {
        return Pattern.compile("(.*/)?" + glob(pattern).pattern().substring("(?:.*/)?".length()));
    }

    /**
     * The files the {@code [xml]} sections of these modules and of every module they depend on
     * load.
     */
    private static Set<String> loaded(
            Inventory inv, ProductProfile.ModuleGate g, List<String> modules) {
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(modules);
        Set<String> enabled = new TreeSet<>();
        Set<String> loaded = new TreeSet<>();
        while (!todo.isEmpty()) {
            String mod = todo.poll();
            if (!enabled.add(mod)) {
                continue;
            }
            Optional<String> desc = find(inv, g.descriptor().replace("{}", mod));
            if (desc.isEmpty()) {
                continue;
            }
            String section = "";
            for (String raw : text(inv, desc.get()).split("\\R")) {
                String l = raw.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                if (l.startsWith("[") && l.endsWith("]")) {
                    section =
                            l.substring(1, l.length() - 1)
                                    .strip()
                                    .toLowerCase(java.util.Locale.ROOT);
                } else if (section.equals("depend")) {
                    String dep = l.replaceFirst("^\\?", "").split("[\\s|]", 2)[0];
                    if (!dep.isEmpty()) {
                        todo.add(dep);
                    }
                } else if (section.equals("xml")) {
                    loaded.add(l);
                }
            }
        }
        return loaded;
    }

    private static String text(Inventory inv, String path) {
        return inv.files()
                .read(path, 1 << 20)
                .map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8))
                .orElse("");
    }

    /**
     * The class a launch runs: its main class, or the Main-Class of the jar it runs with {@code
     * -jar}; null when unknown.
     */
    static String mainClassOf(DetectionContext ctx, ShellLaunch l) {
        if (l.command().mainClass() != null) {
            return l.command().mainClass();
        }
        return l.command().jar() == null
                ? null
                : ctx.jars()
                        .resolve(l.command().jar())
                        .flatMap(ctx.jars()::info)
                        .map(i -> i.mainClass())
                        .orElse(null);
    }

    /**
     * Whether a launch runs the daemon: its class, or {@code -jar} of the daemon's launcher jar.
     */
    private static boolean runs(DetectionContext ctx, ShellLaunch l, ProductProfile.Daemon d) {
        if (d.mainClass().equals(l.command().mainClass())) {
            return true;
        }
        String jar = l.command().jar();
        if (jar == null) {
            return false;
        }
        if (d.jar() != null
                && RelPaths.fileName(jar.replace('\\', '/')).equals(RelPaths.fileName(d.jar()))) {
            return true;
        }
        return ctx.jars()
                .resolve(jar)
                .flatMap(ctx.jars()::info)
                .map(i -> d.mainClass().equals(i.mainClass()))
                .orElse(false);
    }

    private static Entrypoint entrypoint(
            DetectionContext ctx,
            ProductProfile p,
            ProductProfile.Daemon d,
            String mainClass,
            boolean application,
            Optional<ShellLaunch> launch,
            Evidence ev) {
        if (launch.isPresent() && application) {
            // an application's launch as written: a Boot fat jar runs with -jar, not by its class
            return ComponentParts.entrypoint(launch.get(), ev);
        }
        if (launch.isPresent()) {
            Entrypoint e = ComponentParts.entrypoint(launch.get(), ev);
            List<String> args = new ArrayList<>(e.args());
            if (!args.containsAll(d.args())) {
                d.args().stream().filter(a -> !args.contains(a)).forEach(args::add);
            }
            return new Entrypoint(
                    e.script(),
                    mainClass,
                    e.jar(),
                    e.command(),
                    withJar(e.classpath(), e.jar()),
                    References.consoleLogging(e.jvmOptions(), p.consoleLoggers()),
                    args,
                    e.workingDir(),
                    e.evidence());
        }
        if (application && io.kubelift.analyzer.jar.Jars.isJarName(ev.file())) {
            // an application found by its jar's manifest: the jar runs it (a fat jar's own loader)
            return new Entrypoint(
                    null, null, ev.file(), null, List.of(), List.of(), List.of(), null, ev);
        }
        String script =
                d.scripts().stream()
                        .map(s -> find(ctx.inventory(), s))
                        .flatMap(Optional::stream)
                        .findFirst()
                        .orElse(null);
        String jar = d.jar() == null ? null : find(ctx.inventory(), d.jar()).orElse(null);
        return new Entrypoint(
                script,
                mainClass,
                jar,
                null,
                withJar(d.classpath(), jar),
                d.jvmOptions(),
                d.args(),
                null,
                ev);
    }

    /**
     * The launcher jar first on the classpath, so running the main class by name is the same as
     * {@code java -jar}.
     */
    private static List<String> withJar(List<String> classpath, String jar) {
        if (jar == null || classpath.contains(jar)) {
            return classpath;
        }
        List<String> out = new ArrayList<>();
        out.add(jar);
        out.addAll(classpath);
        return out;
    }

    private static List<Port> ports(
            Inventory inv,
            ProductProfile.Daemon d,
            Map<String, ConfigEntry> conf,
            Set<String> files,
            Evidence mark,
            Set<String> profileLines) {
        Map<Integer, Port> byPort = new TreeMap<>();
        Set<String> names = new TreeSet<>();
        for (ProductProfile.PortDef def : d.ports()) {
            if (def.when() != null && !holds(conf, def.when())) {
                continue;
            }
            if (def.key() != null && def.key().contains("*")) {
                if (elementPorts(inv, def, conf, files, byPort, names) > 0 || def.port() == null) {
                    continue;
                }
            }
            ConfigEntry e =
                    def.key() == null || def.key().contains("*") ? null : conf.get(def.key());
            Integer port = def.port();
            Evidence ev = defaultEvidence(def, mark);
            if (e != null) {
                Integer set = portIn(e.value(), conf);
                port = set != null ? set : port;
                ev = ComponentParts.evidence(inv, e);
            }
            if (port == null) {
                continue;
            }
            String name =
                    def.name() != null ? def.name() : ComponentParts.portName(def.key(), port);
            if (!byPort.containsKey(port) && names.add(name)) {
                byPort.put(
                        port, new Port(name, port, "TCP", appProtocol(def, null), def.key(), ev));
            }
        }
        Set<String> notPorts = new TreeSet<>();
        d.notServicePorts().forEach(n -> notPorts.add(n.key()));
        for (Port found :
                d.onlyListedPorts()
                        ? List.<Port>of()
                        : ComponentParts.ports(
                                inv,
                                files,
                                f ->
                                        !profileLines.contains(
                                                        f.evidence().file()
                                                                + ":"
                                                                + f.evidence().line())
                                                && !notPorts.contains(
                                                        String.valueOf(f.attr("configKey"))))) {
            if (!byPort.containsKey(found.port()) && names.add(found.name())) {
                byPort.put(found.port(), found);
            }
        }
        return new ArrayList<>(byPort.values());
    }

    /** The port a value sets: a number, host:port or a URI; {@code ${key}} from the settings. */
    private static Integer portIn(String value, Map<String, ConfigEntry> conf) {
        String v = io.kubelift.analyzer.parse.Placeholders.withDefaults(value.strip());
        Matcher ref = PROPERTY_REF.matcher(v);
        if (ref.matches() && conf.containsKey(ref.group(1))) {
            v = conf.get(ref.group(1)).value().strip();
        }
        Matcher m = PORT_IN.matcher(v);
        if (m.find()
                && Integer.parseInt(m.group(1)) >= 1
                && Integer.parseInt(m.group(1)) <= 65535) {
            return Integer.parseInt(m.group(1));
        }
        return null;
    }

    private static String appProtocol(ProductProfile.PortDef def, ProductProfile.PortVariant v) {
        if (v != null && v.appProtocol() != null) {
            return v.appProtocol();
        }
        if (v != null && v.http() != null) {
            return v.http() ? "http" : null;
        }
        return def.appProtocol() != null ? def.appProtocol() : def.http() ? "http" : null;
    }

    /**
     * One port per setting matching a key pattern (a repeated XML element: Tomcat's Connectors),
     * named by the first variant whose condition holds on the element's other attributes (the
     * element's attributes are reported together, in document order: a new element starts when the
     * element path changes or an attribute repeats).
     */
    private static int elementPorts(
            Inventory inv,
            ProductProfile.PortDef def,
            Map<String, ConfigEntry> conf,
            Set<String> files,
            Map<Integer, Port> byPort,
            Set<String> names) {
        Pattern key = keyGlob(def.key());
        int count = 0;
        for (String file : files) {
            List<Map<String, ConfigEntry>> elements = new ArrayList<>();
            String lastPath = null;
            for (ConfigEntry e : inv.entries(file).toList()) {
                int at = e.key().lastIndexOf('@');
                if (at < 0) {
                    lastPath = null;
                    continue;
                }
                String path = e.key().substring(0, at);
                String attr = e.key().substring(at + 1);
                if (!path.equals(lastPath) || elements.get(elements.size() - 1).containsKey(attr)) {
                    elements.add(new LinkedHashMap<>());
                }
                lastPath = path;
                elements.get(elements.size() - 1).put(attr, e);
            }
            List<Port> found = new ArrayList<>();
            for (Map<String, ConfigEntry> el : elements) {
                ConfigEntry portEntry =
                        el.values().stream()
                                .filter(e -> key.matcher(e.key()).matches())
                                .findFirst()
                                .orElse(null);
                if (portEntry == null) {
                    continue;
                }
                Integer port = portIn(portEntry.value(), conf);
                if (port == null || byPort.containsKey(port)) {
                    continue;
                }
                Map<String, ConfigEntry> attrs = new LinkedHashMap<>();
                el.forEach(attrs::put);
                ProductProfile.PortVariant variant =
                        def.byAttribute().stream()
                                .filter(v -> v.when().stream().anyMatch(c -> holds(attrs, c)))
                                .findFirst()
                                .orElse(null);
                String kind =
                        variant != null
                                ? variant.name()
                                : def.name() != null
                                        ? def.name()
                                        : ComponentParts.portName(portEntry.key(), port);
                String name = kind;
                for (int i = 2; names.contains(name); i++) {
                    name = Names.dnsLabel(kind + "-" + i, 15);
                }
                names.add(name);
                found.add(
                        new Port(
                                name,
                                port,
                                "TCP",
                                appProtocol(def, variant),
                                portEntry.key(),
                                ComponentParts.evidence(inv, portEntry)));
            }
            found.forEach(x -> byPort.putIfAbsent(x.port(), x));
            count += found.size();
        }
        return count;
    }

    /**
     * The evidence of a port no file sets: the key and where its default comes from, in the file
     * that recognised the product, at no line (a neighbouring line, e.g. a hostname's, does not
     * hold the port).
     */
    static Evidence defaultEvidence(ProductProfile.PortDef def, Evidence mark) {
        String from = def.defaultFrom() != null ? def.defaultFrom() : "the product's documentation";
        String condition =
                def.when() == null
                        ? ""
                        : " (it listens because "
                                + def.when().key()
                                + (def.when().contains() != null
                                        ? " contains " + def.when().contains()
                                        : def.when().equals() != null
                                                ? " is " + def.when().equals()
                                                : " is set")
                                + ")";
        return new Evidence(
                mark.file(),
                0,
                (def.key() == null ? "port " : def.key() + " is not set: port ")
                        + def.port()
                        + " is its default in "
                        + from
                        + condition);
    }

    private static List<SecretRef> secrets(Inventory inv, ProductProfile p, Set<String> files) {
        Map<String, SecretRef> out = new TreeMap<>();
        ComponentParts.secrets(inv, files, h -> true)
                .forEach(s -> out.put(s.file() + "\u0000" + s.key(), s));
        for (ConfigEntry e : inv.entries()) {
            if (files.contains(e.file())
                    && p.secretKeys().contains(e.key())
                    && !e.value().isBlank()) {
                out.putIfAbsent(
                        e.file() + "\u0000" + e.key(),
                        new SecretRef(
                                e.key(),
                                e.file(),
                                "password",
                                null,
                                ComponentParts.evidence(inv, e)));
            }
        }
        return new ArrayList<>(out.values());
    }
}
