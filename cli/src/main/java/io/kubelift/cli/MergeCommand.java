package io.kubelift.cli;

import static io.kubelift.cli.Main.opt;

import io.kubelift.core.BatchConverter;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;

/**
 * {@code kubelift merge SHARD_OUT... -o OUT}: one summary and portfolio page from sharded batch
 * runs.
 */
final class MergeCommand extends AbstractCommand {
    MergeCommand() {
        super(
                "merge",
                "SHARD_OUT... -o OUT",
                "merge the summaries of sharded 'convert --batch' runs into one portfolio view",
                opt("o", "output", "DIR", "where to write summary.json and index.html (required)"));
    }

    @Override
    public int run(CommandLine line, Console console) {
        List<Path> shards =
                Main.positional(line, this, 1, Integer.MAX_VALUE).stream().map(Path::of).toList();
        Path out = Path.of(OptionValues.required(line, "o", this));
        OutputPaths.plainDirectory(out);
        List<BatchConverter.AppResult> all = BatchConverter.merge(shards, out);
        long failed = all.stream().filter(r -> !r.ok()).count();
        console.out.println(
                "merged "
                        + all.size()
                        + " apps ("
                        + failed
                        + " failed) into "
                        + out.resolve(BatchConverter.SUMMARY));
        return failed == 0 ? Main.OK : Main.BAD_INPUT;
    }
}
