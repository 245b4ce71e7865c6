package io.kubelift.analyzer.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Launch scripts of the shapes real installs use: functions, case dispatch, eval, exec, nohup,
 * wrapper variables.
 */
class LaunchShapesTest {
    static List<ShellLaunch> run(String entry, Map<String, String> files) {
        Map<String, List<ShellNode>> scripts = new TreeMap<>();
        files.forEach(
                (p, text) ->
                        scripts.put(p, ShellParser.parse(ShellLexer.lines(text.lines().toList()))));
        ShellInterpreter i =
                new ShellInterpreter(
                        p -> Optional.ofNullable(scripts.get(p)),
                        p ->
                                scripts.keySet().stream()
                                        .filter(
                                                k ->
                                                        p.endsWith(
                                                                k.substring(
                                                                        k.lastIndexOf('/') + 1)))
                                        .findFirst());
        return i.run(entry);
    }

    static List<ShellLaunch> run(String script) {
        return run("bin/app", Map.of("bin/app", script));
    }

    @Test
    void launchInsideAFunctionCalledAtTheEnd() {
        // the Karaf shape: everything happens in functions, the script ends with main "$@"
        List<ShellLaunch> l =
                run(
                        """
                #!/bin/sh
                setupClasspath() {
                    CLASSPATH="$HOME_DIR/lib/boot/a.jar"
                }
                run() {
                    exec "$JAVA" -Xmx512m -classpath "$CLASSPATH" org.acme.server.Main "$@"
                }
                main() {
                    HOME_DIR=/opt/app
                    JAVA=java
                    setupClasspath
                    run "$@"
                }
                main "$@"
                """);
        assertEquals(1, l.size());
        assertEquals("org.acme.server.Main", l.get(0).command().mainClass());
        assertEquals(List.of("/opt/app/lib/boot/a.jar"), l.get(0).command().classpath());
    }

    @Test
    void aFunctionNeverCalledLaunchesNothing() {
        assertEquals(
                List.of(),
                run(
                        """
                unused() {
                    java org.acme.Unused
                }
                echo done
                """));
    }

    @Test
    void functionArgumentsArePositionalParameters() {
        List<ShellLaunch> l =
                run(
                        """
                start() {
                    java -cp lib/app.jar "$1" --port "$2"
                }
                start org.acme.Server 8080
                """);
        assertEquals("org.acme.Server", l.get(0).command().mainClass());
        assertEquals(List.of("--port", "8080"), l.get(0).command().args());
    }

    @Test
    void recursiveFunctionsEnd() {
        List<ShellLaunch> l =
                run(
                        """
                loop() {
                    loop
                    java org.acme.Main
                }
                loop
                """);
        assertEquals(1, l.size());
    }

    @Test
    void aVariableHoldingExecOrNothingIsAPrefix() {
        for (String setup : List.of("", "KARAF_EXEC=exec", "RUNNER=\"nohup\"")) {
            List<ShellLaunch> l =
                    run(
                            setup
                                    + "\nJAVA=java\n${KARAF_EXEC} \"${JAVA}\" -cp lib/x.jar org.acme.Main run\n$RUNNER $JAVA org.acme.Other\n");
            assertEquals(
                    List.of("org.acme.Main", "org.acme.Other"),
                    l.stream().map(x -> x.command().mainClass()).toList(),
                    setup);
        }
    }

    @Test
    void anUnsetJavaVariableIsNotAPrefix() {
        // "$JAVACMD" unset: still the java word, not a prefix to strip (Artemis' bin/artemis)
        List<ShellLaunch> l = run("exec \"$JAVACMD\" -Dx=1 org.apache.acme.boot.Broker \"$@\"\n");
        assertEquals("org.apache.acme.boot.Broker", l.get(0).command().mainClass());
    }

    @Test
    void caseDispatchInsideAFunction() {
        List<ShellLaunch> l =
                run(
                        """
                dispatch() {
                    case "$1" in
                      broker) CLASS=org.acme.Broker ;;
                      console) CLASS=org.acme.Console ;;
                    esac
                    nohup java $CLASS > /dev/null 2>&1 &
                }
                dispatch "$@"
                """);
        assertEquals(List.of("broker", "console"), l.stream().map(ShellLaunch::role).toList());
        assertTrue(l.stream().allMatch(ShellLaunch::background));
    }

    @Test
    void evalOfAQuotedJavaCommand() {
        // the WildFly shape
        List<ShellLaunch> l =
                run(
                        """
                JAVA=java
                JBOSS_HOME=/opt/wf
                JAVA_OPTS="-Xms64m -Xmx512m"
                eval \\"$JAVA\\" -D\\"[Standalone]\\" $JAVA_OPTS \\
                   -jar \\""$JBOSS_HOME"/jboss-modules.jar\\" \\
                   -mp \\""$JBOSS_HOME/modules"\\" \\
                   org.jboss.as.standalone
                """);
        assertEquals(1, l.size());
        assertEquals("/opt/wf/jboss-modules.jar", l.get(0).command().jar());
        assertTrue(
                l.get(0).command().args().contains("org.jboss.as.standalone"),
                l.get(0).command().args().toString());
    }

    @Test
    void startJarLauncher() {
        List<ShellLaunch> l =
                run(
                        """
                JETTY_HOME=/opt/jetty
                JETTY_START=$JETTY_HOME/start.jar
                exec java -Djetty.home=$JETTY_HOME -jar "$JETTY_START" jetty.http.port=8080
                """);
        assertEquals("/opt/jetty/start.jar", l.get(0).command().jar());
        assertEquals(List.of("jetty.http.port=8080"), l.get(0).command().args());
    }
}
