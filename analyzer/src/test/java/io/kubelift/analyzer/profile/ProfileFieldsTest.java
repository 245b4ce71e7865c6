package io.kubelift.analyzer.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.analyzer.AnalyzeOptions;
import io.kubelift.analyzer.Analyzer;
import io.kubelift.model.Component;
import io.kubelift.model.DeployedApp;
import io.kubelift.model.MigrationPlan;
import io.kubelift.model.Port;
import io.kubelift.model.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The profile fields that carry what a Java detector used to know (variants, overrides, env, peers,
 * conditions, key owners, references) and deployment directories, on a made-up product.
 */
class ProfileFieldsTest {
    static final String PROFILE =
            """
            id: fleet
            sources: [https://docs.example.com/fleet]
            recognise: {anyFile: [fleet-site.properties]}
            resolveReferences: true
            consoleLoggers: [fleet.root.logger]
            keyOwners: {fleet.ctl.: ctl, fleet.agent.: agent}
            components:
              - name: ctl
                mainClass: com.example.fleet.Ctl
                configDirOf: fleet-site.properties
                onlyListedPorts: true
                impliedBy: [fleet.ctl.host]
                workload: Deployment
                variants:
                  - when: {key: fleet.ctl.ha, equals: "true"}
                    workload: StatefulSet
                    description: Fleet controller, highly available
                  - description: Fleet controller
                ports:
                  - {key: fleet.ctl.address, port: 7000, name: rpc}
                  - {key: fleet.ctl.web.port, port: 7080, name: web, http: true}
                  - {key: fleet.ctl.metrics.port, port: 7090, name: metrics, when: {key: fleet.features, contains: metrics}}
                health: {path: /ready, port: web}
                configOverrides:
                  - {file: fleet-site.properties, key: fleet.ctl.bind, value: 0.0.0.0, reason: all interfaces, evidence: [fleet.ctl.host]}
                env:
                  - {name: FLEET_CONF, value: "$(KUBELIFT_APP_HOME)/${configDir}", evidence: [fleet.ctl.host]}
              - name: agent
                mainClass: com.example.fleet.Agent
                configDirOf: fleet-site.properties
                onlyListedPorts: true
                shell: true
                ports:
                  - {key: fleet.agent.port, port: 7100, name: agent}
                peers:
                  - {component: ctl, keys: [fleet.ctl.host, "fleet.ctl.*address"]}
              - name: archiver
                mainClass: com.example.fleet.Archiver
                configDirOf: fleet-site.properties
                optional: true
                whenFiles: ["fleet-archiver-*.jar"]
                enabledWhen: [{key: fleet.archiver.address}]
                ownHost: {key: fleet.archiver.address, notHostOf: fleet.ctl.host}
                ports:
                  - {key: fleet.archiver.address, port: 7200, name: rpc}
            """;

    static MigrationPlan plan(Path app, Path profiles) throws Exception {
        Files.writeString(profiles.resolve("fleet.yaml"), PROFILE);
        return Analyzer.withProfiles(List.of(profiles))
                .analyze(app, new AnalyzeOptions("fleet", null))
                .plan();
    }

