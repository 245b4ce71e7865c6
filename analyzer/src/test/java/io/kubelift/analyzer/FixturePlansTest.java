package io.kubelift.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.model.Component;
import io.kubelift.model.FactKind;
import io.kubelift.model.PlanCodec;
import io.kubelift.model.Port;
import io.kubelift.testing.Golden;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each fixture layout's plan against its golden file, plus the key expectations spelled out. */
class FixturePlansTest {
    static Analysis analyze(String layout) {
        Path app = Path.of("src/test/resources/fixtures", layout);
        return Analyzer.withDefaultDetectors()
                .analyze(app, new AnalyzeOptions(null, "fixtures/" + layout));
    }

    /** Every fixture layout with a golden plan ({@code golden/<layout>.plan.yaml}). */
    static java.util.stream.Stream<String> layoutsWithGoldenPlans() throws java.io.IOException {
        try (var s = java.nio.file.Files.list(Path.of("src/test/resources/golden"))) {
            List<String> names =
                    s.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".plan.yaml"))
                            .map(n -> n.substring(0, n.length() - ".plan.yaml".length()))
                            .sorted()
                            .toList();
            for (String n : names) {
                assertTrue(
                        java.nio.file.Files.isDirectory(Path.of("src/test/resources/fixtures", n)),
                        "golden/" + n + ".plan.yaml has no fixtures/" + n);
            }
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("layoutsWithGoldenPlans")
    void planMatchesGolden(String layout) {
        Analysis a = analyze(layout);
        Golden.assertMatches(
                Path.of("src/test/resources/golden", layout + ".plan.yaml"),
                PlanCodec.toYaml(a.plan()));
        assertEquals(
                PlanCodec.toYaml(a.plan()),
                PlanCodec.toYaml(analyze(layout).plan()),
                "analysis is deterministic");
    }

    @Test
    void hadoopDefaultsAndPinnedAddress() {
        Analysis a = analyze("hadoop-yarn");
        Component rm = a.plan().component("resourcemanager").orElseThrow();
        Component nm = a.plan().component("nodemanager").orElseThrow();
        // issue #19: a port only the product's default gives names that default, not a
        // neighbouring line
        var localizer = nm.ports().stream().filter(p -> p.port() == 8040).findFirst().orElseThrow();
        assertEquals(0, localizer.evidence().line());
        assertEquals(
                "yarn.nodemanager.localizer.address is not set: port 8040 is its default in Hadoop's yarn-default.xml",
                localizer.evidence().text());
        var shuffle = nm.ports().stream().filter(p -> p.port() == 13562).findFirst().orElseThrow();
        assertEquals(0, shuffle.evidence().line(), shuffle.evidence().compact());
        assertTrue(shuffle.evidence().text().contains("mapred-default.xml"));
        assertEquals(
                java.util.List.of(8030, 8031, 8032, 8033, 8088),
                rm.ports().stream().map(Port::port).toList());
        assertEquals(
                "yarn.resourcemanager.hostname",
                a.plan().component("nodemanager").orElseThrow().peers().get(0).configKey());
        assertEquals(
                java.util.List.of(8040, 8041, 8042, 13562),
                nm.ports().stream().map(Port::port).toList());
        assertEquals("StatefulSet", rm.workload().name(), "recovery on → stateful RM");
        assertEquals("1536Mi", rm.resources().memory());
        assertEquals("1152Mi", nm.resources().memory());
        assertTrue(
                nm.entrypoint()
                        .jvmOptions()
                        .contains("--add-opens=java.base/java.lang=ALL-UNNAMED"));
        assertFalse(nm.entrypoint().jvmOptions().stream().anyMatch(o -> o.startsWith("-Xmx")));
        assertTrue(
                nm.configOverrides().stream()
                        .anyMatch(
                                o ->
                                        o.key().equals("yarn.nodemanager.address")
                                                && o.value().endsWith(":8041")));
        assertTrue(a.plan().component("rmadmin").isEmpty(), "admin CLI is not a component");
    }

