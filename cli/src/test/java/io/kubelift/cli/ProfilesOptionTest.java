package io.kubelift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.model.Component;
import io.kubelift.model.MigrationPlan;
import io.kubelift.model.PlanCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubelift analyze --profiles DIR}: a profile written for a made-up product finds it, with
 * no rebuild.
 */
class ProfilesOptionTest {
    @TempDir Path tmp;

    Path app() throws Exception {
        Path app = tmp.resolve("widgetd");
        Files.createDirectories(app.resolve("bin"));
        Files.createDirectories(app.resolve("etc"));
        Files.writeString(
                app.resolve("bin/widgetd"),
                """
                #!/bin/sh
                WIDGET_HOME=$(cd "$(dirname "$0")/.." && pwd)
                exec java -cp "$WIDGET_HOME/lib/*" net.example.widget.WidgetDaemon --config "$WIDGET_HOME/etc/widget.conf"
                """);
        Files.writeString(
                app.resolve("etc/widget.conf"), "widget.bind=0.0.0.0\nwidget.rpc.port=4411\n");
        return app;
    }

    Path profiles() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("profiles"));
        Files.writeString(
                dir.resolve("widget.yaml"),
                """
                id: widget
                name: Widget Daemon
                sources: [https://widgets.example.net/docs/ports]
                recognise:
                  allFiles: [etc/widget.conf]
                components:
                  - name: widgetd
                    mainClass: net.example.widget.WidgetDaemon
                    configFiles: [etc/widget.conf]
                    ports:
                      - {key: widget.rpc.port, port: 4400, name: rpc}
                      - {key: widget.http.port, port: 4480, name: http, http: true}
                """);
        return dir;
    }

    @Test
    void analyzeFindsTheMadeUpProduct() throws Exception {
        Path plan = tmp.resolve("plan.yaml");
        MainExitCodeTest.Run r =
                MainExitCodeTest.run(
                        "analyze",
                        app().toString(),
                        "--profiles",
                        profiles().toString(),
                        "-o",
                        plan.toString());
        assertEquals(Main.OK, r.code(), r.err());
        MigrationPlan p = PlanCodec.read(plan);
        Component c =
                p.spec().components().stream()
                        .filter(x -> x.name().equals("widgetd"))
                        .findFirst()
                        .orElseThrow();
        assertEquals("profile:widget", c.detector());
        assertEquals("net.example.widget.WidgetDaemon", c.entrypoint().mainClass());
        assertEquals(
                "4411 4480",
                String.join(" ", c.ports().stream().map(x -> Integer.toString(x.port())).toList()));
    }

    @Test
    void withoutTheOptionTheProfileIsNotRead() throws Exception {
        Path plan = tmp.resolve("plan.yaml");
        MainExitCodeTest.Run r =
                MainExitCodeTest.run("analyze", app().toString(), "-o", plan.toString());
        assertEquals(Main.OK, r.code(), r.err());
        assertFalse(Files.readString(plan).contains("profile:widget"));
    }

    @Test
    void aBrokenProfileIsBadInputOnOneLine() throws Exception {
        Path dir = profiles();
        Files.writeString(
                dir.resolve("widget.yaml"),
                "id: widget\nrecognise: {allFiles: [etc/widget.conf]}\ncomponents: [{name: w}]\n");
        MainExitCodeTest.Run r =
                MainExitCodeTest.run("analyze", app().toString(), "--profiles", dir.toString());
        assertEquals(Main.BAD_INPUT, r.code());
        MainExitCodeTest.assertOneLineNoTrace(r);
        assertTrue(r.err().contains("widget.yaml:3: not a valid product profile"), r.err());
    }
}
