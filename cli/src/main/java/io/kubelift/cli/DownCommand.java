package io.kubelift.cli;

import static io.kubelift.cli.Main.opt;

import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;

/** {@code kubelift down OUT}: removes what {@code up} started. */
final class DownCommand extends AbstractCommand {
    DownCommand() {
        super(
                "down",
                "OUT [--runtime podman]",
                "stop and remove what 'up' started (pods, volumes, networks, secrets)",
                opt("r", "runtime", "RUNTIME", "container runtime (podman)"));
    }

    @Override
    public int run(CommandLine line, Console console) {
        Path out = Path.of(Main.positional(line, this, 1, 1).get(0));
        console.kubelift().down(out, line.getOptionValue("r", "podman"));
        console.out.println("stopped " + out);
        return Main.OK;
    }
}
