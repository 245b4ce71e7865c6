package io.kubelift.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubelift.model.MigrationPlan;
import io.kubelift.model.PlanCodec;
import io.kubelift.model.SecretSource;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The install's own absolute paths ({@code spec.source.installedAt}) and the homes outside it
 * ({@code spec.source.homes}) move to where the image holds them in every config file the ConfigMap
 * carries, whatever its format; a longer name or a deeper path that only starts like them stays.
 */
class InstallPathMovesTest {
    private static final String PLAN =
            """
            apiVersion: kubelift.io/v1alpha1
            kind: MigrationPlan
            metadata:
              name: broker
            spec:
              source:
                path: broker
                homes:
                  - path: /srv/artemis-home
                    at: homes/artemis-home
                installedAt:
                  - path: /srv/artemis/
              components:
                - name: broker
                  entrypoint:
                    mainClass: org.example.Broker
                  configFiles:
                    - path: etc/bootstrap.xml
                      format: xml
                    - path: etc/broker.properties
                      format: properties
                    - path: etc/broker.profile
                      format: shell
            """;

    private static Map<String, String> configOf(MigrationPlan plan, Map<String, String> files) {
        Map<String, byte[]> bytes = new TreeMap<>();
        files.forEach((k, v) -> bytes.put(k, v.getBytes(StandardCharsets.UTF_8)));
        PlanContext ctx =
                new PlanContext(
                        plan,
                        new Fixtures.MemoryAppFiles("broker", bytes),
                        SecretSource.NONE,
                        GenerateOptions.defaults(),
                        ConfigRewriter.withDefaults());
        return ctx.component("broker").orElseThrow().configData();
    }

    @Test
    void installAndHomePathsMoveInXmlPropertiesAndShellAlike() {
        MigrationPlan plan = PlanCodec.read(PLAN, "plan.yaml", false);
        Map<String, String> data =
                configOf(
                        plan,
                        Map.of(
                                "etc/bootstrap.xml",
                                "<broker>\n"
                                        + "  <server configuration=\"file:/srv/artemis/etc//broker.xml\"/>\n"
                                        + "  <web path=\"web\" home=\"file:///srv/artemis-home/web\"/>\n"
                                        + "</broker>\n",
                                "etc/broker.properties",
                                "data.dir=/srv/artemis/data\n"
                                        + "other=/srv/artemis-2/data\n"
                                        + "deeper=/opt/srv/artemis/x\n"
                                        + "root=/srv/artemis\n",
                                "etc/broker.profile",
                                "ARTEMIS_HOME='/srv/artemis-home'\n"
                                        + "ARTEMIS_INSTANCE=\"/srv/artemis\"\n"
                                        + "PATH=/srv/artemis/bin:/srv/artemis-home/bin:$PATH\n"));
        assertEquals(
                "<broker>\n"
                        + "  <server configuration=\"file:/opt/app/etc//broker.xml\"/>\n"
                        + "  <web path=\"web\" home=\"file:///opt/app/homes/artemis-home/web\"/>\n"
                        + "</broker>\n",
                data.get("bootstrap.xml"));
        assertEquals(
                "data.dir=/opt/app/data\n"
                        + "other=/srv/artemis-2/data\n"
                        + "deeper=/opt/srv/artemis/x\n"
                        + "root=/opt/app\n",
                data.get("broker.properties"));
        assertEquals(
                "ARTEMIS_HOME='/opt/app/homes/artemis-home'\n"
                        + "ARTEMIS_INSTANCE=\"/opt/app\"\n"
                        + "PATH=/opt/app/bin:/opt/app/homes/artemis-home/bin:$PATH\n",
                data.get("broker.profile"));
    }

    @Test
    void withoutInstallLocationsTheFilesAreCopiedAsTheyAre() {
        MigrationPlan plan =
                PlanCodec.read(
                        PLAN.replace("    installedAt:\n      - path: /srv/artemis/\n", "")
                                .replace(
                                        "    homes:\n"
                                                + "      - path: /srv/artemis-home\n"
                                                + "        at: homes/artemis-home\n",
                                        ""),
                        "plan.yaml",
                        false);
        String xml = "<server configuration=\"file:/srv/artemis/etc//broker.xml\"/>\n";
        Map<String, String> data =
                configOf(
                        plan,
                        Map.of(
                                "etc/bootstrap.xml", xml,
                                "etc/broker.properties", "a=/srv/artemis\n",
                                "etc/broker.profile", "X=/srv/artemis-home\n"));
        assertEquals(xml, data.get("bootstrap.xml"));
        assertEquals("a=/srv/artemis\n", data.get("broker.properties"));
        assertEquals("X=/srv/artemis-home\n", data.get("broker.profile"));
    }
}
