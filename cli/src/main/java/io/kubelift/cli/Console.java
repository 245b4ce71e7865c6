package io.kubelift.cli;

import io.kubelift.core.Kubelift;
import io.kubelift.core.Progress;
import io.kubelift.model.KubeliftException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * The streams a command writes to, and the facade it calls. Results go to stdout; everything else
 * (progress, warnings, errors) is a log line on stderr, filtered by {@link Level}, as plain text or
 * one JSON object per line ({@code --log-format json}), in colour only on a terminal and never when
 * {@code NO_COLOR} is set.
 */
final class Console {
    /**
     * How much goes to stderr: {@code --quiet} is WARN, the default INFO, {@code --verbose} DEBUG.
     */
    enum Level {
        ERROR,
        WARN,
        INFO,
        DEBUG;

        static Level parse(String s) {
            try {
                return valueOf(s.toUpperCase(Locale.ROOT).replace("WARNING", "WARN"));
            } catch (IllegalArgumentException e) {
                throw KubeliftException.usage(
                        "--log-level takes error, warn, info or debug, not '" + s + "'", null);
            }
        }

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String DIM = "\u001b[2m";
    private static final String RESET = "\u001b[0m";

    final PrintStream out;
    final PrintStream err;
    final boolean quiet;

    /** Whether stderr is a terminal (progress bars) rather than a pipe or a file (plain lines). */
    final boolean interactive;

    final Level level;
    final boolean json;
    final boolean colour;

    Console(PrintStream out, PrintStream err, boolean quiet) {
        this(
                out,
                err,
                quiet ? Level.WARN : Level.INFO,
                false,
                err == System.err && System.console() != null,
                Map.of(),
                false);
    }

    Console(
            PrintStream out,
            PrintStream err,
            Level level,
            boolean json,
            boolean terminal,
            Map<String, String> env,
            boolean noColour) {
        this.out = out;
        this.err = err;
        this.level = level;
        this.quiet = level.compareTo(Level.INFO) < 0;
        this.json = json;
        this.interactive = terminal && !json;
        this.colour = useColour(terminal, env, noColour) && !json;
    }

    /**
     * Colour only on a terminal, never with {@code --no-color}, never when {@code NO_COLOR} is set
     * (no-color.org).
     */
    static boolean useColour(boolean terminal, Map<String, String> env, boolean noColour) {
        String noColor = env.get("NO_COLOR");
        return terminal
                && !noColour
                && (noColor == null || noColor.isEmpty())
                && !"dumb".equals(env.get("TERM"));
    }

    boolean enabled(Level l) {
        return l.compareTo(level) <= 0;
    }

    void error(String message) {
        log(Level.ERROR, message);
    }

    void warn(String message) {
        log(Level.WARN, message);
    }

    void info(String message) {
        log(Level.INFO, message);
    }

    void debug(String message) {
        log(Level.DEBUG, message);
    }

    void log(Level l, String message) {
        if (!enabled(l)) {
            return;
        }
        if (json) {
            err.println("{\"level\":\"" + l.id() + "\",\"message\":" + jsonString(message) + "}");
            return;
        }
        String prefix = "kubelift: ";
        if (colour) {
            prefix =
                    switch (l) {
                        case ERROR -> RED + "kubelift:" + RESET + " ";
                        case WARN -> YELLOW + "kubelift:" + RESET + " ";
                        case DEBUG -> DIM + "kubelift:" + RESET + " ";
                        case INFO -> prefix;
                    };
        }
        err.println(prefix + message);
    }

    Progress progress() {
        if (!enabled(Level.INFO)) {
            return Progress.SILENT;
        }
        if (!enabled(Level.DEBUG)) {
            return this::info;
        }
        long[] last = {0};
        return message -> {
            long now = System.nanoTime();
            if (last[0] != 0) {
                debug(String.format(Locale.ROOT, "(previous step %.1f s)", (now - last[0]) / 1e9));
            }
            last[0] = now;
            info(message);
        };
    }

    Kubelift kubelift() {
        return new Kubelift(progress());
    }

    /**
     * The facade, with the product profiles of the command's {@code --profiles DIR} options added.
     */
    Kubelift kubelift(org.apache.commons.cli.CommandLine line) {
        return Kubelift.withProfiles(progress(), profiles(line));
    }

    static java.util.List<java.nio.file.Path> profiles(org.apache.commons.cli.CommandLine line) {
        String[] v = line.getOptionValues("profiles");
        return v == null
                ? java.util.List.of()
                : java.util.Arrays.stream(v).map(java.nio.file.Path::of).toList();
    }

    /** {@code s} as a JSON string literal (Jackson's escaping, as every JSON kubelift writes). */
    static String jsonString(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a string always serialises", e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
}
