package io.kubelift.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubelift.image.BuildResult;
import io.kubelift.image.ImageBuilder;
import io.kubelift.image.ImageOptions;
import io.kubelift.model.Component;
import io.kubelift.model.Entrypoint;
import io.kubelift.model.FileSet;
import io.kubelift.model.LogDir;
import io.kubelift.model.MigrationPlan;
import io.kubelift.model.PlanSpec;
import io.kubelift.model.Port;
import io.kubelift.model.RuntimeRequirements;
import io.kubelift.model.Source;
import io.kubelift.model.StateDir;
import io.kubelift.testing.app.DirAppFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hadoop YARN RM + NM from images built here (Debian base) and played by the local runner, running
 * a distributed-shell job. The plan, start scripts, configs and manifests stand in for what
 * analyzer and generator will produce. Opt-in: {@code -Dkubelift.it.hadoop=<dir of the sample with
 * lib/ filled>}; needs root podman and the registry.
 */
class HadoopYarnRunTest {
    static final String DSHELL = "org.apache.hadoop.yarn.applications.distributedshell.Client";

    @TempDir Path tmp;

    static String script(String mainClass) {
        return "#!/bin/bash\nexec \"$JAVA_HOME/bin/java\" -Xmx512m --add-opens=java.base/java.lang=ALL-UNNAMED "
                + "-Dhadoop.log.dir=/var/log/hadoop-yarn -Dyarn.log.dir=/var/log/hadoop-yarn -Dhadoop.home.dir=/opt/app "
                + "-cp \"/opt/app/etc/hadoop:/opt/app/lib/*\" "
                + mainClass
                + "\n";
    }

    static Component component(String name, String main, boolean shell, List<Integer> ports) {
        return Component.builder(name)
                .workload(io.kubelift.model.Workload.StatefulSet)
                .entrypoint(
                        Entrypoint.mainClass(
                                "sbin/yarn-daemon.sh",
                                main,
                                List.of("etc/hadoop", "lib/*"),
                                List.of(),
                                List.of(),
                                null))
                .runtime(new RuntimeRequirements("17", shell, null, null))
                .ports(
                        ports.stream()
                                .map(p -> new Port("p" + p, p, "TCP", null, null, null))
                                .toList())
                .state(
                        List.of(
                                new StateDir(
                                        "/var/lib/hadoop-yarn", "local dirs", null, false, null)))
                .logs(List.of(new LogDir("/var/log/hadoop-yarn", null, null)))
                .build();
    }

    static String statefulSet(
            String name, String image, List<Integer> ports, String probePath, int probePort) {
        StringBuilder p = new StringBuilder();
        ports.forEach(x -> p.append("            - {containerPort: ").append(x).append("}\n"));
        return """
                apiVersion: v1
                kind: Service
                metadata: {name: %1$s}
                spec:
                  clusterIP: None
                  selector: {app.kubernetes.io/component: %1$s}
                ---
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: %1$s}
                spec:
                  serviceName: %1$s
                  replicas: 1
                  selector: {matchLabels: {app.kubernetes.io/component: %1$s}}
                  template:
                    metadata: {labels: {app.kubernetes.io/component: %1$s}}
                    spec:
                      containers:
                        - name: %1$s
                          image: %2$s
                          ports:
                %3$s          readinessProbe: {httpGet: {path: %4$s, port: %5$d}}
                          volumeMounts:
                            - {name: conf, mountPath: /opt/app/etc/hadoop}
                            - {name: state, mountPath: /var/lib/hadoop-yarn}
                            - {name: logs, mountPath: /var/log/hadoop-yarn}
                      volumes:
                        - {name: conf, configMap: {name: hadoop-conf}}
                        - {name: state, emptyDir: {}}
                        - {name: logs, emptyDir: {}}
                """
                .formatted(name, image, p, probePath, probePort);
    }

