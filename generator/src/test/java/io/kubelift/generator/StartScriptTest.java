package io.kubelift.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the generated start scripts with a real POSIX shell (dash when present) and a fake java that
 * records its argv.
 */
class StartScriptTest {
    private static final String SHELL =
            Files.isExecutable(Path.of("/bin/dash")) ? "/bin/dash" : "/bin/sh";
    private static final String FAKE_JAVA =
            "#!/bin/sh\n"
                    + ": > \"$RECORD\"\n"
                    + "for a in \"$@\"; do printf '%s\\n' \"$a\" >> \"$RECORD\"; done\n"
                    + "printf 'pwd=%s\\n' \"$(pwd)\" >> \"$RECORD.env\"\n"
                    + "printf 'fqdn=%s\\n' \"${KUBELIFT_POD_FQDN:-}\" >> \"$RECORD.env\"\n"
                    + "exit \"${FAKE_EXIT:-0}\"\n";

    @TempDir Path dir;
    private Path javaHome;
    private Path appHome;
    private Path record;

    @BeforeEach
    void setUp() throws IOException {
        javaHome = dir.resolve("java");
        appHome = dir.resolve("app");
        Files.createDirectories(appHome);
        record = dir.resolve("argv");
        executable(javaHome.resolve("bin/java"), FAKE_JAVA);
    }

    @Test
    void execsJavaWithContainerHeapPlanOptionsClasspathAndArgs() throws Exception {
        Result r = run("hadoop-yarn", "nodemanager", Map.of(), "--extra");
        assertEquals(0, r.exit, r.stderr);
        String app = appHome.toString();
        assertEquals(
                List.of(
                        "-XX:MaxRAMPercentage=75.0",
                        "--add-opens=java.base/java.lang=ALL-UNNAMED",
                        "-Dhadoop.log.dir=/var/log/hadoop-yarn",
                        "-Dhadoop.root.logger=INFO,console",
                        "-cp",
                        app + "/etc/hadoop:" + app + "/lib/*",
                        "org.apache.hadoop.yarn.server.nodemanager.NodeManager",
                        "--extra"),
                argv());
        assertTrue(env().contains("pwd=" + app), env());
    }

    @Test
    void environmentOverridesHeapPercentageAndAddsJavaOpts() throws Exception {
        Result r =
                run(
                        "java-cp",
                        "orders-api",
                        Map.of("KUBELIFT_MAX_RAM_PERCENTAGE", "60.0", "JAVA_OPTS", "-Da=1 -Db=2"));
        assertEquals(0, r.exit, r.stderr);
        List<String> argv = argv();
        assertEquals("-XX:MaxRAMPercentage=60.0", argv.get(0));
        assertTrue(argv.containsAll(List.of("-Da=1", "-Db=2")), argv.toString());
        assertFalse(
                argv.stream().anyMatch(a -> a.startsWith("-Xmx") || a.startsWith("-Xms")),
                argv.toString());
        assertEquals(
                List.of("com.example.orders.Main", "--config", "conf/orders.properties"),
                argv.subList(argv.size() - 3, argv.size()));
    }

    @Test
    void aPinnedHeapIsKeptAndNoPercentageAdded() throws Exception {
        Result r = run("cronjob", "invoice-run", Map.of());
        assertEquals(0, r.exit, r.stderr);
        assertEquals("-Xmx4g", argv().get(0));
        assertFalse(argv().stream().anyMatch(a -> a.startsWith("-XX:MaxRAMPercentage")));
    }

    @Test
    void fallsBackToJavaOnPath() throws Exception {
        Path bin = dir.resolve("bin");
        executable(bin.resolve("java"), FAKE_JAVA);
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", dir.resolve("no-such-jdk").toString());
        env.put("PATH", bin + ":/usr/bin:/bin");
        Result r = run("java-cp", "orders-api", env);
        assertEquals(0, r.exit, r.stderr);
        assertTrue(argv().contains("com.example.orders.Main"));
    }

    @Test
    void theProcessExitCodeIsTheContainerExitCode() throws Exception {
        Result r = run("java-cp", "orders-api", Map.of("FAKE_EXIT", "42"));
        assertEquals(42, r.exit);
    }

    @Test
    void exportsThePodFqdnFromPodIdentity() throws Exception {
        Result r =
                run(
                        "zookeeper",
                        "zk",
                        Map.of(
                                "POD_NAME",
                                "zk-1",
                                "POD_NAMESPACE",
                                "zookeeper-prod",
                                "KUBELIFT_SERVICE",
                                "zk-headless"));
        assertEquals(0, r.exit, r.stderr);
        assertTrue(env().contains("fqdn=zk-1.zk-headless.zookeeper-prod.svc.cluster.local"), env());
    }

