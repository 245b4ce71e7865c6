package io.kubelift.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.checker.rules.RuleFiles;
import io.kubelift.model.Facts;
import io.kubelift.model.Finding;
import io.kubelift.model.KubeliftException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Users add rules in Konveyor's format with --rules DIR; recall of the built-in rule families on
 * their cases.
 */
class RuleFilesTest {
    @TempDir Path dir;

    @Test
    void aKonveyorRuleFileRunsAsItIsAndUnsupportedConditionsAreSkippedByName() throws Exception {
        Files.writeString(dir.resolve("ruleset.yaml"), "name: my-cloud-rules\n");
        Files.writeString(
                dir.resolve("local-storage.yaml"),
                """
                - category: mandatory
                  description: File system - Java IO
                  effort: 1
                  labels:
                  - konveyor.io/source
                  - konveyor.io/target=cloud-readiness
                  - storage
                  links: []
                  message: An application running inside a container could lose access to a file in local storage.
                  ruleID: local-storage-00001
                  when:
                    java.referenced:
                      location: CONSTRUCTOR_CALL
                      pattern: java.io.(FileWriter|FileReader|PrintStream|File|PrintWriter|RandomAccessFile)*
                - ruleID: session-00000
                  category: mandatory
                  message: HTTP session replication (distributable web.xml)
                  labels: [konveyor.io/target=cloud-readiness, clustering]
                  when:
                    builtin.xml:
                      xpath: //*[local-name()='distributable']
                      filepaths: [web.xml]
                - ruleID: deps-00001
                  message: a dependency
                  when:
                    java.dependency: {name: junit.junit, upperbound: 4.12.2}
                """);
        RuleFiles.Loaded loaded = RuleFiles.load(dir);
        assertEquals(
                List.of("TF06-RULE-LOCAL-STORAGE-00001", "TF06-RULE-SESSION-00000"),
                loaded.checks().stream().map(c -> c.info().id()).toList());
        assertEquals(1, loaded.skipped().size());
        assertTrue(
                loaded.skipped().get(0).contains("deps-00001")
                        && loaded.skipped().get(0).contains("java.dependency"),
                loaded.skipped().toString());

        Map<String, String> app = new TreeMap<>();
        app.put(
                "src/main/java/a/Store.java",
                """
                package a;
                import java.io.*;
                class Store {
                    void save() throws IOException { new PrintWriter(new FileWriter("/var/data/x")).close(); }
                    void read(java.io.InputStream in) { }
                }
                """);
        app.put("src/main/webapp/WEB-INF/web.xml", "<web-app>\n  <distributable/>\n</web-app>\n");
        List<Check> checks = new ArrayList<>(DefaultChecks.all());
        checks.addAll(loaded.checks());
        Report r =
                new Checker(checks)
                        .check(
                                new CheckInput(
                                        "app",
                                        new MemoryAppFiles(app),
                                        new Facts(List.of(), List.of()),
                                        null,
                                        List.of()),
                                CheckOptions.defaults());
        List<Finding> storage =
                r.findings().stream()
                        .filter(f -> f.checkId().equals("TF06-RULE-LOCAL-STORAGE-00001"))
                        .toList();
        assertEquals(
                List.of("src/main/java/a/Store.java:4"),
                storage.stream().map(f -> f.file() + ":" + f.line()).toList());
        assertTrue(storage.get(0).message().contains("local-storage-00001"));
        assertTrue(
                r.findings().stream()
                        .anyMatch(
                                f ->
                                        f.checkId().equals("TF06-RULE-SESSION-00000")
                                                && f.file().endsWith("web.xml")
                                                && f.line() == 2),
                r.findings().toString());
    }

    @Test
    void badRuleFilesAreClearErrors() throws Exception {
        Files.writeString(
                dir.resolve("bad.yaml"),
                "- ruleID: x\n  when:\n    builtin.filecontent: {pattern: '(['}\n");
        KubeliftException e = assertThrows(KubeliftException.class, () -> RuleFiles.load(dir));
        assertTrue(
                e.getMessage().contains("bad.yaml")
                        && e.getMessage().contains("regular expression"),
                e.getMessage());
        Files.writeString(dir.resolve("bad.yaml"), "ruleID: x\n");
        assertTrue(
                assertThrows(KubeliftException.class, () -> RuleFiles.load(dir))
                        .getMessage()
                        .contains("not a list"));
        assertEquals(
                KubeliftException.Kind.USAGE,
                assertThrows(KubeliftException.class, () -> RuleFiles.load(dir.resolve("none")))
                        .kind());
    }

    /**
     * Recall per family on the written cases (each flagged line a real app would have), and no
     * finding on negatives.
     */
    @Test
    void recallPerFamilyOnTheCases() throws Exception {
        Map<String, String> families =
                new TreeMap<>(
                        Map.of(
                                "JAX-RPC/XML-RPC",
                                "TF04-RULE-XML-RPC",
                                "processes+JNA",
                                "TF02-RULE-SPAWNED-PROCESS",
                                "raw sockets/NIO channels",
                                "TF07-RULE-RAW-SOCKET",
                                "JCA adapters",
                                "TF04-RULE-JCA-RESOURCE-ADAPTER",
                                "distributable sessions",
                                "TF06-RULE-DISTRIBUTABLE-SESSION",
                                "embedded caches",
                                "TF06-RULE-EMBEDDED-CACHE",
                                "cloud credentials/keys",
                                "TF03-RULE-CLOUD-CREDENTIALS",
                                "JavaMail SMTP host",
                                "TF04-RULE-JAVAMAIL-FIXED-SMTP",
                                "file/socket log handlers",
                                "TF11-RULE-FILE-SOCKET-LOG-HANDLER",
                                "local file I/O",
                                "TF06-RULE-LOCAL-FILE-IO"));
        StringBuilder table =
                new StringBuilder("family | expected | found | recall | negative findings\n");
        for (Map.Entry<String, String> e : families.entrySet()) {
            Path pos = CheckCasesTest.CASES.resolve(e.getValue()).resolve("positive.app.txt");
            Path neg = CheckCasesTest.CASES.resolve(e.getValue()).resolve("negative.app.txt");
            var expected = CheckCasesTest.expectedPlaces(pos);
            var found =
                    CheckCasesTest.run(pos).stream()
                            .filter(f -> f.checkId().equals(e.getValue()))
                            .map(f -> f.file() + ":" + f.line())
                            .filter(expected::contains)
                            .distinct()
                            .count();
            long negatives =
                    CheckCasesTest.run(neg).stream()
                            .filter(f -> f.checkId().equals(e.getValue()))
                            .count();
            double recall = (double) found / expected.size();
            table.append(e.getKey())
                    .append(" | ")
                    .append(expected.size())
                    .append(" | ")
                    .append(found)
                    .append(" | ")
                    .append(String.format(java.util.Locale.ROOT, "%.2f", recall))
                    .append(" | ")
                    .append(negatives)
                    .append('\n');
            assertTrue(recall >= 0.9, e.getKey() + " recall " + recall);
            assertEquals(0, negatives, e.getKey() + " flags its negative case");
        }
        System.out.println(table);
    }
}
