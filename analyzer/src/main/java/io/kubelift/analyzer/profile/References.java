package io.kubelift.analyzer.profile;

import io.kubelift.analyzer.shell.JavaCommand;
import io.kubelift.model.LogDir;
import io.kubelift.model.StateDir;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values as a product reads them, for profiles that say so: {@code ${key}} references resolved from
 * the product's own settings and the JVM's {@code -D} properties (as Hadoop's Configuration does),
 * {@code file:} URIs as paths, and root-logger properties switched to the console.
 */
final class References {
    private static final Pattern REF = Pattern.compile("\\$\\{([^}$]+)}");

    private References() {}

    /** Adds the launch's {@code -Dkey=value} options to {@code vars} (set ones win). */
    static void systemProperties(JavaCommand cmd, Map<String, String> vars) {
        for (String o : cmd.jvmOptions()) {
            int eq = o.indexOf('=');
            if (o.startsWith("-D") && eq > 2 && eq < o.length() - 1) {
                vars.putIfAbsent(o.substring(2, eq), o.substring(eq + 1));
            }
        }
    }

    /**
     * A directory value with its references expanded (nested ones too) and a {@code file:} URI
     * turned into its path ({@code ./logs} is {@code logs}); empty when a reference cannot be
     * resolved ({@code ${user.name}}): no mount at a path nobody knows.
     */
    static Optional<String> expandPath(String value, Map<String, String> vars) {
        String v = value;
        for (int depth = 0; depth < 20 && v.contains("${"); depth++) {
            Matcher m = REF.matcher(v);
            StringBuilder sb = new StringBuilder();
            boolean any = false;
            while (m.find()) {
                String r = vars.get(m.group(1));
                any |= r != null;
                m.appendReplacement(sb, Matcher.quoteReplacement(r != null ? r : m.group()));
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
        while (v.startsWith("./") && v.length() > 2) {
            v = v.substring(2); // relative to the working directory, as the app's other paths are
        }
        return v.contains("${") || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    /** State dirs with their paths expanded; two that meet keep the durable one. */
    static List<StateDir> resolvedState(List<StateDir> in, Map<String, String> vars) {
        Map<String, StateDir> out = new TreeMap<>();
        for (StateDir d : in) {
            expandPath(d.path(), vars)
                    .ifPresent(
                            p ->
                                    out.merge(
                                            p,
                                            new StateDir(
                                                    p,
                                                    d.purpose(),
                                                    d.configKey(),
                                                    d.durable(),
                                                    d.evidence()),
                                            (a, b) -> a.isDurable() ? a : b));
        }
        return new ArrayList<>(out.values());
    }

    static List<LogDir> resolvedLogs(List<LogDir> in, Map<String, String> vars) {
        Map<String, LogDir> out = new TreeMap<>();
        for (LogDir d : in) {
            expandPath(d.path(), vars)
                    .ifPresent(p -> out.putIfAbsent(p, new LogDir(p, d.configKey(), d.evidence())));
        }
        return new ArrayList<>(out.values());
    }

    /**
     * {@code -D<logger>=LEVEL,APPENDER…} for each named root-logger property becomes {@code
     * LEVEL,console} (INFO when the level is empty): in a container the process logs to the
     * console.
     */
    static List<String> consoleLogging(List<String> jvmOptions, List<String> loggers) {
        List<String> out = new ArrayList<>();
        for (String o : jvmOptions) {
            String prefix =
                    loggers.stream()
                            .map(l -> "-D" + l + "=")
                            .filter(o::startsWith)
                            .findFirst()
                            .orElse(null);
            if (prefix == null) {
                out.add(o);
                continue;
            }
            String level = o.substring(prefix.length()).split(",", 2)[0];
            out.add(prefix + (level.isBlank() ? "INFO" : level) + ",console");
        }
        return out;
    }
}
