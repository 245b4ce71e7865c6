package io.kubelift.checker.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.kubelift.model.AppFiles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The rule engine's Java index: built once per app, each file tokenised once. */
class JavaIndexTest {
    private static AppFiles app(Map<String, String> files) {
        Map<String, String> sorted = new TreeMap<>(files);
        return new AppFiles() {
            @Override
            public Optional<byte[]> read(String path) {
                return Optional.ofNullable(sorted.get(path))
                        .map(s -> s.getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public List<String> list() {
                return List.copyOf(sorted.keySet());
            }

            @Override
            public String displayName() {
                return "test";
            }
        };
    }

    /** What one regex search per name finds: the reference the one-walk table must agree with. */
    private static String firstDeclaration(String code, String name) {
        Matcher m =
                Pattern.compile(
                                "\\b([A-Z][\\w.]*)(?:<[^;=()]*>)?\\s+"
                                        + Pattern.quote(name)
                                        + "\\s*[=;:,)]")
                        .matcher(code);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void theDeclarationTableAgreesWithASearchPerName() {
        String code =
                """
                class A {
                    private Map<String, List<Foo>> byName = new HashMap<>();
                    Runtime rt;
                    void run(ProcessBuilder pb, int n) {
                        java.io.File f = new java.io.File(x);
                        for (Socket s : sockets) { }
                        Foo<Bar<Baz>> deep, other;
                        Runtime rt = null;
                        rt.exec(cmd); pb.start(); f.delete(); notDeclared.call();
                    }
                }
                """;
        Map<String, String> table = JavaIndex.declarations(code);
        for (String name :
                List.of("byName", "rt", "pb", "n", "f", "s", "deep", "other", "notDeclared", "x")) {
            assertEquals(firstDeclaration(code, name), table.get(name), name);
        }
        assertEquals("Runtime", table.get("rt"));
        assertEquals(
                "File", table.get("f")); // the type starts at its first capital, as the search does
    }

    @Test
    void aMethodCallOnADeclaredVariableResolvesThroughTheTable() {
        AppFiles app =
                app(
                        Map.of(
                                "src/a/Run.java",
                                """
                                package a;
                                import java.lang.ProcessBuilder;
                                class Run {
                                    void go(Runtime rt, ProcessBuilder pb) {
                                        rt.exec("ls");
                                        pb.start();
                                        Runtime.getRuntime().exec("x");
                                    }
                                }
                                """));
        JavaIndex index = JavaIndex.of(app);
        assertEquals(
                List.of(5, 7),
                index.find(JavaIndex.pattern("java.lang.Runtime.exec"), "METHOD_CALL").stream()
                        .map(Condition.Match::line)
                        .toList());
        assertEquals(
                List.of(6),
                index
                        .find(JavaIndex.pattern("java.lang.ProcessBuilder.start"), "METHOD_CALL")
                        .stream()
                        .map(Condition.Match::line)
                        .toList());
    }

    @Test
    void everyRuleOfOneRunSharesTheIndexOfItsApp() {
        AppFiles one = app(Map.of("A.java", "class A { }"));
        AppFiles two = app(Map.of("B.java", "class B { }"));
        assertSame(JavaIndex.of(one), JavaIndex.of(one));
        assertNotSame(JavaIndex.of(one), JavaIndex.of(two));
    }
}
