package io.kubelift.cli;

import static io.kubelift.cli.Main.opt;

import io.kubelift.runner.RunResult;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;

/** {@code kubelift up OUT [--runtime podman]}: a local smoke test of the generated manifests. */
final class UpCommand extends AbstractCommand {
    UpCommand() {
        super(
                "up",
                "OUT [--runtime podman]",
                "run the generated manifests locally with podman (smoke test, not a cluster)",
                opt("r", "runtime", "RUNTIME", "container runtime (podman)"));
    }

    @Override
    public int run(CommandLine line, Console console) {
        Path out = Path.of(Main.positional(line, this, 1, 1).get(0));
        RunResult r = console.kubelift().up(out, line.getOptionValue("r", "podman"));
        r.pods()
                .forEach(
                        p ->
                                console.out.println(
                                        "POD " + p.name() + " " + String.join(",", p.aliases())));
        return Main.OK;
    }
}