    @Test
    void clientsAreNotComponents() {
        Analysis zk = analyze("zookeeper");
        assertEquals(
                java.util.List.of("zkserver"),
                zk.plan().spec().components().stream().map(Component::name).toList());
        assertTrue(
                zk.facts()
                        .of(FactKind.JAVA_LAUNCH)
                        .anyMatch(
                                f ->
                                        "client".equals(f.attr("classification"))
                                                && f.subject()
                                                        .equals(
                                                                "org.apache.zookeeper.ZooKeeperMain")));
        Analysis kafka = analyze("kafka");
        assertEquals(
                java.util.List.of("kafka-server"),
                kafka.plan().spec().components().stream().map(Component::name).toList());
        assertEquals(
                "kafka.Kafka", kafka.plan().spec().components().get(0).entrypoint().mainClass());
    }

    @Test
    void springBootPortsHealthSecretsAndProfiles() {
        Component c = analyze("spring-boot").plan().component("shop-orders").orElseThrow();
        assertEquals("profile:spring-boot", c.detector(), "the spring-boot product profile");
        assertEquals(
                java.util.List.of(8081, 9081),
                c.ports().stream().map(Port::port).toList(),
                "server.port of the default profile, management port");
        assertEquals("server.port", c.ports().get(0).configKey());
        assertEquals("/actuator/health", c.health().path());
        assertEquals("management", c.health().port());
        assertTrue(
                c.secrets().stream().anyMatch(s -> s.key().equals("spring.datasource.password")));
        assertTrue(
                c.secrets().stream().noneMatch(s -> s.file().contains("src/test/")),
                "test resources are not the app's config");
        assertTrue(
                c.description().contains("db01.acme.internal:5432"),
                "the database is named as an external service");
        assertTrue(
                c.description().contains("dev") && c.description().contains("prod"),
                "profiles noted");
        assertEquals("1152Mi", c.resources().memory(), "-Xmx768m from the start script's default");
    }

    @Test
    void springBootDefaultPortWhenServerPortIsAbsent(@org.junit.jupiter.api.io.TempDir Path app)
            throws Exception {
        java.nio.file.Files.createDirectories(app.resolve("src/main/java/x"));
        java.nio.file.Files.writeString(
                app.resolve("src/main/java/x/App.java"),
                "package x;\n@org.springframework.boot.autoconfigure.SpringBootApplication\npublic class App { public static void main(String[] a) {} }\n");
        Component c =
                Analyzer.withDefaultDetectors()
                        .analyze(app, AnalyzeOptions.defaults())
                        .plan()
                        .spec()
                        .components()
                        .get(0);
        assertEquals(8080, c.ports().get(0).port());
        assertEquals("tcp", c.health().type(), "no actuator: a TCP probe");
    }

    @Test
    void tomcatConnectorsContextsAndUsers() {
        Component c = analyze("tomcat").plan().component("tomcat").orElseThrow();
        assertEquals(
                java.util.List.of(8009, 8080, 8443),
                c.ports().stream().map(Port::port).toList(),
                "AJP, HTTP, HTTPS; not the 8005 shutdown port");
        assertEquals(
                java.util.List.of("ajp", "http", "https"),
                c.ports().stream().map(Port::name).toList());
        assertEquals("org.apache.catalina.startup.Bootstrap", c.entrypoint().mainClass());
        assertTrue(
                c.description().contains("/shop ← webapps/shop.war")
                        && c.description()
                                .contains("/reports ← conf/Catalina/localhost/reports.xml"));
        assertTrue(
                c.secrets().stream()
                        .anyMatch(s -> s.key().equals("tomcat-users/user[admin]@password")));
        assertTrue(
                c.secrets().stream()
                        .anyMatch(s -> s.key().equals("tomcat-users/user[deployer]@password")));
        assertTrue(
                c.logs().stream()
                        .anyMatch(
                                l ->
                                        l.path().equals("logs")
                                                && l.configKey()
                                                        .equals(
                                                                "1catalina.org.apache.juli.AsyncFileHandler.directory")),
                "JULI file handler directory, ${catalina.base} resolved from the launch: "
                        + c.logs());
        assertTrue(c.state().isEmpty(), "log directories are not state: " + c.state());
        assertEquals("3072Mi", c.resources().memory(), "-Xmx2g from setenv.sh");
    }

