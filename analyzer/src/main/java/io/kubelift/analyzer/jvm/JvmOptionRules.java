package io.kubelift.analyzer.jvm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Container-ready JVM options: the rules that rewrite or drop legacy, host-bound options of a
 * launch, whatever app it is. Pure functions over option strings; {@link ContainerJvmOptions}
 * applies them to the plan's components.
 *
 * <ol>
 *   <li><b>gc-log-stdout</b>: unified logging to a file ({@code
 *       -Xlog:gc*:file=/var/log/gc.log:time,uptime:filecount=10}) logs to {@code stdout} instead,
 *       keeping the selectors and decorators (file-only output options {@code filecount}/{@code
 *       filesize} go). On Java 9+, the JDK 8 flags ({@code -Xloggc:F}, {@code -XX:+PrintGC}, {@code
 *       -XX:+PrintGCDetails}, with {@code PrintGCDateStamps} → {@code time}, {@code
 *       PrintGCTimeStamps} → {@code uptime}) become one {@code -Xlog:gc[*]:stdout:…}, and the JDK 8
 *       flags JDK 9 no longer accepts (rotation, {@code PrintGCDateStamps}, {@code
 *       PrintTenuringDistribution}, …) are dropped. On Java 8, {@code -Xloggc:F} goes (GC output
 *       then goes to stdout) and the rotation flags with it.
 *   <li><b>unresolved-property</b>: a {@code -Dkey=value} whose value was built from text the
 *       analysis does not know (an unset variable such as {@code $USER}, command output, an
 *       argument not passed) is dropped: the value (e.g. {@code yarn---.log}) is an artefact of
 *       static analysis. A value written literally, even empty ({@code -Dfoo=}), stays.
 *   <li><b>log4j-file-appender</b>: a {@code -Dprop=LEVEL,APPENDER…} where {@code prop} feeds a
 *       logger of the app's log4j 1.x configuration ({@code log4j.logger.X=${prop}}) and an
 *       appender is a file appender there: the file appenders are replaced by the console appender
 *       that configuration defines. Without a console appender the option is kept (the file then
 *       lands in the component's log emptyDir) and the reason is recorded.
 * </ol>
 */
final class JvmOptionRules {
    public static final String GC_LOG = "gc-log-stdout";
    public static final String UNRESOLVED = "unresolved-property";
    public static final String LOG4J = "log4j-file-appender";

    /**
     * One option changed: {@code replacement} null when dropped; equal to {@code original} when
     * kept on purpose (the reason says why).
     */
    public record Change(String original, String replacement, String rule, String reason) {
        public String action() {
            return replacement == null
                    ? "dropped"
                    : replacement.equals(original) ? "kept" : "rewritten";
        }
    }

    public record Result(List<String> options, List<Change> changes) {
        public Result {
            options = List.copyOf(options);
            changes = List.copyOf(changes);
        }
    }

    /**
     * A log4j 1.x configuration: the properties its loggers read, its file and console appenders.
     */
    public record Log4jConfig(
            String file,
            Set<String> loggerProperties,
            Set<String> fileAppenders,
            List<String> consoleAppenders) {
        public Log4jConfig {
            loggerProperties = Set.copyOf(loggerProperties);
            fileAppenders = Set.copyOf(fileAppenders);
            consoleAppenders = List.copyOf(consoleAppenders);
        }
    }

    private static final Pattern LOGGER_VALUE =
            Pattern.compile(
                    "(?i)^\\s*(ALL|TRACE|DEBUG|INFO|WARN|ERROR|FATAL|OFF)?\\s*((?:,\\s*[A-Za-z0-9_.$-]+\\s*)+)$");
    private static final Pattern XX = Pattern.compile("^-XX:([+-]?)([A-Za-z0-9_]+)(?:=(.*))?$");

    /**
     * JDK 8 GC logging flags JDK 9 removed (JEP 271): the JVM stops with "Unrecognized VM option".
     */
    private static final Set<String> REMOVED_GC_FLAGS =
            Set.of(
                    "PrintGCDateStamps",
                    "PrintGCTimeStamps",
                    "PrintGCApplicationStoppedTime",
                    "PrintGCApplicationConcurrentTime",
                    "PrintGCCause",
                    "PrintGCID",
                    "PrintGCTaskTimeStamps",
                    "PrintHeapAtGC",
                    "PrintHeapAtGCExtended",
                    "PrintTenuringDistribution",
                    "PrintAdaptiveSizePolicy",
                    "PrintReferenceGC",
                    "PrintPromotionFailure",
                    "PrintPLAB",
                    "PrintOldPLAB",
                    "PrintTLAB",
                    "PrintParallelOldGCPhaseTimes",
                    "PrintJNIGCStalls",
                    "PrintTaskqueue",
                    "PrintTerminationStats",
                    "PrintClassHistogramBeforeFullGC",
                    "PrintClassHistogramAfterFullGC",
                    "PrintStringDeduplicationStatistics",
                    "G1PrintHeapRegions",
                    "G1PrintRegionLivenessInfo",
                    "G1SummarizeConcMark",
                    "G1SummarizeRSetStats",
                    "UseGCLogFileRotation",
                    "NumberOfGCLogFiles",
                    "GCLogFileSize");

    /** Flags that only configure a GC log file (JDK 8): meaningless once GC output is a stream. */
    private static final Set<String> GC_FILE_FLAGS =
            Set.of("UseGCLogFileRotation", "NumberOfGCLogFiles", "GCLogFileSize");

    private JvmOptionRules() {}

    /**
     * @param unresolved whether an option's text was built from something the analysis does not
     *     know
     * @param javaRelease the feature release the container runs (8, 11, 17 …)
     * @param log4j the log4j 1.x configurations the process reads
     */
    public static Result normalise(
            List<String> options,
            Predicate<String> unresolved,
            int javaRelease,
            List<Log4jConfig> log4j) {
        List<String> out = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        Jdk8Gc legacy = Jdk8Gc.of(options);
        boolean legacyPlaced = false;
        for (String o : options) {
            if (o.startsWith("-D") && o.indexOf('=') > 2 && unresolved.test(o)) {
                changes.add(
                        new Change(
                                o,
                                null,
                                UNRESOLVED,
                                "its value is built from variables the start script leaves unset, "
                                        + "arguments or command output; as analysed it is not what the app meant"));
                continue;
            }
            Optional<String> xlog = xlogToStdout(o);
            if (xlog.isPresent()) {
                out.add(xlog.get());
                changes.add(
                        new Change(
                                o,
                                xlog.get(),
                                GC_LOG,
                                "JVM log to a file: in a container logs are a stream (stdout)"));
                continue;
            }
            if (legacy.isMember(o)) {
                if (javaRelease >= 9) {
                    if (legacy.enabling(o) && !legacyPlaced) {
                        legacyPlaced = true;
                        String x = legacy.xlog();
                        out.add(x);
                        changes.add(
                                new Change(
                                        o,
                                        x,
                                        GC_LOG,
                                        "JDK 8 GC logging"
                                                + (o.startsWith("-Xloggc:") ? " to a file" : "")
                                                + ": Java "
                                                + javaRelease
                                                + " logs GC with -Xlog, to stdout in a container"));
                    } else {
                        String why =
                                legacy.enabling(o)
                                        ? "folded into " + legacy.xlog()
                                        : o.matches("-XX:-PrintGC(Details)?")
                                                ? "a deprecated JDK 8 GC logging flag, switched off"
                                                : "JDK 8 GC logging flag that JDK 9 and later no longer accept (the JVM would not start)"
                                                        + (legacy.any()
                                                                ? "; GC logging is " + legacy.xlog()
                                                                : "");
                        changes.add(new Change(o, null, GC_LOG, why));
                    }
                    continue;
                }
                if (o.startsWith("-Xloggc:")) {
                    String r = legacy.printing() ? null : "-XX:+PrintGC";
                    if (r != null) {
                        out.add(r);
                    }
                    changes.add(
                            new Change(
                                    o,
                                    r,
                                    GC_LOG,
                                    "GC log file: without -Xloggc Java 8 prints GC output to stdout"));
                    continue;
                }
                if (legacy.fileOnly(o)) {
                    changes.add(
                            new Change(
                                    o,
                                    null,
                                    GC_LOG,
                                    "configures a GC log file, and GC output goes to stdout"));
                    continue;
                }
            }
            Optional<Change> logger = consoleLogger(o, log4j);
            if (logger.isPresent()) {
                changes.add(logger.get());
                out.add(logger.get().replacement());
                continue;
            }
            out.add(o);
        }
        return new Result(out, changes);
    }

    /**
     * {@code -Xlog:WHAT:file=F:DECORATORS:OPTIONS} (or a bare file name as output) → {@code
     * -Xlog:WHAT:stdout:DECORATORS}.
     */
    public static Optional<String> xlogToStdout(String option) {
        if (!option.startsWith("-Xlog:")) {
            return Optional.empty();
        }
        List<String> parts = splitXlog(option.substring("-Xlog:".length()));
        if (parts.size() < 2) {
            return Optional.empty();
        }
        String output = parts.get(1).trim();
        if (output.isEmpty()
                || output.equals("stdout")
                || output.equals("stderr")
                || output.equals("#0")
                || output.equals("#1")) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder("-Xlog:").append(parts.get(0)).append(":stdout");
        List<String> kept = new ArrayList<>();
        if (parts.size() > 3) {
            for (String opt : parts.get(3).split(",")) {
                String k = opt.trim();
                if (!k.isEmpty() && !k.startsWith("filecount=") && !k.startsWith("filesize=")) {
                    kept.add(k);
                }
            }
        }
        if (parts.size() > 2 && (!parts.get(2).isEmpty() || !kept.isEmpty())) {
            b.append(':').append(parts.get(2));
        }
        if (!kept.isEmpty()) {
            b.append(':').append(String.join(",", kept));
        }
        return Optional.of(b.toString());
    }

    /** Splits an -Xlog argument on ':' outside double quotes ({@code file="C:\logs\gc.log"}). */
    private static List<String> splitXlog(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : s.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ':' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /**
     * {@code -Dprop=INFO,FILEAPPENDER} for a logger reading {@code ${prop}} → the file appenders
     * replaced by the console one.
     */
    static Optional<Change> consoleLogger(String option, List<Log4jConfig> configs) {
        int eq = option.indexOf('=');
        if (!option.startsWith("-D") || eq < 3) {
            return Optional.empty();
        }
        String prop = option.substring(2, eq);
        String value = option.substring(eq + 1);
        Matcher m = LOGGER_VALUE.matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        String level = m.group(1) == null ? "" : m.group(1);
        List<String> appenders = new ArrayList<>();
        for (String a : m.group(2).split(",")) {
            if (!a.isBlank()) {
                appenders.add(a.trim());
            }
        }
        for (Log4jConfig c : configs) {
            if (!c.loggerProperties().contains(prop)
                    || appenders.stream().noneMatch(c.fileAppenders()::contains)) {
                continue;
            }
            List<String> files = appenders.stream().filter(c.fileAppenders()::contains).toList();
            if (c.consoleAppenders().isEmpty()) {
                return Optional.of(
                        new Change(
                                option,
                                option,
                                LOG4J,
                                "appender "
                                        + String.join(", ", files)
                                        + " writes a file, but "
                                        + c.file()
                                        + " defines no console appender to send it to; the file stays in the log directory"));
            }
            String console =
                    c.consoleAppenders().stream()
                            .filter(appenders::contains)
                            .findFirst()
                            .orElse(c.consoleAppenders().get(0));
            Set<String> next = new LinkedHashSet<>();
            for (String a : appenders) {
                next.add(c.fileAppenders().contains(a) ? console : a);
            }
            String replacement = "-D" + prop + "=" + level + "," + String.join(",", next);
            return Optional.of(
                    new Change(
                            option,
                            replacement,
                            LOG4J,
                            "file appender "
                                    + String.join(", ", files)
                                    + " → console appender "
                                    + console
                                    + " of "
                                    + c.file()));
        }
        return Optional.empty();
    }

    /** The JDK 8 GC logging flags of one command line. */
    private record Jdk8Gc(
            boolean details, boolean print, boolean loggc, boolean dateStamps, boolean timeStamps) {
        static Jdk8Gc of(List<String> options) {
            boolean details = false;
            boolean print = false;
            boolean loggc = false;
            boolean date = false;
            boolean time = false;
            for (String o : options) {
                Matcher m = XX.matcher(o);
                if (o.startsWith("-Xloggc:")) {
                    loggc = true;
                } else if (m.matches()) {
                    boolean on = !m.group(1).equals("-");
                    switch (m.group(2)) {
                        case "PrintGCDetails" -> details = on;
                        case "PrintGC" -> print = on;
                        case "PrintGCDateStamps" -> date = on;
                        case "PrintGCTimeStamps" -> time = on;
                        default -> {}
                    }
                }
            }
            return new Jdk8Gc(details, print, loggc, date, time);
        }

        boolean any() {
            return details || print || loggc;
        }

        boolean printing() {
            return details || print;
        }

        boolean isMember(String o) {
            if (o.startsWith("-Xloggc:")) {
                return true;
            }
            Matcher m = XX.matcher(o);
            return m.matches()
                    && (m.group(2).equals("PrintGC")
                            || m.group(2).equals("PrintGCDetails")
                            || REMOVED_GC_FLAGS.contains(m.group(2)));
        }

        /** An option that turns GC logging on (and so carries the -Xlog replacement). */
        boolean enabling(String o) {
            if (o.startsWith("-Xloggc:")) {
                return true;
            }
            Matcher m = XX.matcher(o);
            return m.matches()
                    && !m.group(1).equals("-")
                    && (m.group(2).equals("PrintGC") || m.group(2).equals("PrintGCDetails"));
        }

        boolean fileOnly(String o) {
            Matcher m = XX.matcher(o);
            return m.matches() && GC_FILE_FLAGS.contains(m.group(2));
        }

        /**
         * The unified-logging equivalent, to stdout: gc* for PrintGCDetails; time/uptime from the
         * stamp flags.
         */
        String xlog() {
            List<String> deco = new ArrayList<>();
            if (dateStamps) {
                deco.add("time");
            }
            if (timeStamps || !dateStamps) {
                deco.add("uptime");
            }
            deco.add("level");
            deco.add("tags");
            return "-Xlog:" + (details ? "gc*" : "gc") + ":stdout:" + String.join(",", deco);
        }
    }

    /** "17" → 17, "1.8" → 8; unknown → 17 (what the generated images run). */
    public static int release(String java) {
        if (java == null || java.isBlank()) {
            return 17;
        }
        String j = java.trim().toLowerCase(Locale.ROOT);
        Matcher m = Pattern.compile("^1\\.(\\d+)").matcher(j);
        if (m.find()) {
            return Integer.parseInt(m.group(1));
        }
        m = Pattern.compile("^(\\d+)").matcher(j);
        return m.find() ? Integer.parseInt(m.group(1)) : 17;
    }
}
