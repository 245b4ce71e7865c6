package io.kubelift.cli;

import io.kubelift.model.KubeliftException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.Options;

/**
 * The options every command takes, anywhere on the line: they are taken out before the command's
 * own options are parsed. Their short names ({@code -h -q -v -V}) are reserved: no command may give
 * them another meaning.
 */
record GlobalOptions(
        boolean help,
        boolean version,
        boolean debug,
        Console.Level level,
        boolean json,
        boolean noColour,
        List<String> rest) {

    /** The definitions, for help, completion and "did you mean". */
    static Options definitions() {
        return Main.options(
                Main.opt("h", "help", null, "show help (also 'kubelift help COMMAND')"),
                Main.opt("V", "version", null, "print kubelift's version"),
                Main.opt(
                        "q",
                        "quiet",
                        null,
                        "only warnings and errors on stderr (no progress lines)"),
                Main.opt(
                        "v",
                        "verbose",
                        null,
                        "more detail on stderr: how long each step and the command took"),
                Main.opt(null, "log-level", "LEVEL", "error, warn, info (default) or debug"),
                Main.opt(
                        null,
                        "log-format",
                        "FORMAT",
                        "text (default) or json: one JSON object per stderr line"),
                Main.opt(
                        null,
                        "no-color",
                        null,
                        "no colour (also when NO_COLOR is set or stderr is not a terminal)"),
                Main.opt(null, "debug", null, "print the stack trace of an error"));
    }

    static GlobalOptions parse(String[] args) {
        boolean help = false;
        boolean version = false;
        boolean debug = false;
        boolean noColour = false;
        boolean json = false;
        Console.Level level = Console.Level.INFO;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            String name = a;
            int eq = a.indexOf('=');
            if (a.startsWith("--log-") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            switch (name) {
                case "-h", "--help" -> help = true;
                case "-V", "--version" -> version = true;
                case "--debug" -> debug = true;
                case "-q", "--quiet" -> level = Console.Level.WARN;
                case "-v", "--verbose" -> level = Console.Level.DEBUG;
                case "--no-color", "--no-colour" -> noColour = true;
                case "--log-level", "--log-format" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw KubeliftException.usage(
                                    name + " needs a value",
                                    name.equals("--log-level")
                                            ? "use error, warn, info or debug"
                                            : "use text or json");
                        }
                        value = args[++i];
                    }
                    if (name.equals("--log-level")) {
                        level = Console.Level.parse(value);
                    } else {
                        json =
                                switch (value.toLowerCase(Locale.ROOT)) {
                                    case "json" -> true;
                                    case "text" -> false;
                                    default ->
                                            throw KubeliftException.usage(
                                                    "--log-format takes text or json, not '"
                                                            + value
                                                            + "'",
                                                    null);
                                };
                    }
                }
                default -> rest.add(a);
            }
        }
        return new GlobalOptions(help, version, debug, level, json, noColour, rest);
    }
}
