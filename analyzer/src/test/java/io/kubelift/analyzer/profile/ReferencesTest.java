package io.kubelift.analyzer.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Hadoop directory values expanded the way Configuration does, and root loggers switched to the
 * console.
 */
class ReferencesTest {
    static final Map<String, String> VARS =
            Map.of(
                    "hadoop.tmp.dir",
                    "/data01/hadoop/tmp",
                    "yarn.log.dir",
                    "${hadoop.log.dir}",
                    "hadoop.log.dir",
                    "/var/log/hadoop-yarn");

    @Test
    void referencesAreExpandedNestedAndFileUrisBecomePaths() {
        assertEquals(
                Optional.of("/data01/hadoop/tmp/nm-local-dir"),
                References.expandPath("${hadoop.tmp.dir}/nm-local-dir", VARS));
        assertEquals(
                Optional.of("/data01/hadoop/tmp/yarn/node-attribute"),
                References.expandPath("file://${hadoop.tmp.dir}/yarn/node-attribute", VARS));
        assertEquals(
                Optional.of("/var/log/hadoop-yarn/userlogs"),
                References.expandPath("${yarn.log.dir}/userlogs", VARS));
        assertEquals(Optional.of("/srv/x"), References.expandPath("file:/srv/x", VARS));
    }

    @Test
    void anUnresolvableReferenceGivesNoPath() {
        assertEquals(Optional.empty(), References.expandPath("/tmp/hadoop-${user.name}", VARS));
    }

    @Test
    void rootLoggersGoToTheConsoleKeepingTheirLevel() {
        assertEquals(
                List.of(
                        "-Xmx1g",
                        "-Dhadoop.root.logger=WARN,console",
                        "-Dyarn.root.logger=INFO,console",
                        "-Drm.audit.logger=INFO,RMAUDIT"),
                References.consoleLogging(
                        List.of(
                                "-Xmx1g",
                                "-Dhadoop.root.logger=WARN,RFA",
                                "-Dyarn.root.logger=,DRFA",
                                "-Drm.audit.logger=INFO,RMAUDIT"),
                        List.of("hadoop.root.logger", "yarn.root.logger")));
    }
}
