package io.kubelift.analyzer.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.analyzer.AnalyzeOptions;
import io.kubelift.analyzer.Analyzer;
import io.kubelift.model.Component;
import io.kubelift.model.MigrationPlan;
import io.kubelift.model.Port;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The profile fields that carry what the Tomcat and Spring Boot detectors used to know in Java, on
 * made-up products: ports from repeated XML elements named by their other attributes, a recognising
 * file that must set a key, ports that are not service ports, context descriptors, one component
 * per application of a framework (its module's config files, configuration profiles, name, health
 * dependency), and a fallback component named after the app.
 */
class ProfileCapabilitiesTest {
    static final String SERVER =
            """
            id: gizmo
            sources: [https://docs.example.com/gizmo]
            recognise: {anyFile: [conf/gizmo.xml], withKeys: ["*/Listener@port"]}
            resolveReferences: true
            components:
              - name: gizmo
                mainClass: com.example.gizmo.Main
                jvmOptions: [-Dgizmo.home=.]
                configDirOf: conf/gizmo.xml
                configFiles: ["sites/**"]
                onlyListedPorts: true
                ports:
                  - key: "*/Listener@port"
                    port: 7070
                    name: web
                    http: true
                    byAttribute:
                      - {when: [{key: kind, contains: BINARY}], name: bin, http: false}
                      - when: [{key: tls, equals: "yes"}, {key: scheme, equals: https}]
                        name: tls
                        appProtocol: https
                notServicePorts: [{key: Gizmo@port, what: control port}]
                health: {port: web}
                deployments: [apps]
                contexts: ["sites/*.xml"]
            """;

    static final String FRAMEWORK =
            """
            id: widget
            sources: [https://docs.example.com/widget]
            recognise:
              applications:
                - {attr: attribute, equals: Main-Class}
            components:
              - name: ${application}
                perApplication: true
                nameKey: widget.name
                classSuffix: App
                description: Widget application ${application}
                configFiles: ["widget*.properties"]
                excludeFiles: ["src/test/**"]
                profileFiles: "widget-([\\\\w.-]+)\\\\.properties"
                activeProfilesKey: widget.profiles
                ports:
                  - {key: widget.port, port: 9000, name: http, http: true}
                  - {key: widget.admin.port, name: admin, http: true, when: {key: widget.admin.port}}
                health: {path: /status, base: /ops, baseKey: widget.ops.base, port: admin, fallbackPort: http,
                         dependencies: ["*:widget-ops"]}
            """;

    static final String FALLBACK =
            """
            id: bundle
            sources: [https://docs.example.com/bundle]
            recognise: {allFiles: [/BUNDLE-INF/bundle.txt]}
            components:
              - name: ${app}
                fallbackOnly: true
                mainClass: com.example.bundle.Host
                configFiles: ["/BUNDLE-INF/**"]
                onlyListedPorts: true
                ports: [{port: 6060, name: http, http: true, defaultFrom: the bundle host's manual}]
            """;

    static MigrationPlan plan(Path app, Path profiles, String name, String profile)
            throws Exception {
        Files.writeString(profiles.resolve(name + ".yaml"), profile);
        return Analyzer.withProfiles(List.of(profiles))
                .analyze(app, new AnalyzeOptions(app.getFileName().toString(), null))
                .plan();
    }

