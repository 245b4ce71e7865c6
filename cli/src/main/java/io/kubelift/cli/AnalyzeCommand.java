package io.kubelift.cli;

import static io.kubelift.cli.Main.opt;

import io.kubelift.analyzer.Analysis;
import io.kubelift.model.PlanCodec;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;

/** {@code kubelift analyze APP -o plan.yaml}. */
final class AnalyzeCommand extends AbstractCommand {
    AnalyzeCommand() {
        super(
                "analyze",
                "APP [-o plan.yaml] [--name NAME] [--force | --merge] [--evidence compact|full] [--profiles DIR]",
                "inspect an app (directory or archive) and write its migration plan",
                opt("o", "output", "FILE", "where to write the plan (default: print it on stdout)"),
                opt(
                        "n",
                        "name",
                        "NAME",
                        "the plan's name (default: from the app's directory name)"),
                opt(
                        "f",
                        "force",
                        null,
                        "overwrite a plan you edited (or that kubelift did not write)"),
                opt(
                        null,
                        "merge",
                        null,
                        "re-analyse into an existing plan: keep your edits, add what the analysis finds"),
                opt(
                        null,
                        "evidence",
                        "FORM",
                        "compact (default: one 'file:line | text' line per fact) or full ({file, line, text})"),
                opt(
                        null,
                        "profiles",
                        "DIR",
                        "also read the product profiles (*.yaml) in DIR; repeatable (docs/analyzer.md)"));
    }

    @Override
    public int run(CommandLine line, Console console) {
        Path app = Path.of(Main.positional(line, this, 1, 1).get(0));
        Path plan = line.hasOption("o") ? Path.of(line.getOptionValue("o")) : null;
        if (plan != null) {
            OutputPaths.file(plan);
        }
        Analysis analysis =
                console.kubelift(line)
                        .analyze(
                                app,
                                plan,
                                line.getOptionValue("n"),
                                line.hasOption("f"),
                                line.hasOption("merge"),
                                Main.fullEvidence(line));
        if (plan == null) {
            console.out.print(
                    PlanCodec.toPlanYaml(
                            analysis.plan(),
                            io.kubelift.model.PlanSchema.ID,
                            Main.fullEvidence(line)));
            Summaries.analysis(analysis, console.err);
        } else {
            Summaries.analysis(analysis, console.out);
            console.out.println("plan written to " + plan);
        }
        return Main.OK;
    }
}
