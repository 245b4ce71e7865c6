package io.kubelift.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubelift.image.BuildResult;
import io.kubelift.image.ImageBuilder;
import io.kubelift.image.ImageOptions;
import io.kubelift.testing.app.DirAppFiles;
import io.kubelift.testing.app.TinyApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tiny app end to end where podman and the local registry (.ci/containers-setup.sh) are
 * present: Jib build on a jlink base, push, play a Deployment + Service + secretGenerator with the
 * local runner, HTTP to it, down.
 */
class PodmanRunTest {
    @TempDir Path tmp;

    static boolean available() {
        try {
            Process p = new ProcessBuilder("podman", "--version").redirectErrorStream(true).start();
            if (p.waitFor() != 0) {
                return false;
            }
            HttpResponse<Void> r =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:5000/v2/"))
                                            .timeout(Duration.ofSeconds(2))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200 && "root".equals(System.getProperty("user.name"));
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void buildsPushesPlaysAndTearsDownTheTinyApp() throws Exception {
        assumeTrue(
                available(),
                "needs podman, root and a registry on 127.0.0.1:5000 (run .ci/containers-setup.sh)");
        Path app = TinyApp.write(tmp.resolve("app"), "it");
        ImageOptions io =
                new ImageOptions(
                        "registry:localhost:5000/kubelift-it",
                        "jlink",
                        Path.of("target", "kubelift-test-cache").toAbsolutePath(),
                        true);
        BuildResult built =
                new ImageBuilder(io)
                        .build(TinyApp.plan(false), new DirAppFiles(app), TinyApp.generated());
        String image = built.images().get("hello");
        assertTrue(image.startsWith("localhost:5000/kubelift-it/hello@sha256:"), image);

        Path out = tmp.resolve("out");
        Path base = out.resolve("k8s/base");
        Files.createDirectories(base.resolve("secrets"));
        Files.writeString(base.resolve("secrets/greeting.env"), "GREETING=hi-from-a-secret\n");
        Files.writeString(
                base.resolve("kustomization.yaml"),
                """
                namespace: tiny
                resources: [hello.yaml]
                secretGenerator:
                  - name: greeting
                    envs: [secrets/greeting.env]
                """);
        Files.writeString(
                base.resolve("hello.yaml"),
                """
                apiVersion: v1
                kind: Service
                metadata: {name: hello}
                spec:
                  selector: {app: hello}
                  ports: [{port: 8080}]
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: hello}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: hello}}
                  template:
                    metadata: {labels: {app: hello}}
                    spec:
                      containers:
                        - name: hello
                          image: %s
                          env:
                            - name: GREETING
                              valueFrom: {secretKeyRef: {name: greeting, key: GREETING}}
                          ports: [{containerPort: 8080, hostPort: 18471}]
                          readinessProbe:
                            httpGet: {path: /healthz, port: 8080}
                """
                        .formatted(image));
        LocalRunner runner =
                new LocalRunner(new RunOptions("podman", "kubelift-it", Duration.ofSeconds(90)));
        try {
            RunResult r = runner.up(out);
            assertEquals(List.of("hello-0-hello"), r.pods().get(0).containers());
            assertTrue(r.pods().get(0).aliases().contains("hello.tiny.svc.cluster.local"));
            String body =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:18471/"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body();
            assertTrue(body.contains("GREETING=hi-from-a-secret"), body);
            assertTrue(body.contains("user=app"), "the runtime uid needs a passwd entry: " + body);
        } finally {
            runner.down(out, true); // claims too: a test leaves nothing behind
        }
        Process p = new ProcessBuilder("podman", "pod", "exists", "hello-0").start();
        assertEquals(1, p.waitFor(), "down must remove the pod");
        Process s = new ProcessBuilder("podman", "secret", "inspect", "greeting").start();
        assertFalse(s.waitFor() == 0, "down must remove the podman secret");
    }
}
