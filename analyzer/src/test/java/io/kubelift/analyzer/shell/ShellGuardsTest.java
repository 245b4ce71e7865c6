package io.kubelift.analyzer.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Simple shell guards are evaluated, so an earlier assignment wins over a later fallback (the Kafka
 * heap case).
 */
class ShellGuardsTest {
    /**
     * Runs {@code main.sh} (which may call {@code lib.sh}) and returns the JVM options of its first
     * launch.
     */
    static List<String> jvmOptions(String main, String lib) {
        Map<String, List<ShellNode>> scripts = new java.util.HashMap<>();
        scripts.put("bin/main.sh", ShellParser.parse(ShellLexer.lines(main.lines().toList())));
        if (lib != null) {
            scripts.put("bin/lib.sh", ShellParser.parse(ShellLexer.lines(lib.lines().toList())));
        }
        ShellInterpreter i =
                new ShellInterpreter(
                        p -> Optional.ofNullable(scripts.get(p)),
                        p ->
                                scripts.keySet().stream()
                                        .filter(k -> p.endsWith(k.substring(4)))
                                        .findFirst());
        List<ShellLaunch> l = i.run("bin/main.sh");
        return l.isEmpty() ? List.of() : l.get(0).command().jvmOptions();
    }

    static List<String> heap(String script) {
        return jvmOptions(script, null).stream().filter(o -> o.startsWith("-Xm")).toList();
    }

    @Test
    void ifZGuardKeepsEarlierAssignment() {
        assertEquals(
                List.of("-Xmx1G"),
                heap(
                        """
                HEAP="-Xmx1G"
                if [ -z "$HEAP" ]; then
                  HEAP="-Xmx256M"
                fi
                exec java $HEAP com.acme.Main
                """));
    }

    @Test
    void ifZGuardSetsFallbackWhenUnset() {
        assertEquals(
                List.of("-Xmx256M"),
                heap(
                        """
                if [ -z "$HEAP" ]; then HEAP="-Xmx256M"; fi
                exec java $HEAP com.acme.Main
                """));
    }

    @Test
    void andOrGuards() {
        assertEquals(
                List.of("-Xmx1G"),
                heap(
                        """
                HEAP=-Xmx1G
                [ -z "${HEAP}" ] && HEAP=-Xmx256M
                [ -n "$HEAP" ] || HEAP=-Xmx128M
                exec java $HEAP com.acme.Main
                """));
        assertEquals(
                List.of("-Xmx128M"),
                heap(
                        """
                [ -n "$HEAP" ] || HEAP=-Xmx128M
                exec java $HEAP com.acme.Main
                """));
    }

    @Test
    void xPrefixComparisonAndElse() {
        assertEquals(
                List.of("-Xmx2g"),
                heap(
                        """
                HEAP=-Xmx2g
                if [ "x$HEAP" = "x" ]; then
                  HEAP=-Xmx512m
                else
                  echo keeping
                fi
                exec java $HEAP com.acme.Main
                """));
        assertEquals(
                List.of("-Xmx512m"),
                heap(
                        """
                if [ "x$HEAP" != "x" ]; then
                  echo keeping
                elif [ "$MODE" = "small" ]; then
                  HEAP=-Xmx64m
                else
                  HEAP=-Xmx512m
                fi
                exec java $HEAP com.acme.Main
                """));
    }

    @Test
    void defaultExpansion() {
        assertEquals(
                List.of("-Xmx3g"),
                heap(
                        """
                HEAP_SIZE=3g
                exec java -Xmx${HEAP_SIZE:-1g} com.acme.Main
                """));
    }

    @Test
    void calleeFallbackDoesNotOverrideCallersValue() {
        String lib =
                """
                if [ "x$HEAP" = "x" ]; then
                  HEAP="-Xmx256M"
                fi
                exec java $HEAP "$@"
                """;
        assertEquals(
                List.of("-Xmx1G", "-Xms1G"),
                jvmOptions(
                        """
                if [ "x$HEAP" = "x" ]; then
                  export HEAP="-Xmx1G -Xms1G"
                fi
                exec $(dirname $0)/lib.sh com.acme.Main "$@"
                """,
                        lib));
    }

    @Test
    void undecidableConditionsStillRunTheirBody() {
        assertEquals(
                List.of("-Xmx1g"),
                heap(
                        """
                if [ -f /etc/default/app ]; then HEAP=-Xmx1g; fi
                if [ $# -lt 1 ]; then echo usage; exit 1; fi
                exec java $HEAP com.acme.Main
                """));
    }

    @Test
    void valuesFromTheCommandLineOrCommandOutputAreNotDecided() {
        assertEquals(
                List.of("-Xmx2g"),
                heap(
                        """
                COMMAND=$1
                if [ "$COMMAND" = "historyserver" ]; then
                  HEAP=-Xmx2g
                fi
                HOME_DIR=`cd "$bin/.."; pwd`
                [ -z "$HOME_DIR" ] && exit 1
                exec java $HEAP com.acme.Main
                """));
    }

    @Test
    void scriptDirectoryIdiomsGiveAppRelativePaths() {
        Map<String, List<ShellNode>> scripts =
                Map.of(
                        "bin/run.sh",
                        ShellParser.parse(
                                ShellLexer.lines(
                                        List.of(
                                                "HOME_DIR=$(cd -P -- \"$(dirname -- \"${BASH_SOURCE[0]}\")/..\" >/dev/null && pwd -P)",
                                                "base=`dirname $0`",
                                                "exec java -cp \"$HOME_DIR/conf:$base/../lib/*\" com.acme.Main"))));
        ShellInterpreter i =
                new ShellInterpreter(
                        p -> Optional.ofNullable(scripts.get(p)), p -> Optional.empty());
        assertEquals(
                List.of("./conf", "bin/../lib/*"),
                i.run("bin/run.sh").get(0).command().classpath());
        assertEquals("lib", Expander.normalize("bin/../lib"));
        assertEquals(".", Expander.normalize("bin/.."));
    }

    @Test
    void evaluator() {
        Map<String, ShellVar> env = Map.of("A", new ShellVar("x", "f", 1, "A=x", List.of()));
        assertEquals(Optional.of(true), ShellTest.evaluate("[ -n \"$A\" ]", env, List.of()));
        assertEquals(Optional.of(false), ShellTest.evaluate("! [ -n \"$A\" ]", env, List.of()));
        assertEquals(Optional.of(true), ShellTest.evaluate("[[ -z ${B} ]]", env, List.of()));
        assertEquals(Optional.of(true), ShellTest.evaluate("test \"$A\" = x", env, List.of()));
        assertEquals(Optional.empty(), ShellTest.evaluate("[ -d \"$A\" ]", env, List.of()));
        assertEquals(Optional.empty(), ShellTest.evaluate("[ \"$1\" = -daemon ]", env, List.of()));
        assertEquals(
                Optional.empty(), ShellTest.evaluate("[ -z \"$(which java)\" ]", env, List.of()));
        assertEquals(Optional.empty(), ShellTest.evaluate("[[ $A == x* ]]", env, List.of()));
        assertEquals(Optional.empty(), ShellTest.evaluate(null, env, List.of()));
    }
}
