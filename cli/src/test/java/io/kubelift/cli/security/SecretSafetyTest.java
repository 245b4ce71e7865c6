package io.kubelift.cli.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.analyzer.Analysis;
import io.kubelift.cli.Main;
import io.kubelift.core.Kubelift;
import io.kubelift.core.Progress;
import io.kubelift.model.FactKind;
import io.kubelift.model.PlanCodec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secret safety end to end: the corpus app with planted secrets of every kind the analyzer detects
 * goes through the real commands; every byte they write (plan, reports in every format, console
 * output incl. --debug, the facts) is scanned for each value, plain and base64. Only {@code
 * secrets/*.env} may hold them.
 */
class SecretSafetyTest {
    static final java.util.function.Predicate<String> SECRET_ENV =
            rel -> rel.matches("(.*/)?secrets/[^/]+\\.env");

    @TempDir Path tmp;

    @Test
    void analyzeAndCheckInEveryFormatLeakNothing() throws Exception {
        Path app = SecretCorpus.copyApp(tmp.resolve("orders"));
        Path out = Files.createDirectories(tmp.resolve("out"));
        LeakScanner scanner = new LeakScanner(SecretCorpus.values());
        assertEquals(
                SecretCorpus.values().keySet(),
                scanner.scanTree(app, rel -> false).stream()
                        .map(LeakScanner.Leak::secretName)
                        .collect(Collectors.toCollection(TreeSet::new)),
                "every planted value is in the app, where the scanner finds it");
        run(
                out,
                "analyze",
                List.of("analyze", app.toString(), "-o", out.resolve("plan.yaml").toString()),
                0);
        run(out, "analyze-stdout-debug", List.of("analyze", app.toString(), "--debug"), 0);
        for (String format : List.of("text", "json", "sarif", "html")) {
            run(
                    out,
                    "check-" + format,
                    List.of(
                            "check",
                            app.toString(),
                            "--format",
                            format,
                            "--fail-on",
                            "none",
                            "-o",
                            out.resolve("report/compliance." + format).toString()),
                    0);
            run(
                    out,
                    "check-stdout-" + format,
                    List.of("check", app.toString(), "--format", format, "--fail-on", "none"),
                    0);
        }
        Analysis analysis = new Kubelift(Progress.SILENT).analyze(app, null, null);
        Files.writeString(out.resolve("facts.json"), PlanCodec.toJson(analysis.facts()));
        Files.writeString(out.resolve("plan-in-memory.yaml"), PlanCodec.toYaml(analysis.plan()));

        // every planted file is recognised as holding a secret, so the corpus tests what it claims
        // to
        Set<String> secretFiles =
                analysis.facts()
                        .of(FactKind.SECRET)
                        .map(f -> f.evidence().file())
                        .collect(Collectors.toCollection(TreeSet::new));
        Set<String> missed = new TreeSet<>();
        SecretCorpus.planted()
                .forEach(
                        p -> {
                            if (!secretFiles.contains(p.file())) {
                                missed.add(p.file());
                            }
                        });
        assertEquals(Set.of(), missed, "planted files the analyzer found no secret in");

        List<LeakScanner.Leak> leaks = scanner.scanTree(out, SECRET_ENV);
        System.out.println(
                "SecretSafetyTest: "
                        + SecretCorpus.planted().size()
                        + " secrets planted, "
                        + countFiles(out)
                        + " output files scanned, "
                        + leaks.size()
                        + " leaks");
        assertEquals(List.of(), leaks, "secret values outside secrets/*.env");
    }

    @Test
    void convertLeaksNothingOutsideSecretEnvFiles() throws Exception {
        Path app = SecretCorpus.copyApp(tmp.resolve("orders"));
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path conv = out.resolve("converted");
        run(out, "convert", List.of("convert", app.toString(), "-o", conv.toString()), 0);
        run(
                out,
                "convert-again-debug",
                List.of("convert", app.toString(), "-o", conv.toString(), "--debug"),
                0);
        long envFiles;
        try (var s = Files.walk(conv)) {
            envFiles = s.map(p -> conv.relativize(p).toString()).filter(SECRET_ENV).count();
        }
        assertTrue(envFiles > 0, "the secrets go to secrets/*.env files");
        List<LeakScanner.Leak> leaks =
                new LeakScanner(SecretCorpus.values()).scanTree(out, SECRET_ENV);
        System.out.println(
                "SecretSafetyTest (convert): "
                        + SecretCorpus.planted().size()
                        + " secrets planted, "
                        + countFiles(out)
                        + " output files scanned, "
                        + envFiles
                        + " secrets/*.env files, "
                        + leaks.size()
                        + " leaks");
        assertEquals(List.of(), leaks, "secret values outside secrets/*.env");
    }

    /** Runs the CLI in-process and keeps its stdout and stderr as files to scan. */
    static void run(Path out, String label, List<String> args, int expectedExit) throws Exception {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code;
        try (PrintStream po = new PrintStream(o, true, StandardCharsets.UTF_8);
                PrintStream pe = new PrintStream(e, true, StandardCharsets.UTF_8)) {
            code = new Main().run(args.toArray(String[]::new), po, pe);
        }
        Path console = Files.createDirectories(out.resolve("console"));
        Files.write(console.resolve(label + ".stdout"), o.toByteArray());
        Files.write(console.resolve(label + ".stderr"), e.toByteArray());
        assertEquals(expectedExit, code, label + ": " + e.toString(StandardCharsets.UTF_8));
        assertTrue(
                !e.toString(StandardCharsets.UTF_8).contains("\tat "), label + ": no stack trace");
    }

    static long countFiles(Path root) throws Exception {
        try (var s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).count();
        }
    }
}
