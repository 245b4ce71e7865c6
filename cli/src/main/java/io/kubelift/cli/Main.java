package io.kubelift.cli;

import io.kubelift.core.Version;
import io.kubelift.model.KubeliftException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

/**
 * The {@code kubelift} command. {@link #run} returns the exit code (0 ok, 1 check threshold
 * exceeded, 2 usage error, 3 bad input, 4 internal error) so it can be tested without exiting; only
 * {@link #main} exits.
 */
public final class Main {
    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int USAGE = 2;
    public static final int BAD_INPUT = 3;
    public static final int INTERNAL = 4;

    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final Map<String, String> env;
    private final Boolean terminal;

    public Main() {
        this(
                List.of(
                        new AnalyzeCommand(),
                        new GenerateCommand(),
                        new OverrideCommand(),
                        new CheckCommand(),
                        new ConvertCommand(),
                        new BuildCommand(),
                        new UpCommand(),
                        new DownCommand(),
                        new MergeCommand(),
                        new RenderCommand()));
    }

    Main(List<Command> commands) {
        this(commands, System.getenv(), null);
    }

    /**
     * {@code terminal}: whether stderr is a terminal (null: ask the JVM); {@code env}: NO_COLOR,
     * TERM.
     */
    Main(List<Command> commands, Map<String, String> env, Boolean terminal) {
        for (Command c : commands) {
            this.commands.put(c.name(), c);
        }
        this.commands.putIfAbsent(
                CompletionCommand.NAME, new CompletionCommand(this.commands.values()));
        this.env = env;
        this.terminal = terminal;
    }

    /** The commands, in the order help lists them. */
    List<Command> commands() {
        return List.copyOf(commands.values());
    }

    public static void main(String[] args) {
        System.exit(new Main().run(args, System.out, System.err));
    }

