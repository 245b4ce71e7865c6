package io.kubelift.cli;

import io.kubelift.core.Batch;
import io.kubelift.core.BatchConverter;
import io.kubelift.model.KubeliftException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code convert --batch DIR}: the portfolio conversion, with a progress bar on a terminal and
 * plain lines elsewhere.
 */
final class BatchRun {
    private BatchRun() {}

    static int run(Command command, org.apache.commons.cli.CommandLine line, Console console) {
        Main.positional(line, command, 0, 0);
        Path dir = Path.of(line.getOptionValue("batch"));
        Path out = Path.of(OptionValues.required(line, "o", command));
        OutputPaths.directory(out, line.hasOption("f"));
        int jobs = Runtime.getRuntime().availableProcessors();
        if (line.hasOption("jobs")) {
            try {
                jobs = Integer.parseInt(line.getOptionValue("jobs"));
            } catch (NumberFormatException e) {
                throw KubeliftException.usage(
                        "--jobs takes a number, not '" + line.getOptionValue("jobs") + "'", null);
            }
        }
        Batch.Shard shard =
                line.hasOption("shard")
                        ? Batch.Shard.parse(line.getOptionValue("shard"))
                        : Batch.Shard.ALL;
        List<Batch.App> apps = Batch.discover(dir);
        if (apps.isEmpty()) {
            throw KubeliftException.badInput(
                    dir.toString(), "holds no app (no subdirectory or archive)", null);
        }
        BatchConverter.Options options =
                new BatchConverter.Options(
                        jobs, line.hasOption("resume"), line.hasOption("f"), shard);
        Progress bar = new Progress(console);
        List<BatchConverter.AppResult> results =
                new BatchConverter(
                                () ->
                                        io.kubelift.core.Kubelift.withProfiles(
                                                null, Console.profiles(line)))
                        .convert(apps, out, options, bar::finished);
        bar.close();
        long failed = results.stream().filter(r -> !r.ok()).count();
        for (BatchConverter.AppResult r : results) {
            if (!r.ok()) {
                console.error(r.name() + ": " + r.message());
            }
        }
        console.out.println(
                (results.size() - failed)
                        + " of "
                        + results.size()
                        + " apps converted; "
                        + out.resolve(BatchConverter.SUMMARY)
                        + ", "
                        + out.resolve(BatchConverter.INDEX));
        return failed == 0 ? Main.OK : Main.BAD_INPUT;
    }

    /** A one-line progress bar redrawn on a terminal; one plain line per app otherwise. */
    static final class Progress {
        private final Console console;
        private final boolean tty;

        Progress(Console console) {
            this.console = console;
            this.tty = console.interactive && !console.quiet;
        }

        void finished(BatchConverter.AppResult r, int done, int total) {
            if (console.quiet) {
                return;
            }
            if (tty) {
                int width = 30;
                int filled = total == 0 ? width : done * width / total;
                console.err.print(
                        "\r["
                                + "#".repeat(filled)
                                + " ".repeat(width - filled)
                                + "] "
                                + done
                                + "/"
                                + total
                                + " "
                                + r.name()
                                + " "
                                + r.status()
                                + "\u001b[K");
                console.err.flush();
            } else {
                console.info("[" + done + "/" + total + "] " + r.name() + ": " + r.status());
            }
        }

        void close() {
            if (tty) {
                console.err.println();
            }
        }
    }
}
