package io.kubelift.analyzer.detect;

import io.kubelift.analyzer.Inventory;
import io.kubelift.analyzer.parse.SecretHit;
import io.kubelift.analyzer.scan.RelPaths;
import io.kubelift.analyzer.shell.JavaCommand;
import io.kubelift.analyzer.shell.ShellLaunch;
import io.kubelift.model.ConfigFile;
import io.kubelift.model.Entrypoint;
import io.kubelift.model.Evidence;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.LogDir;
import io.kubelift.model.Names;
import io.kubelift.model.Port;
import io.kubelift.model.Resources;
import io.kubelift.model.SecretRef;
import io.kubelift.model.StateDir;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Shared pieces for detectors: ports, secrets, directories, config files, entrypoints and memory
 * from the inventory.
 */
public final class ComponentParts {
    /** Memory request = heap × this, for metaspace, threads, direct buffers and GC overhead. */
    public static final double HEAP_HEADROOM = 1.5;

    private ComponentParts() {}

    public static List<ConfigFile> configFiles(Inventory inv, Collection<String> files) {
        List<ConfigFile> out = new ArrayList<>();
        for (String f : new TreeSet<>(files)) {
            String fmt = inv.configFormats().get(f);
            if (fmt != null) {
                out.add(new ConfigFile(f, fmt));
            }
        }
        return out;
    }

