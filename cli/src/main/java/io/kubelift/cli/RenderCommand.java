package io.kubelift.cli;

import static io.kubelift.cli.Main.opt;

import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;

/** {@code kubelift render PLAN|OUT --env ENV [-o FILE]}: one apply-ready file per environment. */
final class RenderCommand extends AbstractCommand {
    RenderCommand() {
        super(
                "render",
                "PLAN|OUT --env ENV [-o FILE] [--config FILE] [--secrets MODE]",
                "write one apply-ready YAML file for an environment (no Kustomize or Helm needed)",
                opt("e", "env", "ENV", "the environment (required): dev, test, prod"),
                opt("o", "output", "FILE", "the file to write (default: standard output)"),
                opt(
                        null,
                        "config",
                        "FILE",
                        "organisation defaults (default: kubelift.yaml in the app, else in the working directory)"),
                opt(null, "secrets", "MODE", "plain (default), external-secrets or sealed"));
    }

    @Override
    public int run(CommandLine line, Console console) {
        Path target = Path.of(Main.positional(line, this, 1, 1).get(0));
        String env = OptionValues.required(line, "e", this);
        Path output = line.hasOption("o") ? Path.of(line.getOptionValue("o")) : null;
        String text =
                console.kubelift()
                        .render(
                                target,
                                env,
                                output,
                                GenerateFlags.from(line),
                                GenerateFlags.config(line));
        if (output == null) {
            console.out.print(text);
        } else {
            console.out.println("rendered " + env + " into " + output);
        }
        return Main.OK;
    }
}
