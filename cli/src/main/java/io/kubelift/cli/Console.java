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
        this(out, err, quiet, err == System.err && System.console() != null);
    }

    Console(PrintStream out, PrintStream err, boolean quiet, boolean interactive) {
        this.out = out;
        this.err = err;
        this.quiet = quiet;
        this.interactive = interactive;
    }

    Progress progress() {
        return quiet ? Progress.SILENT : message -> err.println("kubelift: " + message);
    }

    Kubelift kubelift() {
        return new Kubelift(progress());
    }
}
