package io.kubelift.cli;

import io.kubelift.core.Kubelift;
import io.kubelift.core.Progress;
import java.io.PrintStream;

/** The streams a command writes to, and the facade it calls. */
final class Console {
    final PrintStream out;
    final PrintStream err;
    final boolean quiet;
    /** Whether stderr is a terminal (progress bars) rather than a pipe or a file (plain lines). */
    final boolean interactive;

    Console(PrintStream out, PrintStream err, boolean quiet) {
        this.out = out;
        this.err = err;
        this.quiet = quiet;
        this.interactive = err == System.err && System.console() != null;
    }

    Progress progress() {
        return quiet ? Progress.SILENT : message -> err.println("kubelift: " + message);
    }

    Kubelift kubelift() {
        return new Kubelift(progress());
    }

    /** The facade, with the product profiles of the command's {@code --profiles DIR} options added. */
    Kubelift kubelift(org.apache.commons.cli.CommandLine line) {
        return Kubelift.withProfiles(progress(), profiles(line));
    }

    static java.util.List<java.nio.file.Path> profiles(org.apache.commons.cli.CommandLine line) {
        String[] v = line.getOptionValues("profiles");
        return v == null ? java.util.List.of() : java.util.Arrays.stream(v).map(java.nio.file.Path::of).toList();
    }
}
