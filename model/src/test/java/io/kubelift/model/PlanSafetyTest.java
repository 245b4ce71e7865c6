package io.kubelift.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plans that would reach outside the app or the container's control (issue #15, point 8). */
class PlanSafetyTest {
    @Test
    void aSecretCannotBeDeliveredInPathOrTheJvmsVariables() {
        for (String env :
                List.of(
                        "PATH",
                        "LD_PRELOAD",
                        "JAVA_TOOL_OPTIONS",
                        "JAVA_OPTS",
                        "HOME",
                        "KUBELIFT_WAIT_FOR")) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    new SecretRef(
                                            "db.password",
                                            "conf/a.properties",
                                            "password",
                                            env,
                                            null),
                            env);
            assertTrue(e.getMessage().contains("cannot carry a secret"), e.getMessage());
        }
        assertEquals(
                "DB_PASSWORD",
                new SecretRef("db.password", "conf/a.properties", "password", null, null).env());
    }

    @Test
    void aPlanCannotSetTheLoadersOrTheShellsVariables() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new EnvVar("PATH", "/tmp/evil", null, null, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> new EnvVar("LD_PRELOAD", "/tmp/x.so", null, null, null));
        assertEquals(
                "MALLOC_ARENA_MAX", new EnvVar("MALLOC_ARENA_MAX", "2", null, null, null).name());
    }

    @Test
    void anEntrypointScriptStaysInsideTheApp() {
        for (String script :
                List.of("../../../etc/shadow", "/etc/shadow", "bin/../../x.sh", "C:/x.bat")) {
            assertThrows(
                    IllegalArgumentException.class,
                    () ->
                            Entrypoint.mainClass(
                                    script, "a.Main", List.of(), List.of(), List.of(), null),
                    script);
        }
        assertEquals(
                "bin/start.sh",
                Entrypoint.mainClass(
                                "bin/start.sh", "a.Main", List.of(), List.of(), List.of(), null)
                        .script());
    }

    @Test
    void aPlanWithEnvPathIsABadInputErrorAtReadTime() {
        String plan =
                "apiVersion: kubelift.io/v1alpha1\nkind: MigrationPlan\nmetadata:\n  name: a\nspec:\n  components:\n"
                        + "  - name: web\n    entrypoint:\n      mainClass: a.Main\n    secrets:\n    - key: db.password\n"
                        + "      file: conf/a.properties\n      env: PATH\n";
        KubeliftException e =
                assertThrows(
                        KubeliftException.class, () -> PlanCodec.read(plan, "plan.yaml", false));
        assertEquals(KubeliftException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains("PATH"), e.getMessage());
        String shadow =
                plan.replace(
                                "    secrets:\n    - key: db.password\n      file: conf/a.properties\n      env: PATH\n",
                                "")
                        .replace(
                                "mainClass: a.Main",
                                "mainClass: a.Main\n      script: ../../../etc/shadow");
        KubeliftException e2 =
                assertThrows(
                        KubeliftException.class, () -> PlanCodec.read(shadow, "plan.yaml", false));
        assertTrue(e2.getMessage().contains("inside the app"), e2.getMessage());
    }

    @Test
    void aDeviceIsRefusedBeforeItIsRead() {
        long t0 = System.nanoTime();
        KubeliftException e =
                assertThrows(KubeliftException.class, () -> PlanCodec.read(Path.of("/dev/zero")));
        assertTrue(e.getMessage().contains("/dev/zero: is not a regular file"), e.getMessage());
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L);
    }

    @Test
    void blankResourcesAreUnset() {
        Resources r = new Resources("", " ", null);
        assertNull(r.cpu());
        assertNull(r.memory());
    }
}
