package io.kubelift.cli;

import static io.kubelift.cli.Main.opt;

import io.kubelift.model.FileSet;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;

/** {@code kubelift generate PLAN -o DIR}. */
final class GenerateCommand extends AbstractCommand {
    GenerateCommand() {
        super("generate",
                "PLAN -o DIR [--force]",
                "write start scripts, ConfigMaps/Secrets, workloads and overlays from a plan",
                opt("o", "output", "DIR", "output directory (required)"),
                opt("f", "force", null, "overwrite files you edited since they were generated"));
    }

    @Override
    public int run(CommandLine line, Console console) {
        Path plan = Path.of(Main.positional(line, this, 1, 1).get(0));
        Path out = Path.of(OptionValues.required(line, "o", this));
        FileSet files = console.kubelift().generate(plan, out, line.hasOption("f"));
        console.out.println("generated " + files.size() + " files into " + out);
        return Main.OK;
    }
}
