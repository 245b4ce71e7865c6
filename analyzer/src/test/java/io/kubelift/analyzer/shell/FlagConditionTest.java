package io.kubelift.analyzer.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code if $flag; then} with the flag set to {@code true} or {@code false} (Artemis's and many
 * other launchers' {@code cygwin=false} … {@code if $cygwin; then CLASSPATH=`cygpath …`; fi}) is
 * decided, so the Windows-only branch does not make the classpath unknown.
 */
class FlagConditionTest {
    @Test
    void aFalseFlagSkipsItsBranchAndATrueOneRunsIt() {
        List<ShellLaunch> l =
                LaunchShapesTest.run(
                        """
                #!/bin/sh
                cygwin=false;
                unix=true
                HOME_DIR=/opt/product
                CLASSPATH="$HOME_DIR/lib/boot.jar"
                if $cygwin ; then
                  CLASSPATH=`cygpath --windows "$CLASSPATH"`
                fi
                if ! $unix; then
                  CLASSPATH=`other`
                fi
                if $unix; then
                  OPTS=-Dunix=yes
                fi
                exec java $OPTS -classpath "$CLASSPATH" org.acme.Main run
                """);
        assertEquals(1, l.size(), l.toString());
        JavaCommand c = l.get(0).command();
        assertEquals(List.of("/opt/product/lib/boot.jar"), c.classpath());
        assertTrue(c.jvmOptions().contains("-Dunix=yes"), c.jvmOptions().toString());
        assertTrue(c.unresolvedOptions().isEmpty(), c.unresolvedOptions().toString());
    }
}
