package io.kubelift.cli;

import static io.kubelift.cli.MainExitCodeTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.cli.MainExitCodeTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubelift override}: a person's config edit by command reaches the ConfigMap. */
class OverrideCommandTest {
    @TempDir Path tmp;

    @Test
    void anOverrideGoesIntoThePlanAndTheGeneratedConfigMapAndTheEditIsKept() throws Exception {
        Path out = tmp.resolve("out");
        Run c = run("convert", FrontDoorTest.APP.toString(), "-o", out.toString());
        assertTrue(c.code() == Main.OK || c.code() == 1, c.err());
        Path plan = out.resolve("plan.yaml");
        String component = componentWith(plan, "conf/orders.properties");
        Run o =
                run(
                        "override",
                        plan.toString(),
                        component,
                        "conf/orders.properties",
                        "inventory.url=http://inventory:8081/api/v2",
                        "--reason",
                        "the v2 API");
        assertEquals(Main.OK, o.code(), o.err());
        String text = Files.readString(plan);
        assertTrue(text.startsWith("# yaml-language-server: $schema="), text);
        assertTrue(text.contains("http://inventory:8081/api/v2") && text.contains("the v2 API"));
        // setting it again replaces the override instead of adding a second one
        assertEquals(
                Main.OK,
                run(
                                "override",
                                plan.toString(),
                                component,
                                "conf/orders.properties",
                                "inventory.url=http://inventory:8081/api/v3")
                        .code());
        text = Files.readString(plan);
        assertFalse(text.contains("/api/v2"), text);
        Run g = run("generate", plan.toString(), "-o", out.toString());
        assertEquals(Main.OK, g.code(), g.err());
        try (Stream<Path> files = Files.list(out.resolve("k8s/base"))) {
            assertTrue(
                    files.filter(f -> f.getFileName().toString().endsWith("configmap.yaml"))
                            .anyMatch(
                                    f ->
                                            read(f).contains(
                                                            "inventory.url=http://inventory:8081/api/v3")),
                    "the ConfigMap carries the new value");
        }
        // a later convert does not silently drop the person's edit
        Run again = run("convert", FrontDoorTest.APP.toString(), "-o", out.toString());
        assertEquals(Main.BAD_INPUT, again.code(), again.err());
        assertTrue(Files.readString(plan).contains("/api/v3"));
    }

    @Test
    void unknownComponentFileOrASecretIsAClearErrorNotAStackTrace() throws Exception {
        Path out = tmp.resolve("out");
        run("convert", FrontDoorTest.APP.toString(), "-o", out.toString());
        Path plan = out.resolve("plan.yaml");
        String component = componentWith(plan, "conf/orders.properties");
        Run noComponent = run("override", plan.toString(), "nope", "conf/orders.properties", "a=b");
        assertEquals(Main.BAD_INPUT, noComponent.code());
        assertTrue(noComponent.err().contains("has no component 'nope'"), noComponent.err());
        Run noFile = run("override", plan.toString(), component, "conf/other.properties", "a=b");
        assertEquals(Main.BAD_INPUT, noFile.code());
        assertTrue(noFile.err().contains("conf/orders.properties"), noFile.err());
        Run notKv = run("override", plan.toString(), component, "conf/orders.properties", "ab");
        assertEquals(Main.USAGE, notKv.code());
        for (Run r : new Run[] {noComponent, noFile, notKv}) {
            MainExitCodeTest.assertOneLineNoTrace(r);
        }
    }

    /** The name of the plan's component whose config files include {@code file}. */
    private static String componentWith(Path plan, String file) throws Exception {
        String name = null;
        for (String line : Files.readAllLines(plan)) {
            String l = line.strip();
            if (l.startsWith("- name: ") && line.startsWith("    - name: ")) {
                name = l.substring("- name: ".length());
            }
            if (l.equals("- path: " + file) && name != null) {
                return name;
            }
        }
        throw new AssertionError("no component with " + file + " in\n" + Files.readString(plan));
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