    @Test
    void bareWarBecomesAServletContainerComponent(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path war = dir.resolve("billing.war");
        try (var z = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(war))) {
            z.putNextEntry(new java.util.zip.ZipEntry("WEB-INF/web.xml"));
            z.write(
                    "<web-app version=\"3.1\"><context-param><param-name>db.password</param-name><param-value>W4r-S3cret</param-value></context-param></web-app>"
                            .getBytes());
            z.closeEntry();
        }
        Analysis a = Analyzer.withDefaultDetectors().analyze(war, AnalyzeOptions.defaults());
        Component c = a.plan().component("billing").orElseThrow();
        assertEquals("profile:servlet-war", c.detector(), "the servlet-war product profile");
        assertEquals(8080, c.ports().get(0).port());
        assertTrue(c.secrets().stream().anyMatch(s -> s.key().equals("db.password")));
        assertFalse(PlanCodec.toYaml(a.plan()).contains("W4r-S3cret"));
    }

    @Test
    void zookeeperEnsembleAndKafkaLogDirsAreStateful() {
        Component zk = analyze("zookeeper").plan().component("zkserver").orElseThrow();
        assertEquals("StatefulSet", zk.workload().name(), "dataDir → durable state");
        assertEquals(3, zk.replicas(), "three server.N members");
        assertEquals(
                java.util.List.of(2181, 2888, 3888, 8080),
                zk.ports().stream().map(Port::port).toList());
        assertEquals("quorum", zk.ports().get(1).name());
        Component kafka = analyze("kafka").plan().component("kafka-server").orElseThrow();
        assertEquals("StatefulSet", kafka.workload().name(), "log.dirs holds the topic data");
        assertEquals(
                "1536Mi",
                kafka.resources().memory(),
                "kafka-server-start.sh's -Xmx1G wins over kafka-run-class.sh's fallback");
        assertEquals("bin/kafka-server-start.sh", kafka.resources().evidence().file());
    }

    @Test
    void jobHistoryServerWhenConfiguredOnItsOwnHostAndStartable() {
        Component jhs = analyze("hadoop-yarn").plan().component("jobhistory").orElseThrow();
        assertEquals(
                "org.apache.hadoop.mapreduce.v2.hs.JobHistoryServer", jhs.entrypoint().mainClass());
        assertEquals(
                java.util.List.of(10020, 10033, 19888),
                jhs.ports().stream().map(Port::port).toList());
        assertTrue(
                jhs.configFiles().stream().noneMatch(f -> f.path().startsWith("bin/")),
                "scripts are not config files");
    }

    @Test
    void secretsGoOnlyToTheComponentsThatReadThem(@org.junit.jupiter.api.io.TempDir Path app)
            throws Exception {
        write(
                app,
                "bin/api-server.sh",
                "#!/bin/sh\n. /opt/app/conf/api-env.sh\nexec java -cp \"/opt/app/lib/*\" -Dconfig.file=/opt/app/conf/api.properties com.acme.ApiServer\n");
        write(
                app,
                "bin/worker-server.sh",
                "#!/bin/sh\nexec java -cp \"/opt/app/lib/*\" com.acme.WorkerServer /opt/app/conf/worker.properties\n");
        write(app, "conf/api-env.sh", "export API_TOKEN=tok-123456789\n");
        write(app, "conf/api.properties", "db.password=Api-Db-S3cret\n");
        write(app, "conf/worker.properties", "queue.password=Queue-S3cret\n");
        var plan = Analyzer.withDefaultDetectors().analyze(app, AnalyzeOptions.defaults()).plan();
        assertEquals(
                java.util.Set.of("API_TOKEN", "db.password"),
                keys(plan.component("api-server").orElseThrow()));
        assertEquals(
                java.util.Set.of("queue.password"),
                keys(plan.component("worker-server").orElseThrow()));
    }

    private static java.util.Set<String> keys(Component c) {
        return c.secrets().stream()
                .map(io.kubelift.model.SecretRef::key)
                .collect(java.util.stream.Collectors.toSet());
    }

    private static void write(Path app, String file, String text) throws Exception {
        Path p = app.resolve(file);
        java.nio.file.Files.createDirectories(p.getParent());
        java.nio.file.Files.writeString(p, text);
    }
}
