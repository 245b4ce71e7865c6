package io.kubelift.cli;

import static io.kubelift.cli.Main.opt;

import io.kubelift.model.KubeliftException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;

/**
 * {@code kubelift override PLAN COMPONENT FILE KEY=VALUE [--reason TEXT]}: a person's plan edit by
 * command — a config setting the generated ConfigMap carries.
 */
final class OverrideCommand extends AbstractCommand {
    OverrideCommand() {
        super(
                "override",
                "PLAN COMPONENT FILE KEY=VALUE [--reason TEXT]",
                "set a config setting of a component in the plan (a configOverrides entry)",
                opt(null, "reason", "TEXT", "why (shown in the plan and the generated file)"));
    }

    @Override
    public int run(CommandLine line, Console console) {
        List<String> args = Main.positional(line, this, 4, 4);
        String setting = args.get(3);
        int eq = setting.indexOf('=');
        if (eq <= 0) {
            throw KubeliftException.usage(
                    "'" + setting + "' is not KEY=VALUE", "e.g. greeting='Hello from Kubernetes'");
        }
        String key = setting.substring(0, eq);
        Path plan = Path.of(args.get(0));
        console.kubelift()
                .override(
                        plan,
                        args.get(1),
                        args.get(2),
                        key,
                        setting.substring(eq + 1),
                        line.getOptionValue("reason"));
        console.out.println(
                plan
                        + ": component "
                        + args.get(1)
                        + ": "
                        + args.get(2)
                        + " "
                        + key
                        + " overridden; run `kubelift generate "
                        + plan
                        + " -o DIR` (or `kubelift build`) to write it into the ConfigMap");
        return Main.OK;
    }
}