    /**
     * Config files in the directories on a classpath, in files named by the args or -D options,
     * that exist in the app.
     */
    public static Set<String> configFilesOf(Inventory inv, JavaCommand cmd) {
        Set<String> out = new TreeSet<>();
        List<String> refs = new ArrayList<>(cmd.classpath());
        refs.addAll(cmd.args());
        cmd.jvmOptions().stream()
                .filter(o -> o.startsWith("-D") && o.contains("="))
                .map(o -> o.substring(o.indexOf('=') + 1))
                .forEach(refs::add);
        for (String ref : refs) {
            if (ref.endsWith("*") || ref.endsWith(".jar")) {
                continue;
            }
            String r = ref.replace('\\', '/');
            for (String f : inv.configFormats().keySet()) {
                String dir = RelPaths.parent(f);
                if (!dir.isEmpty() && (r.endsWith("/" + dir) || r.equals(dir))
                        || r.endsWith("/" + f)
                        || r.equals(f)) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    public static List<Port> ports(
            Inventory inv, Collection<String> files, Predicate<Fact> filter) {
        Map<Integer, Port> byPort = new LinkedHashMap<>();
        inv.facts(FactKind.LISTEN_PORT)
                .filter(f -> files.contains(f.evidence().file()))
                .filter(filter)
                .forEach(
                        f -> {
                            int port;
                            try {
                                port = Integer.parseInt(f.subject());
                            } catch (NumberFormatException e) {
                                return;
                            }
                            String key = f.attr("configKey");
                            if (switchedOff(inv, f.evidence().file(), key)) {
                                return;
                            }
                            String name =
                                    f.attr("name") != null
                                            ? f.attr("name")
                                            : portName(key != null ? key : f.attr("via"), port);
                            byPort.putIfAbsent(
                                    port,
                                    new Port(
                                            unique(name, byPort.values()),
                                            port,
                                            "TCP",
                                            httpish(key) ? "http" : null,
                                            key,
                                            f.evidence()));
                        });
        List<Port> out = new ArrayList<>(byPort.values());
        out.sort(Comparator.comparingInt(Port::port));
        return out;
    }

    /**
     * Whether a port setting's own switch, in the same file, turns it off: {@code jmxmpPort} beside
     * {@code jmxmpEnabled = false}, {@code admin.port} beside {@code admin.enabled=false} (the stem
     * before {@code port}, then {@code enabled}/{@code enable}, any separator or case). A port that
     * is off does not listen.
     */
    public static boolean switchedOff(Inventory inv, String file, String key) {
        if (key == null || file == null) {
            return false;
        }
        String stem = key.replaceFirst("(?i)[._-]?port$", "");
        if (stem.equals(key) || stem.isEmpty()) {
            return false;
        }
        java.util.regex.Pattern sw =
                java.util.regex.Pattern.compile(
                        java.util.regex.Pattern.quote(stem) + "[._-]?enabled?",
                        java.util.regex.Pattern.CASE_INSENSITIVE);
        return inv.entries(file)
                .anyMatch(
                        e ->
                                sw.matcher(e.key()).matches()
                                        && e.value().strip().equalsIgnoreCase("false"));
    }

    static boolean httpish(String key) {
        return key != null
                && key.toLowerCase(java.util.Locale.ROOT)
                        .matches(".*(http|web|server\\.port|rest|ui|admin\\.serverport).*")
                && !key.contains("https");
    }

    private static String unique(String name, Collection<Port> existing) {
        String n = name;
        int i = 2;
        while (true) {
            String c = n;
            if (existing.stream().noneMatch(p -> p.name().equals(c))) {
                return n;
            }
            String suffix = "-" + i++;
            n =
                    (name.length() + suffix.length() > 15
                                    ? name.substring(0, 15 - suffix.length())
                                    : name)
                            + suffix;
            n = n.replaceAll("-+", "-");
        }
    }

    /**
     * {@code yarn.resourcemanager.webapp.address} → {@code webapp}; {@code server.port} → {@code
     * server}; max 15 chars.
     */
    public static String portName(String key, int port) {
        if (key == null) {
            return "tcp-" + port;
        }
        String k =
                key.replaceAll("@port$|[._-](address|port|listeners?|addr)$", "")
                        .replaceAll("(?i)port$", "");
        String[] parts = k.split("[./@\\[\\]]");
        String last = parts.length == 0 ? "" : parts[parts.length - 1];
        String n = Names.dnsLabel(last.isEmpty() ? "tcp-" + port : last, 15);
        return n.equals("app") ? "tcp-" + port : n;
    }

    public static List<SecretRef> secrets(
            Inventory inv, Collection<String> files, Predicate<SecretHit> filter) {
        Map<String, SecretRef> out = new java.util.TreeMap<>();
        for (SecretHit h : inv.secrets()) {
            if (files.contains(h.file()) && filter.test(h)) {
                out.putIfAbsent(
                        h.file() + "\u0000" + h.key(),
                        new SecretRef(
                                h.key(),
                                h.file(),
                                h.kind(),
                                null,
                                h.commented() ? Boolean.TRUE : null,
                                h.evidence()));
            }
        }
        return new ArrayList<>(out.values());
    }

    public static List<StateDir> state(
            Inventory inv, Collection<String> files, Predicate<Fact> filter) {
        Map<String, StateDir> out = new java.util.TreeMap<>();
        inv.facts(FactKind.STATE_DIR)
                .filter(f -> files.contains(f.evidence().file()))
                .filter(filter)
                .forEach(
                        f ->
                                out.putIfAbsent(
                                        f.subject(),
                                        new StateDir(
                                                f.subject(),
                                                f.attr("purpose"),
                                                f.attr("configKey"),
                                                "true".equals(f.attr("durable")),
                                                f.evidence())));
        return new ArrayList<>(out.values());
    }

    public static List<LogDir> logs(
            Inventory inv, Collection<String> files, Predicate<Fact> filter) {
        Map<String, LogDir> out = new java.util.TreeMap<>();
        inv.facts(FactKind.LOG_DIR)
                .filter(f -> files.contains(f.evidence().file()))
                .filter(filter)
                .forEach(
                        f ->
                                out.putIfAbsent(
                                        f.subject(),
                                        new LogDir(
                                                f.subject(), f.attr("configKey"), f.evidence())));
        return new ArrayList<>(out.values());
    }

    /** The heap set on the command line, if any. */
    public static long heapBytes(JavaCommand cmd) {
        long heap = 0;
        for (String o : cmd.jvmOptions()) {
            if (o.startsWith("-Xmx")) {
                heap = io.kubelift.analyzer.scan.Sizes.parse(o.substring(4), 'b').orElse(0L);
            }
        }
        return heap;
    }

    public static Resources resources(long heapBytes, Evidence evidence) {
        if (heapBytes <= 0) {
            return null;
        }
        long mi = (long) Math.ceil(heapBytes * HEAP_HEADROOM / (1 << 20));
        return new Resources(null, mi + "Mi", evidence);
    }

    /**
     * The launch's entrypoint with fixed heap options removed (the heap becomes the memory
     * request).
     */
    public static Entrypoint entrypoint(ShellLaunch l, Evidence ev) {
        JavaCommand c = l.command();
        List<String> opts =
                c.jvmOptions().stream()
                        .filter(o -> !o.startsWith("-Xmx") && !o.startsWith("-Xms"))
                        .map(ComponentParts::appPathIn)
                        .toList();
        return new Entrypoint(
                l.entryScript(),
                c.mainClass(),
                c.jar() == null ? null : appPath(c.jar()),
                null,
                c.classpath().stream().map(ComponentParts::appPath).distinct().toList(),
                opts,
                c.args().stream().map(ComponentParts::appPathIn).toList(),
                null,
                ev);
    }

    /** The evidence of a config entry with its (masked) line text, as the parsers recorded it. */
    public static Evidence evidence(Inventory inv, io.kubelift.analyzer.parse.ConfigEntry e) {
        return inv.facts(FactKind.CONFIG_PROPERTY)
                .filter(
                        f ->
                                f.subject().equals(e.key())
                                        && f.evidence().file().equals(e.file())
                                        && f.evidence().line() == e.line())
                .map(Fact::evidence)
                .findFirst()
                .orElse(Evidence.of(e.file(), e.line(), null));
    }

    /**
     * {@code ./bin/../lib/*} → {@code lib/*}: paths the scripts computed from their own location
     * are app-relative.
     */
    public static String appPath(String p) {
        String n = io.kubelift.analyzer.shell.Expander.normalize(p.replace('\\', '/'));
        return n.equals(".") ? p : n;
    }

    private static final java.util.regex.Pattern SCRIPT_RELATIVE =
            java.util.regex.Pattern.compile("^(-D[^=]+=|file:)?((?:\\./|[\\w.-]+/\\.\\./)\\S*)$");

    /**
     * An argument or -D value holding a script-relative path ({@code bin/../conf/zoo.cfg}) → the
     * app-relative path.
     */
    public static String appPathIn(String arg) {
        java.util.regex.Matcher m = SCRIPT_RELATIVE.matcher(arg);
        return m.matches() ? (m.group(1) == null ? "" : m.group(1)) + appPath(m.group(2)) : arg;
    }

    public static Evidence launchEvidence(Inventory inv, ShellLaunch l) {
        return inv.facts(FactKind.JAVA_LAUNCH)
                .filter(
                        f ->
                                f.evidence().file().equals(l.script())
                                        && f.evidence().line() == l.line())
                .map(Fact::evidence)
                .findFirst()
                .orElse(Evidence.of(l.script(), l.line(), null));
    }

    public static Evidence heapEvidence(Inventory inv, ShellLaunch l) {
        if (l.heapSource() != null) {
            return inv.facts(FactKind.HEAP_SETTING)
                    .filter(
                            f ->
                                    f.evidence().file().equals(l.heapSource().file())
                                            && f.evidence().line() == l.heapSource().line())
                    .map(Fact::evidence)
                    .findFirst()
                    .orElse(
                            Evidence.of(
                                    l.heapSource().file(),
                                    l.heapSource().line(),
                                    l.heapSource().text()));
        }
        return launchEvidence(inv, l);
    }

    private static final java.util.regex.Pattern DEPLOYABLE =
            java.util.regex.Pattern.compile("(?i)(.+)\\.(war|ear|rar|sar|jar)");

    /**
     * The applications deployed in a server's deployment directories: archives directly in one
     * ({@code webapps/shop.war}, {@code standalone/deployments/billing.ear}) and exploded ones (a
     * sub-directory holding {@code WEB-INF/web.xml}, or {@code META-INF/application.xml} for an
     * EAR). A directory pattern is matched as a path suffix ({@code *} within one segment), or from
     * the app root when it starts with {@code /}. A web application's context path follows the
     * servlet containers' naming: the name without its extension, {@code ROOT} is {@code /}, {@code
     * #} separates segments ({@code a#b.war} → {@code /a/b}).
     */
    public static List<io.kubelift.model.DeployedApp> deployedApps(
            Inventory inv, Collection<String> dirs) {
        Map<String, io.kubelift.model.DeployedApp> out = new java.util.TreeMap<>();
        for (String dir : dirs) {
            String re =
                    dir.startsWith("/") ? globPart(dir.substring(1)) : "(?:.*/)?" + globPart(dir);
            java.util.regex.Pattern archive =
                    java.util.regex.Pattern.compile("(" + re + ")/([^/]+)");
            java.util.regex.Pattern exploded =
                    java.util.regex.Pattern.compile(
                            "(" + re + ")/([^/]+)/(WEB-INF/web\\.xml|META-INF/application\\.xml)");
            for (String f : inv.files().list()) {
                java.util.regex.Matcher m = exploded.matcher(f);
                if (m.matches()) {
                    String kind = m.group(3).startsWith("WEB-INF") ? "war" : "ear";
                    String path = m.group(1) + "/" + m.group(2);
                    String name = m.group(2).replaceAll("(?i)\\.(war|ear)$", "");
                    out.putIfAbsent(
                            path,
                            new io.kubelift.model.DeployedApp(
                                    path,
                                    kind,
                                    kind.equals("war") ? contextPath(name) : null,
                                    Evidence.ofFile(f)));
                    continue;
                }
                m = archive.matcher(f);
                if (m.matches()) {
                    java.util.regex.Matcher d = DEPLOYABLE.matcher(m.group(2));
                    if (d.matches()) {
                        String kind = d.group(2).toLowerCase(java.util.Locale.ROOT);
                        out.putIfAbsent(
                                f,
                                new io.kubelift.model.DeployedApp(
                                        f,
                                        kind,
                                        kind.equals("war") ? contextPath(d.group(1)) : null,
                                        Evidence.ofFile(f)));
                    }
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    /**
     * A web application's context path from its deployed name (Tomcat's naming: ROOT → /, a#b →
     * /a/b, anything else → /name; a version suffix ##v is dropped).
     */
    public static String contextPath(String name) {
        String b = name.replaceAll("##.*$", "");
        return b.equals("ROOT") ? "/" : "/" + b.replace('#', '/');
    }

    private static String globPart(String pattern) {
        StringBuilder sb = new StringBuilder();
        for (char ch : pattern.toCharArray()) {
            switch (ch) {
                case '*' -> sb.append("[^/]*");
                case '?' -> sb.append("[^/]");
                default -> sb.append(java.util.regex.Pattern.quote(String.valueOf(ch)));
            }
        }
        return sb.toString();
    }
}