    public int run(String[] args, PrintStream rawOut, PrintStream rawErr) {
        // every line printed passes the one masking step (secret values met in this run → ****)
        io.kubelift.model.SecretMask.forgetRemembered(); // one command, its own values
        PrintStream out = MaskingStream.wrap(rawOut);
        PrintStream err = MaskingStream.wrap(rawErr);
        try {
            return runMasked(
                    args,
                    out,
                    err,
                    terminal != null ? terminal : rawErr == System.err && System.console() != null);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int runMasked(String[] args, PrintStream out, PrintStream err, boolean tty) {
        GlobalOptions global;
        try {
            global = GlobalOptions.parse(args);
        } catch (KubeliftException e) {
            err.println("kubelift: " + e.getMessage());
            return e.exitCode();
        }
        Console console =
                new Console(out, err, global.level(), global.json(), tty, env, global.noColour());
        List<String> rest = global.rest();
        try {
            if (global.version()) {
                out.println("kubelift " + Version.get());
                return OK;
            }
            boolean helpWord = !rest.isEmpty() && rest.get(0).equals("help");
            if (rest.isEmpty() || helpWord) {
                List<String> topic = helpWord ? rest.subList(1, rest.size()) : rest;
                if (topic.isEmpty()) {
                    help(out);
                    return global.help() || helpWord ? OK : USAGE;
                }
                help(command(topic.get(0)), out);
                return OK;
            }
            if (rest.get(0).equals("version")) {
                out.println("kubelift " + Version.get());
                return OK;
            }
            Command command = command(rest.get(0));
            if (global.help()) {
                help(command, out);
                return OK;
            }
            String[] commandArgs = rest.subList(1, rest.size()).toArray(String[]::new);
            CommandLine line;
            try {
                line = new DefaultParser(false).parse(command.options(), commandArgs);
            } catch (ParseException e) {
                console.error(command.name() + ": " + parseProblem(command, e));
                return USAGE;
            }
            long start = System.nanoTime();
            int code = command.run(line, console);
            console.debug(
                    String.format(
                            java.util.Locale.ROOT,
                            "%s finished in %.1f s (exit %d)",
                            command.name(),
                            (System.nanoTime() - start) / 1e9,
                            code));
            return code;
        } catch (KubeliftException e) {
            console.error(e.getMessage());
            if (global.debug()) {
                e.printStackTrace(err);
            }
            return e.exitCode();
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            console.error(
                    "internal error: " + e + " — this is a bug; rerun with --debug and report it");
            if (global.debug()) {
                e.printStackTrace(err);
            }
            return INTERNAL;
        }
    }

    /** The command named {@code name}, or a usage error with the closest command name. */
    private Command command(String name) {
        Command c = commands.get(name);
        if (c == null) {
            String hint = Suggest.hint(name, commands.keySet());
            throw KubeliftException.usage(
                    "unknown command '" + name + "'",
                    (hint.isEmpty() ? "" : hint + " ")
                            + "(run 'kubelift --help' for the commands)");
        }
        return c;
    }

    /**
     * A parse error in the user's words: the unknown option with the closest known one, a missing
     * value.
     */
    static String parseProblem(Command command, ParseException e) {
        String help = "run 'kubelift " + command.name() + " --help'";
        if (e instanceof UnrecognizedOptionException u) {
            return unknownOption(command, u.getOption());
        }
        if (e instanceof MissingArgumentException m) {
            Option o = m.getOption();
            return "option " + optionName(o) + " needs a value (" + o.getArgName() + ") — " + help;
        }
        return e.getMessage() + " — " + help;
    }

    static String unknownOption(Command command, String typed) {
        String name = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
        String hint = Suggest.hint(name, optionNames(command));
        String help = "run 'kubelift " + command.name() + " --help'";
        return "unknown option '"
                + name
                + "' for '"
                + command.name()
                + "' — "
                + (hint.isEmpty() ? help : hint + " (" + help + ")");
    }

    /** Every spelling of every option a command takes, its own and the global ones. */
    static List<String> optionNames(Command command) {
        List<String> names = new ArrayList<>();
        List<Option> all = new ArrayList<>(command.options().getOptions());
        all.addAll(GlobalOptions.definitions().getOptions());
        for (Option o : all) {
            if (o.getLongOpt() != null) {
                names.add("--" + o.getLongOpt());
            }
            if (o.getOpt() != null) {
                names.add("-" + o.getOpt());
            }
        }
        return names;
    }

    static String optionName(Option o) {
        return o.getLongOpt() != null ? "--" + o.getLongOpt() : "-" + o.getOpt();
    }

    private void help(PrintStream out) {
        out.println(
                "kubelift " + Version.get() + " — moves legacy JVM applications onto Kubernetes");
        out.println();
        out.println("Usage: kubelift COMMAND [OPTIONS]");
        out.println();
        out.println("Commands:");
        for (Command c : commands.values()) {
            out.printf("  %-10s %s%n", c.name(), c.summary());
        }
        out.println();
        out.println("Global options (anywhere on the line):");
        printOptions(GlobalOptions.definitions(), out);
        out.println();
        out.println(
                "Exit codes: 0 ok, 1 check threshold exceeded, 2 usage error, 3 bad input, 4 internal error");
        out.println(
                "Run 'kubelift help COMMAND' for a command's options; docs/cli.md has them all.");
    }

    private static void help(Command c, PrintStream out) {
        PrintWriter w = new PrintWriter(out, true);
        HelpFormatter f = HelpFormatter.builder().setShowSince(false).get();
        f.printHelp(
                w,
                100,
                "kubelift " + c.name() + " " + c.usage(),
                c.summary(),
                c.options(),
                2,
                2,
                "Global options: -h/--help, -V/--version, -q/--quiet, -v/--verbose, --log-level LEVEL, "
                        + "--log-format text|json, --no-color, --debug ('kubelift --help')",
                false);
        w.flush();
    }

    private static void printOptions(Options options, PrintStream out) {
        PrintWriter w = new PrintWriter(out, true);
        HelpFormatter.builder().setShowSince(false).get().printOptions(w, 100, options, 2, 2);
        w.flush();
    }

    static Option opt(String shortName, String longName, String arg, String description) {
        Option.Builder b = Option.builder(shortName).longOpt(longName).desc(description);
        if (arg != null) {
            b.hasArg().argName(arg);
        }
        return b.get();
    }

    /**
     * {@code --evidence compact|full}: whether a plan's evidence is written as objects (full) or
     * one line per fact.
     */
    static boolean fullEvidence(CommandLine line) {
        String v = line.getOptionValue("evidence", "compact");
        return switch (v) {
            case "compact" -> false;
            case "full" -> true;
            default ->
                    throw KubeliftException.usage(
                            "--evidence takes compact or full, not '" + v + "'", null);
        };
    }

    /** The positional arguments, checked for count. */
    static List<String> positional(CommandLine line, Command c, int min, int max) {
        List<String> args = line.getArgList();
        if (args.size() < min || args.size() > max) {
            throw KubeliftException.usage(
                    "'"
                            + c.name()
                            + "' takes "
                            + c.usage()
                            + (args.isEmpty() ? "" : ", got " + String.join(" ", args)),
                    "run 'kubelift " + c.name() + " --help'");
        }
        for (String a : args) {
            if (a.startsWith("-") && a.length() > 1) {
                throw KubeliftException.usage(unknownOption(c, a), null);
            }
        }
        return args;
    }

    static Options options(Option... opts) {
        Options o = new Options();
        for (Option x : opts) {
            o.addOption(x);
        }
        return o;
    }
}
