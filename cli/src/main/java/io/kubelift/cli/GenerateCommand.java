package io.kubelift.cli;

import static io.kubelift.cli.Main.opt;

import io.kubelift.model.FileSet;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;

/** {@code kubelift generate PLAN -o DIR}. */
final class GenerateCommand extends AbstractCommand {
    GenerateCommand() {
        super(
                "generate",
                "PLAN -o DIR [--force] [--layout kustomize|helm] [--config FILE] [--secrets MODE]",
                "write start scripts, ConfigMaps/Secrets, workloads and overlays from a plan",
                GenerateFlags.with(
                        new org.apache.commons.cli.Option[] {
                            opt("o", "output", "DIR", "output directory (required)"),
                            opt(
                                    "f",
                                    "force",
                                    null,
                                    "overwrite files you edited since they were generated")
                        }));
    }

    @Override
    public int run(CommandLine line, Console console) {
        Path plan = Path.of(Main.positional(line, this, 1, 1).get(0));
        Path out = Path.of(OptionValues.required(line, "o", this));
        OutputPaths.directory(out, line.hasOption("f"));
        FileSet files =
                console.kubelift()
                        .generate(
                                plan,
                                out,
                                line.hasOption("f"),
                                GenerateFlags.from(line),
                                GenerateFlags.config(line));
        files.notes().forEach(n -> console.out.println("  note: " + n));
        console.out.println("generated " + files.size() + " files into " + out);
        return Main.OK;
    }
}