    static void write(Path app, String file, String text) throws Exception {
        Path p = app.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void repeatedElementsGiveOnePortEachNamedByTheirAttributes(
            @TempDir Path app, @TempDir Path profiles) throws Exception {
        write(
                app,
                "conf/gizmo.xml",
                """
                <Gizmo port="7005">
                  <Service name="main">
                    <Listener port="7070" kind="plain"/>
                    <Listener kind="binary/1" port="7009"/>
                    <Listener port="${tls.port}" tls="yes"/>
                    <Listener port="7071"/>
                  </Service>
                </Gizmo>
                """);
        write(app, "conf/gizmo.properties", "tls.port=7443\n");
        write(app, "sites/reports.xml", "<Site/>\n");
        write(app, "apps/shop.war", "not really a war");
        Component c = plan(app, profiles, "gizmo", SERVER).component("gizmo").orElseThrow();
        assertEquals(
                List.of(7009, 7070, 7071, 7443),
                c.ports().stream().map(Port::port).toList(),
                "one port per Listener, ${tls.port} from the settings; not the control port");
        assertEquals(
                List.of("bin", "web", "web-2", "tls"), c.ports().stream().map(Port::name).toList());
        assertNull(c.ports().get(0).appProtocol());
        assertEquals("https", c.ports().get(3).appProtocol());
        assertEquals("Gizmo/Service[main]/Listener@port", c.ports().get(1).configKey());
        assertEquals("web", c.health().port());
        assertEquals(c.ports().get(1).evidence(), c.health().evidence(), "the port's own line");
        assertTrue(
                c.description().contains("control port 7005 (Gizmo@port) is not a service port"),
                c.description());
        assertTrue(
                c.description().contains("/reports ← sites/reports.xml")
                        && c.description().contains("/shop ← apps/shop.war"),
                c.description());
        assertTrue(
                c.configFiles().stream().anyMatch(f -> f.path().equals("sites/reports.xml")),
                "** reaches below the directory");
        assertEquals(
                List.of("-Dgizmo.home=."),
                c.entrypoint().jvmOptions(),
                "no launch: the profile's options");
    }

    @Test
    void theRecognisingFileMustSetAKey(@TempDir Path app, @TempDir Path profiles) throws Exception {
        write(app, "conf/gizmo.xml", "<Gizmo port=\"7005\"><Service name=\"x\"/></Gizmo>\n");
        MigrationPlan p = plan(app, profiles, "gizmo", SERVER);
        assertTrue(p.component("gizmo").isEmpty(), "a gizmo.xml without a Listener is not one");
    }

    @Test
    void oneComponentPerApplicationOfTheFramework(@TempDir Path app, @TempDir Path profiles)
            throws Exception {
        write(
                app,
                "orders/pom.xml",
                """
                <project><modelVersion>4.0.0</modelVersion><groupId>x</groupId>
                <artifactId>orders-svc</artifactId><version>1</version>
                <properties><java.version>21</java.version></properties>
                <dependencies><dependency><groupId>com.example</groupId><artifactId>widget-ops</artifactId></dependency></dependencies>
                </project>
                """);
        write(
                app,
                "orders/META-INF/MANIFEST.MF",
                "Manifest-Version: 1.0\nMain-Class: com.example.orders.OrdersApp\n");
        write(
                app,
                "orders/conf/widget.properties",
                "widget.port=${WIDGET_PORT:9100}\nwidget.admin.port=9190\nwidget.ops.base=/manage\n"
                        + "widget.profiles=prod\nwidget.password=Wid-S3cret\n");
        write(app, "orders/conf/widget-prod.properties", "widget.port=9999\n");
        write(app, "orders/src/test/widget.properties", "test.password=T3st-S3cret\n");
        write(
                app,
                "billing/META-INF/MANIFEST.MF",
                "Manifest-Version: 1.0\nMain-Class: com.example.billing.BillingApp\n");
        write(app, "billing/widget.properties", "widget.name=invoices\n");
        MigrationPlan p = plan(app, profiles, "widget", FRAMEWORK);
        Component orders = p.component("orders-svc").orElseThrow();
        assertEquals("profile:widget", orders.detector());
        assertEquals(
                List.of(9100, 9190),
                orders.ports().stream().map(Port::port).toList(),
                "the default settings (a placeholder's default), not the prod profile's port");
        assertEquals("/manage/status", orders.health().path());
        assertEquals("admin", orders.health().port());
        assertEquals("21", orders.runtime().java());
        assertEquals("com.example.orders.OrdersApp", orders.entrypoint().mainClass());
        assertTrue(orders.description().contains("profiles: prod (active: prod)"));
        assertTrue(orders.secrets().stream().anyMatch(s -> s.key().equals("widget.password")));
        assertTrue(
                orders.secrets().stream().noneMatch(s -> s.key().equals("test.password")),
                "test resources are not the app's config");
        Component billing = p.component("invoices").orElseThrow();
        assertEquals(9000, billing.ports().get(0).port(), "the default port");
        assertEquals("tcp", billing.health().type(), "without the ops dependency: a TCP probe");
        assertEquals("http", billing.health().port());
        assertEquals(2, p.spec().components().size());
    }

    @Test
    void aFallbackComponentIsNamedAfterTheAppAndOnlyWhenNothingElseIs(
            @TempDir Path root, @TempDir Path profiles) throws Exception {
        Path app = root.resolve("ledger");
        write(app, "BUNDLE-INF/bundle.txt", "bundle\n");
        write(app, "BUNDLE-INF/bundle.properties", "ledger.db.password=L3dger-S3cret\n");
        Component c = plan(app, profiles, "bundle", FALLBACK).component("ledger").orElseThrow();
        assertEquals(6060, c.ports().get(0).port());
        assertNull(c.ports().get(0).configKey());
        assertTrue(c.ports().get(0).evidence().text().contains("the bundle host's manual"));
        assertTrue(c.secrets().stream().anyMatch(s -> s.key().equals("ledger.db.password")));

        write(
                app,
                "bin/ledger.sh",
                "#!/bin/sh\nexec java -cp \"lib/*\" com.example.ledger.Server\n");
        MigrationPlan p = plan(app, profiles, "bundle", FALLBACK);
        assertFalse(
                p.spec().components().stream().anyMatch(x -> "profile:bundle".equals(x.detector())),
                "a launch explains the app: no fallback");
    }

    @Test
    void aFatJarsStartClassIsASpringBootApplication(@TempDir Path app) throws Exception {
        java.util.jar.Manifest mf = new java.util.jar.Manifest();
        mf.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes()
                .putValue("Main-Class", "org.springframework.boot.loader.launch.JarLauncher");
        mf.getMainAttributes().putValue("Start-Class", "com.example.ledger.LedgerApplication");
        Files.createDirectories(app.resolve("dist"));
        try (var out =
                new java.util.jar.JarOutputStream(
                        Files.newOutputStream(app.resolve("dist/ledger.jar")), mf)) {
            out.putNextEntry(new java.util.zip.ZipEntry("BOOT-INF/classes/application.properties"));
            out.write("server.port=8181\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        Component c =
                Analyzer.withDefaultDetectors()
                        .analyze(app, io.kubelift.analyzer.AnalyzeOptions.defaults())
                        .plan()
                        .component("ledger")
                        .orElseThrow();
        assertEquals("profile:spring-boot", c.detector());
        assertEquals("dist/ledger.jar", c.entrypoint().jar(), "the fat jar runs with -jar");
        assertNull(c.entrypoint().mainClass());
        assertEquals(8080, c.ports().get(0).port(), "the jar is read, not unpacked: the default");
        assertTrue(c.description().contains("com.example.ledger.LedgerApplication"));
    }

    @Test
    void aComponentWithoutMainClassIsAnErrorAtItsLine() {
        var e =
                org.junit.jupiter.api.Assertions.assertThrows(
                        io.kubelift.model.KubeliftException.class,
                        () ->
                                Profiles.parse(
                                        "id: x\nrecognise: {allFiles: [a]}\ncomponents:\n  - name: w\n",
                                        "x.yaml"));
        assertTrue(
                e.getMessage().contains("x.yaml:4")
                        && e.getMessage().contains("not a valid product profile")
                        && e.getMessage().contains("no mainClass"),
                e.getMessage());
    }

    @Test
    void globsAnchorAtTheRootAndCrossSegments() {
        assertTrue(ProfileDetector.glob("/WEB-INF/web.xml").matcher("WEB-INF/web.xml").matches());
        assertFalse(
                ProfileDetector.glob("/WEB-INF/web.xml").matcher("x/WEB-INF/web.xml").matches());
        assertTrue(ProfileDetector.glob("src/test/**").matcher("m/src/test/a/b.yml").matches());
        assertFalse(ProfileDetector.glob("src/test/*").matcher("m/src/test/a/b.yml").matches());
    }
}
