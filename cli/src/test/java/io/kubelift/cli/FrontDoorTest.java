package io.kubelift.cli;

import static io.kubelift.cli.MainExitCodeTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.cli.MainExitCodeTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.cli.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line conventions users bring from other tools (issue #19). */
class FrontDoorTest {
    static final Path APP = Path.of("../analyzer/src/test/resources/fixtures/plain-java");

    @TempDir Path tmp;

    private static Main main(Map<String, String> env, boolean terminal) {
        return new Main(new Main().commands(), env, terminal);
    }

    @Test
    void aMistypedCommandSuggestsTheClosest() {
        Run r = run("conver", "x");
        assertEquals(Main.USAGE, r.code());
        assertTrue(r.err().contains("unknown command 'conver' — did you mean 'convert'?"), r.err());
    }

    @Test
    void aMistypedOrShortenedOptionSuggestsTheClosestNotCommonsCliWording() {
        Run r = run("convert", APP.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(Main.USAGE, r.code());
        assertFalse(r.err().contains("Unrecognized option"), r.err());
        assertTrue(
                r.err().contains("unknown option '--out' for 'convert' — did you mean '--output'?"),
                r.err());
        Run typo = run("check", APP.toString(), "--fail-onn", "none");
        assertTrue(typo.err().contains("did you mean '--fail-on'?"), typo.err());
        Run shortFlag = run("check", APP.toString(), "-f", "json");
        assertEquals(Main.USAGE, shortFlag.code());
        assertFalse(
                shortFlag.err().contains("did you mean '-o'"),
                "no spelling match for one letter: " + shortFlag.err());
        assertTrue(
                Suggest.closest("-m", List.of("--manifests", "--format", "-o"))
                        .orElseThrow()
                        .equals("--manifests"));
        Run missing = run("convert", APP.toString(), "-o");
        assertEquals(Main.USAGE, missing.code());
        assertTrue(missing.err().contains("option --output needs a value (DIR)"), missing.err());
    }

    @Test
    void versionHasShortAndLongForms() {
        for (String v : List.of("--version", "-V")) {
            Run r = run(new Main(), v);
            assertEquals(Main.OK, r.code());
            assertTrue(r.out().matches("kubelift \\S+\\n"), r.out());
        }
    }

    @Test
    void verboseQuietAndLogLevelSetHowMuchGoesToStderr() {
        Path plan = tmp.resolve("p.yaml");
        Run normal = run(new Main(), "analyze", APP.toString(), "-o", plan.toString(), "--force");
        assertTrue(normal.err().contains("kubelift: analysing"), normal.err());
        assertFalse(normal.err().contains("finished in"), normal.err());
        Run verbose =
                run(new Main(), "analyze", APP.toString(), "-o", plan.toString(), "-v", "--force");
        assertEquals(Main.OK, verbose.code(), verbose.err());
        assertTrue(verbose.err().contains("analyze finished in "), verbose.err());
        assertFalse(
                verbose.err().startsWith("kubelift: (previous step"),
                "no timing before the first step: " + verbose.err());
        Run quiet =
                run(new Main(), "-q", "analyze", APP.toString(), "-o", plan.toString(), "--force");
        assertEquals("", quiet.err());
        Run level =
                run(
                        new Main(),
                        "--log-level",
                        "warn",
                        "analyze",
                        APP.toString(),
                        "-o",
                        plan.toString(),
                        "--force");
        assertEquals("", level.err());
        Run debug =
                run(
                        new Main(),
                        "--log-level=debug",
                        "analyze",
                        APP.toString(),
                        "-o",
                        plan.toString(),
                        "--force");
        assertTrue(debug.err().contains("finished in"), debug.err());
        Run bad = run(new Main(), "--log-level", "loud", "analyze", APP.toString());
        assertEquals(Main.USAGE, bad.code());
    }

    @Test
    void logFormatJsonWritesOneJsonObjectPerStderrLine() throws Exception {
        Run r =
                run(
                        new Main(),
                        "--log-format",
                        "json",
                        "convert",
                        tmp.resolve("missing").toString(),
                        "-o",
                        tmp.resolve("o").toString());
        assertEquals(Main.BAD_INPUT, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        var node = io.kubelift.model.PlanCodec.json().readTree(r.err());
        assertEquals("error", node.get("level").asText());
        assertTrue(node.get("message").asText().contains("does not exist"), r.err());
        Run ok =
                run(
                        new Main(),
                        "--log-format",
                        "json",
                        "analyze",
                        APP.toString(),
                        "-o",
                        tmp.resolve("p.yaml").toString());
        for (String line : ok.errLines()) {
            assertEquals(
                    "info",
                    io.kubelift.model.PlanCodec.json().readTree(line).get("level").asText(),
                    line);
        }
    }

    @Test
    void colourOnlyOnATerminalAndNeverWithNoColor() {
        String[] args = {"conver"};
        Run terminal = run(main(Map.of("TERM", "xterm"), true), args);
        assertTrue(terminal.err().contains("\u001b["), "colour on a terminal: " + terminal.err());
        Run pipe = run(main(Map.of("TERM", "xterm"), false), args);
        assertFalse(pipe.err().contains("\u001b"), pipe.err());
        Run noColor = run(main(Map.of("TERM", "xterm", "NO_COLOR", "1"), true), args);
        assertFalse(noColor.err().contains("\u001b"), noColor.err());
        Run flag = run(main(Map.of("TERM", "xterm"), true), "conver", "--no-color");
        assertFalse(flag.err().contains("\u001b"), flag.err());
    }

    @Test
    void eachShortFlagHasOneMeaningAcrossCommandsAndNoneShadowsAGlobalOne() {
        Map<String, String> meaning = new HashMap<>();
        for (Option g : GlobalOptions.definitions().getOptions()) {
            if (g.getOpt() != null) {
                meaning.put(g.getOpt(), g.getLongOpt());
            }
        }
        for (Command c : new Main().commands()) {
            for (Option o : c.options().getOptions()) {
                if (o.getOpt() == null) {
                    continue;
                }
                String before = meaning.putIfAbsent(o.getOpt(), o.getLongOpt());
                assertTrue(
                        before == null || before.equals(o.getLongOpt()),
                        "-"
                                + o.getOpt()
                                + " is --"
                                + before
                                + " elsewhere but --"
                                + o.getLongOpt()
                                + " in "
                                + c.name());
            }
        }
        assertEquals("force", meaning.get("f"));
    }

    @Test
    void helpCommandShowsACommandsOptionsAndSuggestsOnATypo() {
        Run r = run(new Main(), "help", "convert");
        assertEquals(Main.OK, r.code());
        assertTrue(r.out().contains("kubelift convert") && r.out().contains("--output"), r.out());
        Run typo = run(new Main(), "help", "generat");
        assertEquals(Main.USAGE, typo.code());
        assertTrue(typo.err().contains("did you mean 'generate'?"), typo.err());
        Run plain = run(new Main(), "help");
        assertEquals(Main.OK, plain.code());
        assertTrue(plain.out().contains("--log-format"), plain.out());
    }

    @Test
    void bashCompletionIsGeneratedFromTheCommandDefinitionsAndWorks() throws Exception {
        Run r = run(new Main(), "completion", "bash");
        assertEquals(Main.OK, r.code(), r.err());
        for (Command c : new Main().commands()) {
            assertTrue(r.out().contains(c.name() + ")"), c.name());
            for (Option o : c.options().getOptions()) {
                if (o.getLongOpt() != null) {
                    assertTrue(
                            r.out().contains("--" + o.getLongOpt()),
                            c.name() + " --" + o.getLongOpt());
                }
            }
        }
        Path script = tmp.resolve("kubelift.bash");
        Files.writeString(script, r.out());
        assertEquals("convert", complete(script, "kubelift conv"));
        assertEquals("--output", complete(script, "kubelift convert app --outp"));
        assertEquals("--format", complete(script, "kubelift check app --form"));
        assertEquals("json", complete(script, "kubelift --log-format js"));
    }

    /** Runs bash's completion function for a command line and returns the candidates. */
    private static String complete(Path script, String line)
            throws IOException, InterruptedException {
        String words = line.endsWith(" ") ? line + "''" : line;
        String cmd =
                "source "
                        + script
                        + "; COMP_WORDS=("
                        + words
                        + "); COMP_CWORD=$((${#COMP_WORDS[@]}-1)); _kubelift; "
                        + "printf '%s\\n' \"${COMPREPLY[@]}\"";
        Process p = new ProcessBuilder("bash", "-c", cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test
    void zshCompletionDescribesEveryCommandAndOption() throws Exception {
        Run r = run(new Main(), "completion", "zsh");
        assertEquals(Main.OK, r.code(), r.err());
        assertTrue(r.out().startsWith("#compdef kubelift\n"), r.out());
        for (Command c : new Main().commands()) {
            assertTrue(r.out().contains("'" + c.name() + ":"), c.name());
            for (Option o : c.options().getOptions()) {
                if (o.getLongOpt() != null) {
                    assertTrue(
                            r.out().contains("--" + o.getLongOpt()),
                            c.name() + " --" + o.getLongOpt());
                }
            }
        }
        Path zsh =
                Stream.of("/usr/bin/zsh", "/bin/zsh")
                        .map(Path::of)
                        .filter(Files::isExecutable)
                        .findFirst()
                        .orElse(null);
        if (zsh != null) {
            Path script = tmp.resolve("_kubelift");
            Files.writeString(script, r.out());
            Process p =
                    new ProcessBuilder(zsh.toString(), "-n", script.toString())
                            .redirectErrorStream(true)
                            .start();
            assertEquals(0, p.waitFor(), new String(p.getInputStream().readAllBytes()));
        }
        assertEquals(Main.USAGE, run(new Main(), "completion", "fish").code());
    }

    @Test
    void anOutputThatIsAFileFailsBeforeAnyAnalysis() throws Exception {
        Path file = Files.writeString(tmp.resolve("some-file"), "x");
        Run r = run(new Main(), "convert", APP.toString(), "-o", file.toString());
        assertEquals(Main.BAD_INPUT, r.code());
        assertTrue(r.err().contains("some-file: exists and is not a directory"), r.err());
        assertFalse(r.err().contains("analysing"), "no work before the check: " + r.err());
        Path foreign = Files.createDirectories(tmp.resolve("foreign"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        Run g = run(new Main(), "convert", APP.toString(), "-o", foreign.toString());
        assertTrue(
                g.err().contains("exists and was not written by kubelift")
                        && !g.err().contains("analysing"),
                g.err());
        Run a = run(new Main(), "analyze", APP.toString(), "-o", tmp.toString());
        assertEquals(Main.BAD_INPUT, a.code());
        assertTrue(a.err().contains("is a directory") && !a.err().contains("analysing"), a.err());
    }

    @Test
    void aBadPlanNameIsRejectedNotSilentlyChanged() {
        Run before =
                run(
                        new Main(),
                        "convert",
                        APP.toString(),
                        "-n",
                        "Bad Name!",
                        "-o",
                        tmp.resolve("o").toString());
        assertEquals(Main.USAGE, before.code());
        assertFalse(
                before.err().contains("analysing"), "rejected before any work: " + before.err());
        Run r = run("analyze", APP.toString(), "-n", "Bad Name!");
        assertEquals(Main.USAGE, r.code());
        assertTrue(
                r.err().contains("'Bad Name!' is not a valid Kubernetes name")
                        && r.err().contains("try 'bad-name'"),
                r.err());
    }

    @Test
    void analyzeProtectsAnEditedPlanAndGenerateAcceptsTheDirectoryAnalyzeWrote() throws Exception {
        Path mig = tmp.resolve("mig");
        Path plan = mig.resolve("plan.yaml");
        assertEquals(Main.OK, run("analyze", APP.toString(), "-o", plan.toString()).code());
        assertEquals(
                Main.OK,
                run("analyze", APP.toString(), "-o", plan.toString()).code(),
                "an unedited plan is rewritten");
        Run g = run("generate", plan.toString(), "-o", mig.toString());
        assertEquals(Main.OK, g.code(), g.err());
        assertTrue(Files.isDirectory(mig.resolve("k8s")));
        Files.writeString(plan, Files.readString(plan).replace("replicas: 1", "replicas: 3"));
        Run again = run("analyze", APP.toString(), "-o", plan.toString());
        assertEquals(Main.BAD_INPUT, again.code());
        assertTrue(
                again.err().contains("plan.yaml: was edited after kubelift wrote it")
                        && again.err().contains("--merge"),
                again.err());
        assertTrue(Files.readString(plan).contains("replicas: 3"), "the edit is kept");
        Path foreign = Files.writeString(tmp.resolve("mine.yaml"), "# my notes\n");
        assertEquals(
                Main.BAD_INPUT, run("analyze", APP.toString(), "-o", foreign.toString()).code());
        assertEquals(
                Main.OK,
                run("analyze", APP.toString(), "-o", foreign.toString(), "--force").code());
    }

    @Test
    void roundTripAnalyzeEditGenerateMergeKeepsThePersonsEdits() throws Exception {
        Path mig = tmp.resolve("mig");
        Path plan = mig.resolve("plan.yaml");
        assertEquals(Main.OK, run("analyze", APP.toString(), "-o", plan.toString()).code());
        String text = Files.readString(plan);
        assertTrue(text.contains("replicas: 1"), text);
        Files.writeString(plan, text.replace("replicas: 1", "replicas: 3"));
        assertEquals(Main.OK, run("generate", plan.toString(), "-o", mig.toString()).code());
        Run merge = run("analyze", APP.toString(), "-o", plan.toString(), "--merge");
        assertEquals(Main.OK, merge.code(), merge.err());
        String merged = Files.readString(plan);
        assertTrue(merged.contains("replicas: 3"), merged);
        assertFalse(merged.contains("replicas: 1"), merged);
        // generate after the merge still accepts the directory and keeps the plan
        assertEquals(Main.OK, run("generate", plan.toString(), "-o", mig.toString()).code());
        assertTrue(Files.readString(plan).contains("replicas: 3"));
    }

    @Test
    void convertIntoADirectoryInsideTheAppDoesNotAnalyseItsOwnEarlierOutput() throws Exception {
        Path app = tmp.resolve("app");
        copy(APP, app);
        Run first = run("convert", app.toString(), "-o", app.resolve("out").toString());
        assertEquals(Main.OK, first.code(), first.err());
        Run second = run("convert", app.toString(), "-o", app.resolve("out").toString());
        assertEquals(Main.OK, second.code(), second.err());
        assertEquals(factsLine(first.out()), factsLine(second.out()));
        assertEquals(findingsLine(first.out()), findingsLine(second.out()));
    }

    private static String factsLine(String out) {
        return out.lines().filter(l -> l.contains(" facts, ")).findFirst().orElseThrow();
    }

    private static String findingsLine(String out) {
        return out.lines().filter(l -> l.contains(" finding(s) ")).findFirst().orElseThrow();
    }

    @Test
    void ciAndGitopsOptionsWriteThePipelineAndTheApplicationsAndRefuseWhatCannotWork()
            throws Exception {
        Path mig = tmp.resolve("mig");
        Path plan = mig.resolve("plan.yaml");
        assertEquals(Main.OK, run("analyze", APP.toString(), "-o", plan.toString()).code());
        Run g =
                run(
                        "generate",
                        plan.toString(),
                        "-o",
                        mig.toString(),
                        "--ci",
                        "tekton",
                        "--secrets",
                        "external-secrets",
                        "--gitops",
                        "argocd",
                        "--gitops-repo",
                        "https://git.example.com/team/app.git",
                        "--repo-dir",
                        "deploy/app");
        assertEquals(Main.OK, g.code(), g.err());
        try (Stream<Path> s = Files.list(mig.resolve(".tekton"))) {
            assertEquals(1, s.count(), "one Tekton pipeline");
        }
        try (Stream<Path> s = Files.list(mig.resolve("argocd"))) {
            List<String> apps = s.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(3, apps.size(), apps.toString());
            assertTrue(
                    Files.readString(mig.resolve("argocd").resolve(apps.get(0)))
                            .contains("path: deploy/app/k8s/overlays/"),
                    apps.get(0));
        }
        Run noRepo = run("generate", plan.toString(), "-o", mig.toString(), "--gitops", "argocd");
        assertEquals(Main.USAGE, noRepo.code());
        assertTrue(noRepo.err().contains("--gitops-repo"), noRepo.err());
        Path converted = tmp.resolve("converted");
        Run c = run("convert", APP.toString(), "-o", converted.toString(), "--ci", "gitlab");
        assertEquals(Main.OK, c.code(), c.err());
        assertTrue(Files.isRegularFile(converted.resolve(".gitlab-ci.yml")), "convert takes --ci");
        Run badCi = run("generate", plan.toString(), "-o", mig.toString(), "--ci", "jenkins");
        assertEquals(Main.USAGE, badCi.code());
        assertTrue(badCi.err().contains("github, tekton, gitlab"), badCi.err());
    }

    static void copy(Path from, Path to) throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> s = Files.walk(from)) {
            s.forEach(all::add);
        }
        for (Path p : all) {
            Path t = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p)) {
                Files.createDirectories(t);
            } else {
                Files.copy(p, t);
            }
        }
    }
}
