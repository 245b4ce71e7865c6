package io.kubelift.cli;

import io.kubelift.analyzer.Analysis;
import io.kubelift.core.Kubelift;
import io.kubelift.model.Component;
import io.kubelift.model.Finding;
import io.kubelift.model.Names;
import io.kubelift.model.Port;
import io.kubelift.model.Problem;
import io.kubelift.model.Severity;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The short human summaries commands print. Never a secret value: only keys and files. */
final class Summaries {
    private Summaries() {}

    static void analysis(Analysis a, PrintStream out) {
        var plan = a.plan();
        out.println(
                "plan "
                        + plan.metadata().name()
                        + ": "
                        + plan.spec().components().size()
                        + " component(s)");
        for (Component c : plan.spec().components()) {
            String ports =
                    c.ports().stream()
                            .map(Port::port)
                            .map(String::valueOf)
                            .collect(Collectors.joining(","));
            out.printf(
                    "  %-20s %-11s ports %s, %d secret(s), %d state dir(s), %d log dir(s)%n",
                    c.name(),
                    c.workload(),
                    ports.isEmpty() ? "-" : ports,
                    c.secrets().size(),
                    c.state().size(),
                    c.logs().size());
        }
        long skipped =
                a.facts().problems().stream().filter(p -> p.kind() == Problem.Kind.SKIPPED).count();
        long broken =
                a.facts().problems().stream()
                        .filter(p -> p.kind() == Problem.Kind.PARSE_ERROR)
                        .count();
        out.println(
                "  "
                        + a.facts().facts().size()
                        + " facts, "
                        + skipped
                        + " file(s) skipped, "
                        + broken
                        + " could not be parsed");
        a.facts().problems().stream()
                .filter(p -> p.kind() != Problem.Kind.NOTE)
                .limit(20)
                .forEach(
                        p ->
                                out.println(
                                        "  "
                                                + p.kind().name().toLowerCase(java.util.Locale.ROOT)
                                                + ": "
                                                + p.describe()));
    }

    static void conversion(Kubelift.Conversion c, PrintStream out) {
        Map<Severity, Long> bySeverity =
                new TreeMap<>(
                        c.report().findings().stream()
                                .collect(
                                        Collectors.groupingBy(
                                                Finding::severity, Collectors.counting())));
        long fixed = c.report().findings().stream().filter(Finding::fixedByGenerate).count();
        out.println(
                "  "
                        + c.report().findings().size()
                        + " finding(s) "
                        + bySeverity
                        + ", "
                        + fixed
                        + " fixed by the generated output");
        c.files().notes().forEach(n -> out.println("  note: " + n));
        out.println(
                "wrote "
                        + c.files().size()
                        + " files to "
                        + c.outDir()
                        + " (plan.yaml, k8s/, scripts/, report/)");
    }

    static String appName(Path app) {
        String n = app.toAbsolutePath().normalize().getFileName().toString();
        return Names.dnsLabel(n.replaceAll("\\.(tar\\.gz|tgz|tar|zip|jar|war)$", ""));
    }
}
