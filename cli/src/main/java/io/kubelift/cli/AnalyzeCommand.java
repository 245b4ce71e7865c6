package io.kubelift.cli;

import static io.kubelift.cli.Main.opt;

import io.kubelift.analyzer.Analysis;
import io.kubelift.model.PlanCodec;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;

/** {@code kubelift analyze APP -o plan.yaml}. */
final class AnalyzeCommand extends AbstractCommand {
    AnalyzeCommand() {
        super("analyze",
                "APP [-o plan.yaml] [--name NAME] [--profiles DIR]",
                "inspect an app (directory or archive) and write its migration plan",
                opt("o", "output", "FILE", "where to write the plan (default: print it on stdout)"),
                opt("n", "name", "NAME", "the plan's name (default: from the app's directory name)"),
                opt(null, "profiles", "DIR", "also read the product profiles (*.yaml) in DIR; repeatable (docs/analyzer.md)"));
    }

    @Override
    public int run(CommandLine line, Console console) {
        Path app = Path.of(Main.positional(line, this, 1, 1).get(0));
        Path plan = line.hasOption("o") ? Path.of(line.getOptionValue("o")) : null;
        Analysis analysis = console.kubelift(line).analyze(app, plan, line.getOptionValue("n"));
        if (plan == null) {
            console.out.print(PlanCodec.toYaml(analysis.plan()));
            Summaries.analysis(analysis, console.err);
        } else {
            Summaries.analysis(analysis, console.out);
            console.out.println("plan written to " + plan);
        }
        return Main.OK;
    }
}
