package io.kubelift.analyzer.jvm;

import io.kubelift.analyzer.Inventory;
import io.kubelift.analyzer.detect.ComponentParts;
import io.kubelift.analyzer.parse.ConfigEntry;
import io.kubelift.analyzer.shell.ShellLaunch;
import io.kubelift.model.Component;
import io.kubelift.model.ConfigFile;
import io.kubelift.model.Entrypoint;
import io.kubelift.model.Evidence;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last analysis step: every component's {@code entrypoint.jvmOptions}, whichever detector made
 * it, go through {@link JvmOptionRules}. Each option rewritten, dropped or kept on purpose becomes
 * a {@link FactKind#JVM_OPTION} fact (evidence: the launch line) and is summarised at the end of
 * the component's description, so the change is visible in the plan itself.
 */
public final class ContainerJvmOptions {
    private static final Pattern PROPERTY_REF = Pattern.compile("\\$\\{([^}]+)}");

    private ContainerJvmOptions() {}

    /**
     * The component with container-ready JVM options; the facts recording each change are added to
     * {@code facts}.
     */
    public static Component apply(Inventory inv, Component c, List<Fact> facts) {
        Entrypoint e = c.entrypoint();
        if (e == null || e.jvmOptions().isEmpty()) {
            return c;
        }
        Optional<ShellLaunch> launch = launchOf(inv, e);
        Set<String> unresolved = new TreeSet<>();
        Set<String> files = new TreeSet<>();
        c.configFiles().stream().map(ConfigFile::path).forEach(files::add);
        launch.ifPresent(
                l -> {
                    for (String o : l.command().unresolvedOptions()) {
                        unresolved.add(o);
                        unresolved.add(ComponentParts.appPathIn(o));
                    }
                    files.addAll(ComponentParts.configFilesOf(inv, l.command()));
                });
        int release = JvmOptionRules.release(c.runtime() == null ? null : c.runtime().java());
        JvmOptionRules.Result r =
                JvmOptionRules.normalise(
                        e.jvmOptions(), unresolved::contains, release, log4j(inv, files));
        if (r.changes().isEmpty()) {
            return c;
        }
        Evidence ev =
                e.evidence() != null
                        ? e.evidence()
                        : c.evidence() != null
                                ? c.evidence()
                                : e.script() != null ? Evidence.ofFile(e.script()) : null;
        for (JvmOptionRules.Change ch : r.changes()) {
            if (ev != null) {
                Map<String, String> a = new LinkedHashMap<>();
                a.put("component", c.name());
                a.put("action", ch.action());
                a.put("rule", ch.rule());
                a.put("reason", ch.reason());
                facts.add(new Fact(FactKind.JVM_OPTION, ch.original(), ch.replacement(), a, ev));
            }
        }
        Entrypoint ne =
                new Entrypoint(
                        e.script(),
                        e.mainClass(),
                        e.jar(),
                        e.command(),
                        e.classpath(),
                        r.options(),
                        e.args(),
                        e.workingDir(),
                        e.evidence());
        String note = note(r.changes());
        String d =
                c.description() == null || c.description().isBlank()
                        ? note
                        : c.description().replaceAll("\\.\\s*$", "") + ". " + note;
        return c.toBuilder().entrypoint(ne).description(d).build();
    }

    /**
     * "JVM options adapted for the container: A → B (logs to stdout); dropped -Dx, -Dy (values
     * built from …)": one group per rule, the whole reason is in the fact.
     */
    static String note(List<JvmOptionRules.Change> changes) {
        Map<String, List<String>> byWhy = new LinkedHashMap<>();
        for (JvmOptionRules.Change ch : changes) {
            String o = ch.original();
            String what =
                    switch (ch.action()) {
                        case "dropped" ->
                                "dropped "
                                        + (ch.rule().equals(JvmOptionRules.UNRESOLVED)
                                                ? o.substring(0, o.indexOf('='))
                                                : o);
                        case "kept" -> "kept " + o;
                        default -> o + " → " + ch.replacement();
                    };
            String why =
                    switch (ch.rule()) {
                        case JvmOptionRules.UNRESOLVED ->
                                "values built from unset variables or command output";
                        case JvmOptionRules.GC_LOG ->
                                ch.action().equals("rewritten")
                                        ? "JVM logs go to stdout"
                                        : ch.reason();
                        default -> ch.reason();
                    };
            byWhy.computeIfAbsent(why, k -> new ArrayList<>()).add(what);
        }
        List<String> parts = new ArrayList<>();
        byWhy.forEach((why, whats) -> parts.add(String.join(", ", whats) + " (" + why + ")"));
        return "JVM options adapted for the container: " + String.join("; ", parts);
    }

    /** The launch an entrypoint was made from: same line, entry script and main class (or jar). */
    static Optional<ShellLaunch> launchOf(Inventory inv, Entrypoint e) {
        if (e.evidence() == null) {
            return Optional.empty();
        }
        return inv.launches().stream()
                .filter(
                        l ->
                                l.script().equals(e.evidence().file())
                                        && l.line() == e.evidence().line())
                .filter(l -> e.script() == null || e.script().equals(l.entryScript()))
                .filter(
                        l ->
                                e.mainClass() != null
                                        ? e.mainClass().equals(l.command().mainClass())
                                        : l.command().jar() != null
                                                && Objects.equals(
                                                        e.jar(),
                                                        ComponentParts.appPath(l.command().jar())))
                .findFirst();
    }

    /**
     * The log4j 1.x properties among the files the process reads: logger properties, file and
     * console appenders.
     */
    static List<JvmOptionRules.Log4jConfig> log4j(Inventory inv, Set<String> files) {
        List<JvmOptionRules.Log4jConfig> out = new ArrayList<>();
        for (String f : files) {
            Set<String> props = new TreeSet<>();
            for (ConfigEntry entry : (Iterable<ConfigEntry>) inv.entries(f)::iterator) {
                String k = entry.key();
                if (k.equals("log4j.rootLogger")
                        || k.equals("log4j.rootCategory")
                        || k.startsWith("log4j.logger.")
                        || k.startsWith("log4j.category.")) {
                    Matcher m = PROPERTY_REF.matcher(entry.value() == null ? "" : entry.value());
                    while (m.find()) {
                        props.add(m.group(1));
                    }
                }
            }
            if (props.isEmpty()) {
                continue;
            }
            Set<String> fileAppenders = new TreeSet<>();
            inv.facts(FactKind.FILE_APPENDER)
                    .filter(
                            x ->
                                    x.evidence().file().equals(f)
                                            && "log4j".equals(x.attr("framework")))
                    .forEach(x -> fileAppenders.add(x.subject()));
            List<String> consoles =
                    inv.facts(FactKind.CONSOLE_APPENDER)
                            .filter(
                                    x ->
                                            x.evidence().file().equals(f)
                                                    && "log4j".equals(x.attr("framework")))
                            .map(Fact::subject)
                            .distinct()
                            .toList();
            out.add(new JvmOptionRules.Log4jConfig(f, props, fileAppenders, consoles));
        }
        return out;
    }
}
