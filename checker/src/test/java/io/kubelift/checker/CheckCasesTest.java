package io.kubelift.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.model.Facts;
import io.kubelift.model.Finding;
import io.kubelift.model.PlanCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every registered check on its own positive and negative case under {@code
 * src/test/resources/cases/ID/}. A positive case must produce findings of the check — for manifests
 * exactly on the lines marked {@code # expect}; a negative case must produce none. Cases are
 * written by {@code src/test/fixtures/make_cases.py}.
 */
class CheckCasesTest {
    static final Path CASES = Path.of("src/test/resources/cases");
    private final Checker checker = Checker.withDefaultChecks();

    @Test
    void everyCheckHasAPositiveAndANegativeCase() {
        for (CheckInfo c : checker.checks()) {
            assertEquals(
                    1,
                    files(c.id(), "positive").size(),
                    c.id() + " needs exactly one positive case in " + CASES);
            assertEquals(
                    1,
                    files(c.id(), "negative").size(),
                    c.id() + " needs exactly one negative case in " + CASES);
        }
    }

    @Test
    void thereAreAtLeastFortyChecksCoveringAllThreeSources() {
        assertTrue(checker.checks().size() >= 40, "only " + checker.checks().size() + " checks");
        for (CheckSource s : CheckSource.values()) {
            assertTrue(
                    checker.checks().stream().anyMatch(c -> c.source() == s),
                    "no check reads " + s);
        }
        for (Factor f : Factor.values()) {
            assertTrue(
                    checker.checks().stream().anyMatch(c -> c.factor() == f),
                    "no check for factor " + f);
        }
    }

    @TestFactory
    Stream<DynamicTest> positiveCasesAreFlagged() {
        return checker.checks().stream()
                .map(
                        c ->
                                DynamicTest.dynamicTest(
                                        c.id() + " positive",
                                        () -> {
                                            Path file = files(c.id(), "positive").get(0);
                                            List<Finding> own =
                                                    run(file).stream()
                                                            .filter(f -> f.checkId().equals(c.id()))
                                                            .toList();
                                            assertFalse(
                                                    own.isEmpty(),
                                                    c.id() + " found nothing in " + file);
                                            for (Finding f : own) {
                                                assertEquals(c.factor().numeral(), f.factor());
                                                assertEquals(c.severity(), f.severity());
                                            }
                                            if (file.toString().endsWith(".app.txt")) {
                                                assertEquals(
                                                        expectedPlaces(file),
                                                        new TreeSet<>(
                                                                own.stream()
                                                                        .map(
                                                                                f ->
                                                                                        f.file()
                                                                                                + ":"
                                                                                                + f
                                                                                                        .line())
                                                                        .toList()),
                                                        c.id()
                                                                + ": flagged places differ from the 'expect' marks in "
                                                                + file
                                                                + ": "
                                                                + own);
                                            }
                                            if (file.toString().endsWith(".k8s.yaml")) {
                                                assertEquals(
                                                        expectedLines(file),
                                                        new TreeSet<>(
                                                                own.stream()
                                                                        .map(Finding::line)
                                                                        .toList()),
                                                        c.id()
                                                                + ": flagged lines differ from the '# expect' marks in "
                                                                + file
                                                                + ": "
                                                                + own);
                                            }
                                        }));
    }

    @TestFactory
    Stream<DynamicTest> negativeCasesAreClean() {
        return checker.checks().stream()
                .map(
                        c ->
                                DynamicTest.dynamicTest(
                                        c.id() + " negative",
                                        () -> {
                                            Path file = files(c.id(), "negative").get(0);
                                            List<Finding> own =
                                                    run(file).stream()
                                                            .filter(f -> f.checkId().equals(c.id()))
                                                            .toList();
                                            assertEquals(
                                                    List.of(),
                                                    own,
                                                    c.id() + " flagged its negative case " + file);
                                        }));
    }

    static List<Finding> run(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String name = file.getFileName().toString();
        CheckInput input;
        if (name.endsWith(".k8s.yaml")) {
            input = CheckInput.ofManifests("case", List.of(new ManifestSource(name, text)));
        } else if (name.endsWith(".facts.yaml")) {
            input =
                    new CheckInput(
                            "case",
                            null,
                            PlanCodec.read(text, name, false, Facts.class),
                            null,
                            List.of());
        } else if (name.endsWith(".app.txt")) {
            input =
                    new CheckInput(
                            "case",
                            new MemoryAppFiles(appFiles(text)),
                            new Facts(List.of(), List.of()),
                            null,
                            List.of());
        } else if (name.endsWith(".files.txt")) {
            input =
                    new CheckInput(
                            "case",
                            new MemoryAppFiles(text.lines().toList()),
                            new Facts(List.of(), List.of()),
                            null,
                            List.of());
        } else {
            input =
                    new CheckInput(
                            "case", null, null, PlanCodec.read(text, name, false), List.of());
        }
        return Checker.withDefaultChecks().check(input, CheckOptions.defaults()).findings();
    }

    private static final java.util.regex.Pattern HEADER =
            java.util.regex.Pattern.compile("^=== (\\S+) ===(?: expect( [0-9,]+)?)?$");

    /** An app as one text: each file starts with a line {@code === path ===}. */
    static java.util.Map<String, String> appFiles(String text) {
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        String current = null;
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            java.util.regex.Matcher m = HEADER.matcher(line);
            if (m.matches()) {
                if (current != null) {
                    files.put(current, sb.toString());
                }
                current = m.group(1);
                sb.setLength(0);
            } else if (current != null) {
                sb.append(line).append('\n');
            }
        }
        if (current != null) {
            files.put(current, sb.toString());
        }
        return files;
    }

    /**
     * {@code file:line} of every Java line marked {@code // expect}, and of the lines a file header
     * lists ({@code === conf/a.properties === expect 2,5}; {@code expect} alone: the file itself,
     * line 0).
     */
    static Set<String> expectedPlaces(Path file) throws IOException {
        Set<String> out = new TreeSet<>();
        String current = null;
        int line = 0;
        for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            java.util.regex.Matcher m = HEADER.matcher(l);
            if (m.matches()) {
                current = m.group(1);
                line = 0;
                if (l.contains(" expect")) {
                    if (m.group(2) == null) {
                        out.add(current + ":0");
                    } else {
                        for (String n : m.group(2).strip().split(",")) {
                            out.add(current + ":" + n);
                        }
                    }
                }
                continue;
            }
            line++;
            if (l.matches(".*// expect\\b.*")) {
                out.add(current + ":" + line);
            }
        }
        return out;
    }

    static Set<Integer> expectedLines(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Set<Integer> out = new TreeSet<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("# expect")) {
                out.add(i + 1);
            }
        }
        return out;
    }

    static List<Path> files(String id, String prefix) {
        Path dir = CASES.resolve(id);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(
                    s.filter(p -> p.getFileName().toString().startsWith(prefix + "."))
                            .sorted()
                            .toList());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