    @Test
    void resourceManagerAndNodeManagerRunADistributedShellJob() throws Exception {
        String sample = System.getProperty("kubelift.it.hadoop", "");
        assumeTrue(
                !sample.isEmpty() && PodmanRunTest.available(),
                "set -Dkubelift.it.hadoop=<sample dir>; needs podman + registry");
        Path app = Path.of(sample);
        List<Integer> rmPorts = List.of(8030, 8031, 8032, 8033, 8088);
        List<Integer> nmPorts = List.of(8040, 8041, 8042, 13562);
        MigrationPlan plan =
                MigrationPlan.of(
                        "hadoop-yarn",
                        new PlanSpec(
                                new Source(sample, List.of("hadoop-yarn")),
                                List.of(
                                        component(
                                                "resourcemanager",
                                                "org.apache.hadoop.yarn.server.resourcemanager.ResourceManager",
                                                false,
                                                rmPorts),
                                        component(
                                                "nodemanager",
                                                "org.apache.hadoop.yarn.server.nodemanager.NodeManager",
                                                true,
                                                nmPorts))));
        FileSet generated =
                new FileSet()
                        .add(
                                "scripts/resourcemanager/entrypoint.sh",
                                script(plan.spec().components().get(0).entrypoint().mainClass()),
                                FileSet.Mode.EXECUTABLE)
                        .add(
                                "scripts/nodemanager/entrypoint.sh",
                                script(plan.spec().components().get(1).entrypoint().mainClass()),
                                FileSet.Mode.EXECUTABLE);
        long t0 = System.nanoTime();
        BuildResult built =
                new ImageBuilder(
                                new ImageOptions(
                                        "registry:localhost:5000/kubelift-it-yarn",
                                        "debian",
                                        null,
                                        true))
                        .build(plan, new DirAppFiles(app), generated);
        System.out.printf(
                "build took %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, built.images());

        Path out = tmp.resolve("out");
        Path base = out.resolve("k8s/base");
        Files.createDirectories(base.resolve("config"));
        StringBuilder files = new StringBuilder();
        try (var s = Files.list(Path.of("src/test/resources/run/hadoop/conf"))) {
            for (Path f : s.sorted().toList()) {
                Files.copy(f, base.resolve("config").resolve(f.getFileName()));
                files.append("      - config/").append(f.getFileName()).append('\n');
            }
        }
        Files.writeString(
                base.resolve("kustomization.yaml"),
                "namespace: yarn\nresources: [resourcemanager.yaml, nodemanager.yaml]\n"
                        + "configMapGenerator:\n  - name: hadoop-conf\n    files:\n"
                        + files);
        Files.writeString(
                base.resolve("resourcemanager.yaml"),
                statefulSet(
                        "resourcemanager",
                        built.images().get("resourcemanager"),
                        rmPorts,
                        "/ws/v1/cluster/info",
                        8088));
        Files.writeString(
                base.resolve("nodemanager.yaml"),
                statefulSet(
                        "nodemanager",
                        built.images().get("nodemanager"),
                        nmPorts,
                        "/ws/v1/node/info",
                        8042));

        LocalRunner runner =
                new LocalRunner(
                        new RunOptions("podman", "kubelift-it-yarn", Duration.ofMinutes(3)));
        HttpClient http = HttpClient.newHttpClient();
        try {
            long t1 = System.nanoTime();
            runner.up(out);
            int active = 0;
            for (int i = 0; i < 120 && active < 1; i++) {
                String m =
                        http.send(
                                        HttpRequest.newBuilder(
                                                        URI.create(
                                                                "http://127.0.0.1:8088/ws/v1/cluster/metrics"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .body();
                Matcher am = Pattern.compile("\"activeNodes\":(\\d+)").matcher(m);
                active = am.find() ? Integer.parseInt(am.group(1)) : 0;
                if (active < 1) {
                    Thread.sleep(1000);
                }
            }
            System.out.printf(
                    "up + activeNodes=%d after %.1f s%n", active, (System.nanoTime() - t1) / 1e9);
            assertEquals(1, active);
            Process job =
                    new ProcessBuilder(
                                    "podman",
                                    "exec",
                                    "nodemanager-0-nodemanager",
                                    "bash",
                                    "-c",
                                    "cd \"$HOME\" && exec \"$JAVA_HOME/bin/java\" -Xmx256m -cp '/opt/app/etc/hadoop:/opt/app/lib/*' "
                                            + DSHELL
                                            + " -jar $(ls /opt/app/lib/hadoop-yarn-applications-distributedshell-*.jar) -shell_command 'echo hi'"
                                            + " -num_containers 1 -master_memory 512 -container_memory 256 -timeout 240000")
                            .redirectErrorStream(true)
                            .start();
            String log = new String(job.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int rc = job.waitFor();
            String apps =
                    http.send(
                                    HttpRequest.newBuilder(
                                                    URI.create(
                                                            "http://127.0.0.1:8088/ws/v1/cluster/apps"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body();
            assertTrue(
                    rc == 0 && apps.contains("\"finalStatus\":\"SUCCEEDED\""),
                    "dshell rc "
                            + rc
                            + "\n"
                            + apps
                            + "\n"
                            + log.substring(Math.max(0, log.length() - 3000)));
        } finally {
            runner.down(out, true); // claims too: a test leaves nothing behind
        }
    }
}
