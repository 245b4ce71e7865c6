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
    private final List<ProductProfile> profiles;

    public ProfileDetector(List<ProductProfile> profiles) {
        this.profiles = List.copyOf(profiles);
    }

    @Override
    public String id() {
        return "profile";
    }

    @Override
    public void detect(DetectionContext ctx) {
        for (ProductProfile p : profiles) {
            Optional<Evidence> mark = recognised(ctx, p);
            if (mark.isEmpty()) {
                continue;
            }
            Inventory inv = ctx.inventory();
            for (ProductProfile.Daemon d : p.components()) {
                daemon(ctx, p, d, mark.get());
            }
            for (String tool : p.tools()) {
                ctx.claimClass(tool);
            }
            // a tool launched by its class, or with -jar of a jar whose manifest names it
            // (asadmin's appserver-cli.jar)
            inv.launches().stream()
                    .filter(l -> p.tools().contains(mainClassOf(ctx, l)))
                    .forEach(ctx::claim);
        }
    }

    /**
     * The evidence that the app is this product (the first recognising file or launch), or empty.
     */
    static Optional<Evidence> recognised(DetectionContext ctx, ProductProfile p) {
        Inventory inv = ctx.inventory();
        ProductProfile.Recognise r = p.recognise();
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
            any = find(inv, f);
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

    static Pattern glob(String pattern) {
        StringBuilder sb = new StringBuilder("(?:.*/)?");
        for (char ch : pattern.toCharArray()) {
            switch (ch) {
                case '*' -> sb.append("[^/]*");
                case '?' -> sb.append("[^/]");
                default -> sb.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(sb.toString());
    }

    private void daemon(
            DetectionContext ctx, ProductProfile p, ProductProfile.Daemon d, Evidence mark) {
        Inventory inv = ctx.inventory();
        // the paths through the script that know the most first: a script forks one path per
        // `case` branch (`case `uname` in CYGWIN*) … Darwin*) …`), and the branch for another OS
        // builds its classpath from command output (cygpath)
        List<ShellLaunch> ofClass =
                inv.launches().stream()
                        .filter(l -> runs(ctx, l, d))
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
        if (d.optional() && !present
                || ctx.components().stream().anyMatch(c -> c.name().equals(d.name()))) {
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
                    .filter(f -> re.matcher(f).matches())
                    .forEach(files::add);
        }
        Map<String, ConfigEntry> conf = new LinkedHashMap<>();
        inv.entries().stream()
                .filter(e -> files.contains(e.file()))
                .forEach(e -> conf.putIfAbsent(e.key(), e));
        if (!d.enabledWhen().isEmpty() && d.enabledWhen().stream().noneMatch(c -> holds(conf, c))) {
            return; // not configured to run
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
                .forEach(e -> portConf.putIfAbsent(e.key(), e));
        List<Port> ports = ports(inv, d, portConf, listening, implied);
        Set<String> withScripts = new TreeSet<>(files);
        launch.ifPresent(
                l -> {
                    withScripts.add(l.script());
                    withScripts.add(l.entryScript());
                    withScripts.addAll(l.sources());
                });
        // dirs only from the files the process loads, and only the keys this process reads
        Set<String> activeWithScripts = new TreeSet<>(withScripts);
        activeWithScripts.removeIf(f -> files.contains(f) && !active.contains(f));
        java.util.function.Predicate<io.kubelift.model.Fact> reads =
                f -> readsKey(p, d.name(), String.valueOf(f.attr("configKey")));
        List<StateDir> state = new ArrayList<>(ComponentParts.state(inv, active, reads));
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
        Health health = null;
        if (d.health() != null
                && ports.stream().anyMatch(x -> x.name().equals(d.health().port()))) {
            health =
                    d.health().path() == null
                            ? new Health("tcp", null, d.health().port(), implied)
                            : new Health("http", d.health().path(), d.health().port(), implied);
        }
        Component.Builder b =
                Component.builder(d.name())
                        .description(
                                (description != null ? description : p.name() + " " + d.name())
                                        + (ownHost != null ? " (ran on " + ownHost + ")" : "")
                                        + (launch.isPresent()
                                                ? ", launched by " + launch.get().entryScript()
                                                : ", from the "
                                                        + p.id()
                                                        + " product profile (no launch interpreted: check the entrypoint)"))
                        .workload(workload)
                        .entrypoint(entrypoint(ctx, p, d, launch, ev))
                        .runtime(
                                d.shell()
                                        ? new RuntimeRequirements("17", true, null, implied)
                                        : new RuntimeRequirements("17", null, null, null))
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
                        .deployedApps(ComponentParts.deployedApps(inv, d.deployments()))
                        .health(health)
                        .evidence(ev);
        launch.ifPresent(
                l ->
                        b.resources(
                                ComponentParts.resources(
                                        ComponentParts.heapBytes(l.command()),
                                        ComponentParts.heapEvidence(inv, l))));
        ctx.add("profile:" + p.id(), b.build());
        ofClass.forEach(ctx::claim);
        ctx.claimClass(d.mainClass());
    }

    /** Whether a setting is set (and, as the condition says, equals or contains a value). */
    static boolean holds(Map<String, ConfigEntry> conf, ProductProfile.Condition c) {
        ConfigEntry e = conf.get(c.key());
        if (e == null) {
            return false;
        }
        String v = e.value().strip();
        return (c.equals() == null || c.equals().equalsIgnoreCase(v))
                && (c.contains() == null || v.contains(c.contains()));
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
    private static Pattern keyGlob(String key) {
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
            Optional<ShellLaunch> launch,
            Evidence ev) {
        if (launch.isPresent()) {
            Entrypoint e = ComponentParts.entrypoint(launch.get(), ev);
            List<String> args = new ArrayList<>(e.args());
            if (!args.containsAll(d.args())) {
                d.args().stream().filter(a -> !args.contains(a)).forEach(args::add);
            }
            return new Entrypoint(
                    e.script(),
                    d.mainClass(),
                    e.jar(),
                    e.command(),
                    withJar(e.classpath(), e.jar()),
                    References.consoleLogging(e.jvmOptions(), p.consoleLoggers()),
                    args,
                    e.workingDir(),
                    e.evidence());
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
                d.mainClass(),
                jar,
                null,
                withJar(d.classpath(), jar),
                List.of(),
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
            Evidence mark) {
        Map<Integer, Port> byPort = new TreeMap<>();
        Set<String> names = new TreeSet<>();
        for (ProductProfile.PortDef def : d.ports()) {
            if (def.when() != null && !holds(conf, def.when())) {
                continue;
            }
            ConfigEntry e = conf.get(def.key());
            int port = def.port();
            Evidence ev = defaultEvidence(def, mark);
            if (e != null) {
                Matcher m = PORT_IN.matcher(e.value().strip());
                if (m.find()
                        && Integer.parseInt(m.group(1)) >= 1
                        && Integer.parseInt(m.group(1)) <= 65535) {
                    port = Integer.parseInt(m.group(1));
                }
                ev = ComponentParts.evidence(inv, e);
            }
            String name =
                    def.name() != null ? def.name() : ComponentParts.portName(def.key(), port);
            if (!byPort.containsKey(port) && names.add(name)) {
                byPort.put(
                        port,
                        new Port(name, port, "TCP", def.http() ? "http" : null, def.key(), ev));
            }
        }
        for (Port found :
                d.onlyListedPorts()
                        ? List.<Port>of()
                        : ComponentParts.ports(inv, files, f -> true)) {
            if (!byPort.containsKey(found.port()) && names.add(found.name())) {
                byPort.put(found.port(), found);
            }
        }
        return new ArrayList<>(byPort.values());
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
                def.key()
                        + " is not set: port "
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