    static Component component(MigrationPlan p, String name) {
        return p.spec().components().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " in " + p.spec().components()));
    }

    static void site(Path app, String text) throws Exception {
        Files.createDirectories(app.resolve("conf"));
        Files.writeString(app.resolve("conf/fleet-site.properties"), text);
    }

    @Test
    void variantsPortsOverridesEnvAndPeers(@TempDir Path app, @TempDir Path profiles)
            throws Exception {
        site(
                app,
                """
                fleet.ctl.host=ctl01.example.internal
                fleet.ctl.address=ctl01.example.internal:7001
                fleet.ctl.ha=true
                fleet.features=metrics,audit
                fleet.ctl.state.dir=${fleet.base}/ctl
                fleet.agent.work.dir=${fleet.base}/agent
                fleet.base=/srv/fleet
                fleet.tmp.dir=/tmp/fleet-${user.name}
                """);
        MigrationPlan plan = plan(app, profiles);
        Component ctl = component(plan, "ctl");
        assertEquals(Workload.StatefulSet, ctl.workload(), "the variant whose condition holds");
        assertTrue(ctl.description().startsWith("Fleet controller, highly available"));
        assertEquals(
                List.of("rpc:7001", "web:7080", "metrics:7090"),
                ctl.ports().stream().map(p -> p.name() + ":" + p.port()).toList());
        Port web = ctl.ports().get(1);
        assertEquals(
                "conf/fleet-site.properties", web.evidence().file(), "implied by fleet.ctl.host");
        // issue #19: no file sets the port, so its evidence names the key and where the default
        // comes from, at no line (the line of fleet.ctl.host does not hold a port)
        assertEquals(0, web.evidence().line());
        assertTrue(web.evidence().text().contains("is not set: port 7080 is its default"));
        Port metrics = ctl.ports().get(2);
        assertEquals(0, metrics.evidence().line());
        assertTrue(
                metrics.evidence().text().contains("because fleet.features contains metrics"),
                metrics.evidence().text());
        assertEquals("/ready", ctl.health().path());
        assertEquals("fleet.ctl.bind", ctl.configOverrides().get(0).key());
        assertEquals("conf/fleet-site.properties", ctl.configOverrides().get(0).file());
        assertEquals("$(KUBELIFT_APP_HOME)/conf", ctl.env().get(0).value());
        assertEquals(
                List.of("/srv/fleet/ctl"),
                ctl.state().stream().map(s -> s.path()).toList(),
                "references resolved; the agent's key is not the controller's; ${user.name} unknown");
        Component agent = component(plan, "agent");
        assertTrue(agent.runtime().shell());
        assertEquals(
                List.of(
                        "fleet.ctl.host:ctl01.example.internal",
                        "fleet.ctl.address:ctl01.example.internal"),
                agent.peers().stream().map(p -> p.configKey() + ":" + p.host()).toList());
        assertEquals(
                List.of("/srv/fleet/agent"), agent.state().stream().map(s -> s.path()).toList());
        assertTrue(
                plan.spec().components().stream().noneMatch(c -> c.name().equals("archiver")),
                "not configured");
    }

    @Test
    void theFirstVariantWithoutConditionAndAnOptionalDaemonOnItsOwnHost(
            @TempDir Path app, @TempDir Path profiles) throws Exception {
        site(
                app,
                """
                fleet.ctl.host=ctl01
                fleet.archiver.address=arch01:7201
                """);
        Files.createDirectories(app.resolve("lib"));
        Files.write(app.resolve("lib/fleet-archiver-1.2.jar"), new byte[] {'P', 'K', 5, 6});
        MigrationPlan plan = plan(app, profiles);
        Component ctl = component(plan, "ctl");
        assertEquals(Workload.Deployment, ctl.workload());
        assertTrue(ctl.description().startsWith("Fleet controller,"), ctl.description());
        assertEquals(List.of(7000, 7080), ctl.ports().stream().map(Port::port).toList());
        Component arch = component(plan, "archiver");
        assertTrue(arch.description().contains("(ran on arch01)"), arch.description());
        assertEquals(List.of(7201), arch.ports().stream().map(Port::port).toList());
    }

    @Test
    void anOptionalDaemonOnAnotherDaemonsHostIsRunThere(@TempDir Path app, @TempDir Path profiles)
            throws Exception {
        site(app, "fleet.ctl.host=ctl01\nfleet.archiver.address=ctl01:7201\n");
        Files.createDirectories(app.resolve("lib"));
        Files.write(app.resolve("lib/fleet-archiver-1.2.jar"), new byte[] {'P', 'K', 5, 6});
        assertTrue(
                plan(app, profiles).spec().components().stream()
                        .noneMatch(c -> c.name().equals("archiver")));
    }

    @Test
    void deployedAppsOfTheServersDeploymentDirectories(@TempDir Path app, @TempDir Path profiles)
            throws Exception {
        Files.createDirectories(app.resolve("conf"));
        Files.writeString(app.resolve("conf/appsrv.properties"), "http.port=8080\n");
        for (String f :
                List.of(
                        "webapps/ROOT/WEB-INF/web.xml",
                        "webapps/shop#v2/WEB-INF/web.xml",
                        "webapps/docs/index.html",
                        "standalone/deployments/crm.ear/META-INF/application.xml",
                        "glassfish/domains/domain1/autodeploy/README",
                        "other/webapps/ignored/WEB-INF/web.xml")) {
            Files.createDirectories(app.resolve(f).getParent());
            Files.writeString(app.resolve(f), "<web-app/>\n");
        }
        Files.write(app.resolve("webapps/api##2.war"), new byte[] {'P', 'K', 5, 6});
        Files.write(app.resolve("standalone/deployments/billing.ear"), new byte[] {'P', 'K', 5, 6});
        Files.writeString(app.resolve("standalone/deployments/billing.ear.deployed"), "");
        Files.write(
                app.resolve("glassfish/domains/domain1/autodeploy/hello.war"),
                new byte[] {'P', 'K', 5, 6});
        Files.writeString(
                profiles.resolve("appsrv.yaml"),
                """
                id: appsrv
                sources: [https://docs.example.com/appsrv]
                recognise: {allFiles: [conf/appsrv.properties]}
                components:
                  - name: server
                    mainClass: com.example.AppServer
                    configFiles: [conf/appsrv.properties]
                    deployments: [/webapps, standalone/deployments, "domains/*/autodeploy"]
                """);
        Component c =
                Analyzer.withProfiles(List.of(profiles))
                        .analyze(app, new AnalyzeOptions("appsrv", null))
                        .plan()
                        .spec()
                        .components()
                        .get(0);
        assertEquals(
                List.of(
                        "glassfish/domains/domain1/autodeploy/hello.war war /hello",
                        "standalone/deployments/billing.ear ear null",
                        "standalone/deployments/crm.ear ear null",
                        "webapps/ROOT war /",
                        "webapps/api##2.war war /api",
                        "webapps/shop#v2 war /shop/v2"),
                c.deployedApps().stream()
                        .map(d -> d.path() + " " + d.kind() + " " + d.contextPath())
                        .toList(),
                "archives and exploded apps; README, markers, a static dir and other/webapps are not");
        DeployedApp crm = c.deployedApps().get(2);
        assertEquals(
                "standalone/deployments/crm.ear/META-INF/application.xml", crm.evidence().file());
    }
}
