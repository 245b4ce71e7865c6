package io.kubelift.cli;

import static io.kubelift.cli.Main.opt;

import io.kubelift.model.FileSet;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code kubelift generate PLAN -o DIR}. */
final class GenerateCommand implements Command {
    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String usage() {
        return "PLAN -o DIR [--force]";
    }

    @Override
    public String summary() {
        return "write start scripts, ConfigMaps/Secrets, workloads and overlays from a plan";
    }

    @Override
    public Options options() {
        return Main.options(opt("o", "output", "DIR", "output directory (required)"),
                opt("f", "force", null, "overwrite files you edited since they were generated"));
    }

    @Override
    public int run(CommandLine line, Console console) {
        Path plan = Path.of(Main.positional(line, this, 1, 1).get(0));
        Path out = Path.of(Options2.required(line, "o", this));
        FileSet files = console.kubelift().generate(plan, out, line.hasOption("f"));
        console.out.println("generated " + files.size() + " files into " + out);
        return Main.OK;
    }
}
