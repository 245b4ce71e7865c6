package io.kubelift.cli;

import static io.kubelift.cli.Main.opt;

import io.kubelift.core.Kubelift;
import io.kubelift.model.KubeliftException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/** {@code kubelift convert APP... -o DIR}: analyze, generate and check in one atomic output. */
final class ConvertCommand extends AbstractCommand {
    ConvertCommand() {
        super(
                "convert",
                "APP... -o DIR [--force] [--evidence compact|full] | --batch DIR -o OUT [--jobs N] [--resume] [--shard I/N]",
                "analyze + generate + check: plan.yaml, k8s/, scripts/ and report/ in one step",
                GenerateFlags.with(
                        new Option[] {
                            opt(
                                    "o",
                                    "output",
                                    "DIR",
                                    "output directory (required); with several apps, one subdirectory per app"),
                            opt(
                                    "f",
                                    "force",
                                    null,
                                    "overwrite files you edited since they were generated"),
                            opt(
                                    null,
                                    "rules",
                                    "DIR",
                                    "also run the rule files (Konveyor rule format) below DIR"),
                            opt("n", "name", "NAME", "the plan's name (one app only)"),
                            opt(
                                    null,
                                    "evidence",
                                    "FORM",
                                    "plan evidence: compact (default: one line per fact) or full"),
                            opt(
                                    null,
                                    "batch",
                                    "DIR",
                                    "convert every subdirectory or archive of DIR, in parallel, into OUT/<app>/"),
                            opt(
                                    "j",
                                    "jobs",
                                    "N",
                                    "apps converted at once with --batch (default: the number of cores)"),
                            opt(
                                    null,
                                    "resume",
                                    null,
                                    "with --batch: skip apps whose inputs and kubelift version are unchanged"),
                            opt(
                                    null,
                                    "shard",
                                    "I/N",
                                    "with --batch: convert only shard I of N (0 <= I < N), e.g. an Indexed Job's index"),
                            opt(
                                    null,
                                    "profiles",
                                    "DIR",
                                    "also read the product profiles (*.yaml) in DIR; repeatable (docs/analyzer.md)")
                        }));
    }

    @Override
    public int run(CommandLine line, Console console) {
        if (line.hasOption("batch")) {
            return BatchRun.run(this, line, console);
        }
        for (String batchOnly : List.of("jobs", "resume", "shard")) {
            if (line.hasOption(batchOnly)) {
                throw KubeliftException.usage("--" + batchOnly + " goes with --batch DIR", null);
            }
        }
        List<String> apps = Main.positional(line, this, 1, Integer.MAX_VALUE);
        Path out = Path.of(OptionValues.required(line, "o", this));
        if (apps.size() > 1 && line.hasOption("n")) {
            throw KubeliftException.usage("--name applies to one app only", null);
        }
        for (String a : apps) {
            Path app = Path.of(a);
            OutputPaths.directory(
                    apps.size() == 1 ? out : out.resolve(Summaries.appName(app)),
                    line.hasOption("f"));
        }
        Kubelift kubelift =
                console.kubelift(line)
                        .withRules(
                                line.hasOption("rules")
                                        ? Path.of(line.getOptionValue("rules"))
                                        : null);
        for (String a : apps) {
            Path app = Path.of(a);
            Path target = apps.size() == 1 ? out : out.resolve(Summaries.appName(app));
            Kubelift.Conversion c =
                    kubelift.convert(
                            app,
                            target,
                            line.getOptionValue("n"),
                            line.hasOption("f"),
                            GenerateFlags.from(line),
                            GenerateFlags.config(line),
                            Main.fullEvidence(line));
            Summaries.analysis(c.analysis(), console.out);
            Summaries.conversion(c, console.out);
        }
        return Main.OK;
    }
}
