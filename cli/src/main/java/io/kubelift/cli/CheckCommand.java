package io.kubelift.cli;

import static io.kubelift.cli.Main.opt;

import io.kubelift.checker.CheckOptions;
import io.kubelift.checker.Report;
import io.kubelift.checker.ReportRenderers;
import io.kubelift.core.Kubelift;
import io.kubelift.model.KubeliftException;
import io.kubelift.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.cli.CommandLine;

/**
 * {@code kubelift check APP_OR_MANIFESTS [--format F] [-o FILE] [--fail-on S|none] [--disable ID,…]
 * [--docs-url URL]}.
 */
final class CheckCommand extends AbstractCommand {
    CheckCommand() {
        super(
                "check",
                "APP_OR_MANIFESTS [--format text|json|sarif|html] [-o FILE] [--fail-on info|warning|error|none] [--disable ID,...] [--docs-url URL]",
                "report twelve-factor (+3) violations of an app or of Kubernetes YAML",
                opt(
                        null,
                        "format",
                        "FORMAT",
                        "text (default), json, sarif or html (no short flag: -f is --force everywhere)"),
                opt("o", "output", "FILE", "write the report to FILE instead of stdout"),
                opt(
                        null,
                        "fail-on",
                        "SEVERITY",
                        "exit 1 when a finding is at least this severe: info, warning, error (default) or none"),
                opt(null, "disable", "IDS", "comma-separated check ids to skip"),
                opt(
                        null,
                        "docs-url",
                        "URL",
                        "where you publish kubelift's docs/checks/ pages: SARIF helpUri and HTML links point there (default: no links)"),
                opt(
                        null,
                        "rules",
                        "DIR",
                        "also run the rule files (Konveyor rule format) below DIR"),
                opt(
                        null,
                        "manifests",
                        null,
                        "read the path as Kubernetes YAML even if it looks like an app"));
    }

    @Override
    public int run(CommandLine line, Console console) {
        Path target = Path.of(Main.positional(line, this, 1, 1).get(0));
        String format = line.getOptionValue("format", "text").toLowerCase(Locale.ROOT);
        if (!ReportRenderers.formats().contains(format)) {
            throw KubeliftException.usage(
                    "unknown format '" + format + "'", "use one of " + ReportRenderers.formats());
        }
        Severity failOn = parseFailOn(line.getOptionValue("fail-on", "error"));
        String docsUrl =
                ReportRenderers.docsUrl(
                        line.getOptionValue(
                                "docs-url")); // a bad URL is a usage error before any work
        Set<String> disabled = new TreeSet<>();
        if (line.hasOption("disable")) {
            Arrays.stream(line.getOptionValue("disable").split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .forEach(disabled::add);
        }
        Kubelift.CheckRun run =
                console.kubelift()
                        .withRules(
                                line.hasOption("rules")
                                        ? Path.of(line.getOptionValue("rules"))
                                        : null)
                        .check(
                                target,
                                new CheckOptions(disabled, failOn),
                                line.hasOption("manifests"));
        Report report = run.report();
        String rendered = ReportRenderers.forFormat(format, docsUrl).render(report);
        if (line.hasOption("o")) {
            Path file = Path.of(line.getOptionValue("o"));
            try {
                Path parent = file.toAbsolutePath().getParent();
                Files.createDirectories(parent);
                Files.writeString(file, rendered);
            } catch (IOException e) {
                throw KubeliftException.badInput(
                        file.toString(), "cannot write the report: " + e.getMessage(), null);
            }
            console.out.println(report.findings().size() + " findings; report written to " + file);
        } else {
            console.out.print(rendered);
        }
        if (report.exceeds(failOn)) {
            console.error(
                    "findings at or above '"
                            + failOn.id()
                            + "' — failing (use --fail-on to change the threshold)");
            return Main.CHECK_FAILED;
        }
        return Main.OK;
    }

    static Severity parseFailOn(String value) {
        if (value.equalsIgnoreCase("none")) {
            return null;
        }
        try {
            return Severity.parse(value);
        } catch (IllegalArgumentException e) {
            throw KubeliftException.usage(
                    "--fail-on takes info, warning, error or none, not '" + value + "'", null);
        }
    }
}
