package io.kubelift.cli;

import static io.kubelift.cli.Main.opt;

import io.kubelift.core.Kubelift;
import io.kubelift.model.KubeliftException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code kubelift convert APP... -o DIR}: analyze, generate and check in one atomic output. */
final class ConvertCommand implements Command {
    @Override
    public String name() {
        return "convert";
    }

    @Override
    public String usage() {
        return "APP... -o DIR [--force]";
    }

    @Override
    public String summary() {
        return "analyze + generate + check: plan.yaml, k8s/, scripts/ and report/ in one step";
    }

    @Override
    public Options options() {
        return Main.options(opt("o", "output", "DIR", "output directory (required); with several apps, one subdirectory per app"),
                opt("f", "force", null, "overwrite files you edited since they were generated"),
                opt("n", "name", "NAME", "the plan's name (one app only)"));
    }

    @Override
    public int run(CommandLine line, Console console) {
        List<String> apps = Main.positional(line, this, 1, Integer.MAX_VALUE);
        Path out = Path.of(Options2.required(line, "o", this));
        if (apps.size() > 1 && line.hasOption("n")) {
            throw KubeliftException.usage("--name applies to one app only", null);
        }
        Kubelift kubelift = console.kubelift();
        for (String a : apps) {
            Path app = Path.of(a);
            Path target = apps.size() == 1 ? out : out.resolve(Summaries.appName(app));
            Kubelift.Conversion c = kubelift.convert(app, target, line.getOptionValue("n"), line.hasOption("f"));
            Summaries.analysis(c.analysis(), console.out);
            Summaries.conversion(c, console.out);
        }
        return Main.OK;
    }
}
