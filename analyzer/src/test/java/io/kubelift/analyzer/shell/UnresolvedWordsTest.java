package io.kubelift.analyzer.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which words of a java command were built from text the analysis does not know
 * (JavaCommand.unresolvedOptions).
 */
class UnresolvedWordsTest {
    private static JavaCommand launch(String script) {
        Map<String, List<ShellNode>> scripts =
                Map.of("bin/main.sh", ShellParser.parse(ShellLexer.lines(script.lines().toList())));
        List<ShellLaunch> l =
                new ShellInterpreter(
                                p -> Optional.ofNullable(scripts.get(p)), p -> Optional.empty())
                        .run("bin/main.sh");
        assertEquals(1, l.size(), "one launch");
        return l.get(0).command();
    }

    @Test
    void literalEmptyValueIsResolvedUnsetVariableIsNot() {
        JavaCommand c =
                launch(
                        """
                exec java -Dempty= -Dquoted="" -Dunset=$NOT_SET -Dbraced="${NOT_SET}" com.acme.Main
                """);
        assertEquals(List.of("-Dempty=", "-Dquoted=", "-Dunset=", "-Dbraced="), c.jvmOptions());
        assertEquals(List.of("-Dunset=", "-Dbraced="), c.unresolvedOptions());
    }

    @Test
    void defaultsAndAssignedVariablesAreResolved() {
        JavaCommand c =
                launch(
                        """
                HOME_DIR=/opt/app
                EMPTY=
                exec java -Dhome=$HOME_DIR -Ddef=${NOT_SET:-x} -Dnodef=${NOT_SET:-} -Dempty="$EMPTY" com.acme.Main
                """);
        assertEquals(List.of("-Dhome=/opt/app", "-Ddef=x", "-Dnodef=", "-Dempty="), c.jvmOptions());
        assertEquals(List.of(), c.unresolvedOptions());
    }

    @Test
    void commandOutputArgumentsAndVariablesBuiltFromThemAreUnresolved() {
        JavaCommand c =
                launch(
                        """
                ID=$(id -un)
                LOG_FILE=app-$ID-$HOSTNAME.log
                BASE=$(cd "$(dirname "$0")/.." && pwd)
                exec java -Did=$ID -Dlog.file=$LOG_FILE -Darg=$1 -Dbase=$BASE com.acme.Main
                """);
        assertEquals(List.of("-Did=", "-Dlog.file=app--.log", "-Darg="), c.unresolvedOptions());
        assertFalse(
                c.isUnresolved("-Dbase=."),
                "dirname/cd && pwd are computed from the script's own path");
        assertTrue(c.jvmOptions().contains("-Dbase=."));
    }

    @Test
    void anUnsetPrefixDoesNotTaintTheOptionsAfterIt() {
        // OPTS="$OPTS -Dx=1" with OPTS unset: the empty part is unresolved, -Dx=1 is the script's
        // own text
        JavaCommand c =
                launch(
                        """
                OPTS="$OPTS -Dx=1"
                OPTS="$OPTS -Dy=$NOT_SET"
                exec java $OPTS com.acme.Main
                """);
        assertEquals(List.of("-Dx=1", "-Dy="), c.jvmOptions());
        assertEquals(List.of("-Dy="), c.unresolvedOptions());
    }

    @Test
    void evalKeepsTheMark() {
        JavaCommand c =
                launch(
                        """
                OPTS="-Da=1 -Db=$NOT_SET"
                eval exec java "$OPTS" com.acme.Main
                """);
        assertEquals(List.of("-Da=1", "-Db="), c.jvmOptions());
        assertEquals(List.of("-Db="), c.unresolvedOptions());
    }

    @Test
    void publicExpansionsNeverShowTheMark() {
        Expander x = new Expander(Map.of(), List.of(), new java.util.HashSet<>());
        assertEquals("a---b", x.expandString("a-$NOT_SET-$(hostname)-b"));
        assertEquals(List.of("a---b"), x.words("a-$NOT_SET-$(hostname)-b"));
        List<Word> w = x.tracedWords("a-$NOT_SET-$(hostname)-b $NOT_SET c");
        assertEquals(List.of("a---b", "c"), w.stream().map(Word::text).toList());
        assertEquals(List.of(true, false), w.stream().map(Word::unresolved).toList());
    }
}
