package io.kubelift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every exit code of the command, and that user errors are one line without a stack trace. */
class MainExitCodeTest {
    @TempDir Path tmp;

    record Run(int code, String out, String err) {
        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\n"));
        }
    }

    static Run run(Main main, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code =
                main.run(
                        args,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(
                code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--quiet");
        return run(new Main(), all.toArray(String[]::new));
    }

    static void assertOneLineNoTrace(Run r) {
        assertEquals(1, r.errLines().size(), "exactly one line on stderr: " + r.err);
        assertFalse(r.err.contains("\tat "), "no stack trace: " + r.err);
    }

    @Test
    void helpListsTheFiveSubcommandsAndExitsZero() {
        Run r = run("--help");
        assertEquals(Main.OK, r.code);
        for (String c : List.of("analyze", "generate", "check", "convert", "build")) {
            assertTrue(r.out.contains("\n  " + c + " "), c + " in " + r.out);
        }
    }

    @Test
    void versionExitsZero() {
        Run r = run("--version");
        assertEquals(Main.OK, r.code);
        assertTrue(r.out.startsWith("kubelift "), r.out);
    }

    @Test
    void commandHelpExitsZero() {
        Run r = run("check", "--help");
        assertEquals(Main.OK, r.code);
        assertTrue(r.out.contains("--fail-on"), r.out);
    }

    @Test
    void noArgumentsIsAUsageError() {
        assertEquals(Main.USAGE, run(new Main()).code);
    }

    @Test
    void unknownFlagIsAUsageError() {
        Run r = run("analyze", "--bogus", "x");
        assertEquals(Main.USAGE, r.code);
        assertOneLineNoTrace(r);
        assertTrue(r.err.contains("--bogus"), r.err);
    }

    @Test
    void unknownCommandIsAUsageError() {
        Run r = run("frobnicate");
        assertEquals(Main.USAGE, r.code);
        assertOneLineNoTrace(r);
    }

    @Test
    void missingOutputOptionIsAUsageError() {
        Run r = run("convert", tmp.toString());
        assertEquals(Main.USAGE, r.code);
        assertOneLineNoTrace(r);
    }

    @Test
    void badFailOnIsAUsageError() {
        Run r = run("check", tmp.toString(), "--fail-on", "sometimes");
        assertEquals(Main.USAGE, r.code);
        assertOneLineNoTrace(r);
    }

    @Test
    void missingInputIsBadInputWithOneLine() {
        Run r = run("convert", tmp.resolve("nope").toString(), "-o", tmp.resolve("out").toString());
        assertEquals(Main.BAD_INPUT, r.code);
        assertOneLineNoTrace(r);
        assertTrue(r.err.contains("nope: does not exist"), r.err);
    }

    @Test
    void unreadablePlanIsBadInputNamingLineAndColumn() throws Exception {
        Path plan = tmp.resolve("plan.yaml");
        Files.writeString(
                plan,
                "apiVersion: kubelift.io/v1alpha1\nkind: MigrationPlan\nmetadata: {name: x}\nspec:\n  source: {path: .}\n  bogus: 1\n");
        Run r = run("generate", plan.toString(), "-o", tmp.resolve("out").toString());
        assertEquals(Main.BAD_INPUT, r.code);
        assertOneLineNoTrace(r);
        assertTrue(r.err.contains("plan.yaml:6:3: unknown field 'bogus'"), r.err);
    }

    @Test
    void aBugIsAnInternalErrorWithoutTraceUnlessDebug() {
        Command broken =
                new Command() {
                    public String name() {
                        return "boom";
                    }

                    public String usage() {
                        return "";
                    }

                    public String summary() {
                        return "fails";
                    }

                    public Options options() {
                        return new Options();
                    }

                    public int run(CommandLine line, Console console) {
                        throw new IllegalStateException("kaput");
                    }
                };
        Run r = run(new Main(List.of(broken)), "boom");
        assertEquals(Main.INTERNAL, r.code);
        assertOneLineNoTrace(r);
        Run d = run(new Main(List.of(broken)), "boom", "--debug");
        assertEquals(Main.INTERNAL, d.code);
        assertTrue(d.err.contains("\tat "), "--debug shows the stack trace");
    }

    private Path privilegedDeployment() throws Exception {
        Path yaml = tmp.resolve("deploy.yaml");
        Files.writeString(
                yaml,
                String.join(
                        "\n",
                        "apiVersion: apps/v1",
                        "kind: Deployment",
                        "metadata: {name: web}",
                        "spec:",
                        "  selector: {matchLabels: {app: web}}",
                        "  template:",
                        "    metadata: {labels: {app: web}}",
                        "    spec:",
                        "      containers:",
                        "      - name: web",
                        "        image: nginx:latest",
                        "        securityContext: {privileged: true}",
                        ""));
        return yaml;
    }

    @Test
    void checkExitsOneWhenTheThresholdIsExceeded() throws Exception {
        Path yaml = privilegedDeployment();
        Run r = run("check", yaml.toString(), "--format", "json");
        assertEquals(Main.CHECK_FAILED, r.code, r.out + r.err);
        assertTrue(r.out.contains("\"findings\""), r.out);
        assertTrue(r.out.contains("\"file\" : \"deploy.yaml\""), r.out);
        Run lenient = run("check", yaml.toString(), "--fail-on", "none");
        assertEquals(Main.OK, lenient.code, lenient.err);
    }

    @Test
    void checkWritesTheReportToAFile() throws Exception {
        Path yaml = privilegedDeployment();
        Path report = tmp.resolve("reports/out.sarif");
        Run r =
                run(
                        "check",
                        yaml.toString(),
                        "--format",
                        "sarif",
                        "-o",
                        report.toString(),
                        "--fail-on",
                        "none");
        assertEquals(Main.OK, r.code, r.err);
        assertTrue(Files.readString(report).contains("\"version\" : \"2.1.0\""));
    }
}
