package io.kubelift.cli;

import io.kubelift.core.Version;
import io.kubelift.model.KubeliftException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * The {@code kubelift} command. {@link #run} returns the exit code (0 ok, 1 check threshold exceeded, 2 usage
 * error, 3 bad input, 4 internal error) so it can be tested without exiting; only {@link #main} exits.
 */
public final class Main {
    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int USAGE = 2;
    public static final int BAD_INPUT = 3;
    public static final int INTERNAL = 4;

    private final Map<String, Command> commands = new LinkedHashMap<>();

    public Main() {
        this(List.of(new AnalyzeCommand(), new GenerateCommand(), new CheckCommand(), new ConvertCommand(),
                new BuildCommand(), new UpCommand(), new DownCommand(), new MergeCommand()));
    }

    Main(List<Command> commands) {
        for (Command c : commands) {
            this.commands.put(c.name(), c);
        }
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
            return runMasked(args, out, err, rawErr == System.err && System.console() != null);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int runMasked(String[] args, PrintStream out, PrintStream err, boolean interactive) {
        List<String> rest = Arrays.asList(args);
        boolean debug = rest.contains("--debug");
        boolean quiet = rest.contains("--quiet") || rest.contains("-q");
        rest = rest.stream().filter(a -> !a.equals("--debug") && !a.equals("--quiet") && !a.equals("-q")).toList();
        try {
            if (rest.isEmpty() || rest.get(0).equals("--help") || rest.get(0).equals("-h") || rest.get(0).equals("help")) {
                if (rest.size() > 1 && commands.containsKey(rest.get(1))) {
                    help(commands.get(rest.get(1)), out);
                } else {
                    help(out);
                }
                return rest.isEmpty() ? USAGE : OK;
            }
            if (rest.get(0).equals("--version") || rest.get(0).equals("version")) {
                out.println("kubelift " + Version.get());
                return OK;
            }
            Command command = commands.get(rest.get(0));
            if (command == null) {
                err.println("kubelift: unknown command '" + rest.get(0) + "' — run 'kubelift --help' for the commands");
                return USAGE;
            }
            String[] commandArgs = rest.subList(1, rest.size()).toArray(String[]::new);
            if (Arrays.asList(commandArgs).contains("--help") || Arrays.asList(commandArgs).contains("-h")) {
                help(command, out);
                return OK;
            }
            CommandLine line;
            try {
                line = new DefaultParser(false).parse(command.options(), commandArgs);
            } catch (ParseException e) {
                err.println("kubelift " + command.name() + ": " + e.getMessage() + " — run 'kubelift " + command.name()
                        + " --help'");
                return USAGE;
            }
            return command.run(line, new Console(out, err, quiet, interactive));
        } catch (KubeliftException e) {
            err.println("kubelift: " + e.getMessage());
            if (debug) {
                e.printStackTrace(err);
            }
            return e.exitCode();
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            err.println("kubelift: internal error: " + e + " — this is a bug; rerun with --debug and report it");
            if (debug) {
                e.printStackTrace(err);
            }
            return INTERNAL;
        }
    }

    private void help(PrintStream out) {
        out.println("kubelift " + Version.get() + " — moves legacy JVM applications onto Kubernetes");
        out.println();
        out.println("Usage: kubelift COMMAND [OPTIONS]");
        out.println();
        out.println("Commands:");
        for (Command c : commands.values()) {
            out.printf("  %-9s %s%n", c.name(), c.summary());
        }
        out.println();
        out.println("Global options: --help, --version, --debug (stack traces), --quiet (no progress lines)");
        out.println("Exit codes: 0 ok, 1 check threshold exceeded, 2 usage error, 3 bad input, 4 internal error");
        out.println("Run 'kubelift COMMAND --help' for a command's options; docs/cli.md has them all.");
    }

    private static void help(Command c, PrintStream out) {
        PrintWriter w = new PrintWriter(out, true);
        HelpFormatter f = HelpFormatter.builder().setShowSince(false).get();
        f.printHelp(w, 100, "kubelift " + c.name() + " " + c.usage(), c.summary(), c.options(), 2, 2, null, false);
        w.flush();
    }

    static Option opt(String shortName, String longName, String arg, String description) {
        Option.Builder b = Option.builder(shortName).longOpt(longName).desc(description);
        if (arg != null) {
            b.hasArg().argName(arg);
        }
        return b.get();
    }

    /** The positional arguments, checked for count. */
    static List<String> positional(CommandLine line, Command c, int min, int max) {
        List<String> args = line.getArgList();
        if (args.size() < min || args.size() > max) {
            throw KubeliftException.usage("'" + c.name() + "' takes " + c.usage() + (args.isEmpty() ? "" : ", got "
                    + String.join(" ", args)), "run 'kubelift " + c.name() + " --help'");
        }
        for (String a : args) {
            if (a.startsWith("-") && a.length() > 1) {
                throw KubeliftException.usage("unknown option '" + a + "' for '" + c.name() + "'",
                        "run 'kubelift " + c.name() + " --help'");
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
