package io.kubelift.cli;

import static io.kubelift.cli.Main.opt;

import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;

/** {@code kubelift down OUT}: removes what {@code up} started. */
final class DownCommand extends AbstractCommand {
    DownCommand() {
        super(
                "down",
                "OUT [--runtime podman] [--volumes]",
                "stop and remove what 'up' started (pods, volumes, networks, secrets); the volumes of"
                        + " PersistentVolumeClaims stay unless --volumes",
                opt("r", "runtime", "RUNTIME", "container runtime (podman)"),
                opt(
                        null,
                        "volumes",
                        null,
                        "also remove the volumes of PersistentVolumeClaims (their data is lost)"));
    }

    @Override
    public int run(CommandLine line, Console console) {
        Path out = Path.of(Main.positional(line, this, 1, 1).get(0));
        console.kubelift().down(out, line.getOptionValue("r", "podman"), line.hasOption("volumes"));
        console.out.println("stopped " + out);
        return Main.OK;
    }
}