    @Test
    void sigtermReachesTheJavaProcessWhichReplacedTheShell() throws Exception {
        Path pidFile = dir.resolve("pid");
        Path termFile = dir.resolve("term");
        executable(
                javaHome.resolve("bin/java"),
                "#!/bin/sh\n"
                        + "trap 'echo TERM > \""
                        + termFile
                        + "\"; exit 143' TERM\n"
                        + "echo $$ > \""
                        + pidFile
                        + "\"\n"
                        + "while :; do sleep 1; done\n");
        Process p = start(script("java-cp", "orders-api"), Map.of());
        for (int i = 0; i < 600 && !Files.exists(pidFile); i++) {
            Thread.sleep(100);
        }
        assertTrue(Files.exists(pidFile), "the fake java never started");
        Thread.sleep(200); // let the file be written completely
        assertEquals(
                String.valueOf(p.pid()),
                Files.readString(pidFile).strip(),
                "java is not the script's process: exec missing");
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(143, p.exitValue());
        assertEquals("TERM", Files.readString(termFile).strip());
    }

    @Test
    void rendersSecretPlaceholdersLiterallyFromTheEnvironment() throws Exception {
        Path templates = dir.resolve("templates");
        Path rendered = dir.resolve("rendered");
        String template =
                Fixtures.generate("spring-boot").text("k8s/base/web-config-configmap.yaml");
        assertTrue(template.contains("${SPRING_DATASOURCE_PASSWORD}"));
        Files.createDirectories(templates);
        Files.writeString(
                templates.resolve("application.yml"),
                "spring:\n  datasource:\n    password: ${SPRING_DATASOURCE_PASSWORD} # x\n"
                        + "other: ${NOT_A_SECRET}\n");
        String value = "p&ss/w\\rd$1 \"q\"";
        Result r =
                run(
                        "spring-boot",
                        "web",
                        Map.of(
                                "KUBELIFT_TEMPLATES_DIR",
                                templates.toString(),
                                "KUBELIFT_RENDERED_DIR",
                                rendered.toString(),
                                "SPRING_DATASOURCE_PASSWORD",
                                value),
                        "--render-config");
        assertEquals(0, r.exit, r.stderr);
        assertEquals(
                "spring:\n  datasource:\n    password: " + value + " # x\nother: ${NOT_A_SECRET}\n",
                Files.readString(rendered.resolve("config/application.yml")));
        assertFalse(Files.exists(record), "--render-config must not start the app");
    }

    @Test
    void renderingFailsWhenASecretIsMissing() throws Exception {
        Result r =
                run(
                        "spring-boot",
                        "web",
                        Map.of(
                                "KUBELIFT_TEMPLATES_DIR",
                                dir.toString(),
                                "KUBELIFT_RENDERED_DIR",
                                dir.resolve("r").toString()),
                        "--render-config");
        assertEquals(78, r.exit);
        assertTrue(r.stderr.contains("SPRING_DATASOURCE_PASSWORD is not set"), r.stderr);
    }

    @Test
    void waitsForPeersThatAcceptConnections() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            Result r =
                    run(
                            "java-cp",
                            "orders-api",
                            Map.of("KUBELIFT_WAIT_FOR", "127.0.0.1:" + server.getLocalPort()));
            assertEquals(0, r.exit, r.stderr);
            assertTrue(r.stderr.contains("is up") || r.stderr.contains("not waiting"), r.stderr);
        }
    }

    @Test
    void givesUpOnAPeerThatNeverComesUp() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Result r =
                run(
                        "java-cp",
                        "orders-api",
                        Map.of(
                                "KUBELIFT_WAIT_FOR",
                                "127.0.0.1:" + port,
                                "KUBELIFT_WAIT_TIMEOUT",
                                "0"));
        if (r.stderr.contains("not waiting")) {
            return; // neither nc nor bash here: the script documents that it skips the wait
        }
        assertEquals(75, r.exit, r.stderr);
        assertFalse(Files.exists(record), "java must not start when a peer is down");
    }

    private record Result(int exit, String stderr) {}

    private Path script(String plan, String component) throws IOException {
        Path s = dir.resolve(component + "-entrypoint.sh");
        Files.writeString(
                s, Fixtures.generate(plan).text("scripts/" + component + "/entrypoint.sh"));
        return s;
    }

    private Process start(Path script, Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(SHELL, script.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> e = pb.environment();
        e.keySet()
                .removeIf(
                        k ->
                                k.startsWith("KUBELIFT_")
                                        || k.equals("JAVA_OPTS")
                                        || k.startsWith("POD_"));
        e.put("JAVA_HOME", javaHome.toString());
        e.put("KUBELIFT_APP_HOME", appHome.toString());
        e.put("RECORD", record.toString());
        e.putAll(env);
        return pb.start();
    }

    private Result run(String plan, String component, Map<String, String> env, String... args)
            throws Exception {
        Process p = start(script(plan, component), env, args);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Result(p.exitValue(), err);
    }

    private List<String> argv() throws IOException {
        return Files.readAllLines(record);
    }

    private String env() throws IOException {
        return Files.readString(Path.of(record + ".env"));
    }

    private static void executable(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
