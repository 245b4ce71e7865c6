package io.kubelift.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.model.KubeliftException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** up/down bookkeeping against a fake podman that tracks what exists. */
class LocalRunnerTest {
    @TempDir Path out;

    /**
     * A fake podman: remembers created networks, secrets, pods and volumes; "exists"/"inspect"
     * answer from that.
     */
    static class FakePodman implements ContainerEngine {
        final List<String> calls = new ArrayList<>();
        final Set<String> things = new HashSet<>();
        final List<byte[]> stdins = new ArrayList<>();

        @Override
        public Result run(List<String> args, byte[] stdin) {
            String line = String.join(" ", args);
            calls.add(line);
            if (stdin != null) {
                stdins.add(stdin);
            }
            String a0 = args.get(0);
            String a1 = args.size() > 1 ? args.get(1) : "";
            if (a1.equals("exists") || (a0.equals("secret") && a1.equals("inspect"))) {
                return new Result(things.contains(a0 + ":" + args.get(2)) ? 0 : 1, "", "");
            }
            if (a1.equals("create")) {
                things.add(a0 + ":" + args.get(2));
            }
            if (a0.equals("kube") && a1.equals("play")) {
                String file = args.get(args.size() - 1);
                String pod = Path.of(file).getFileName().toString().replace(".yaml", "");
                things.add("pod:" + pod);
                things.add("volume:data-" + pod);
            }
            if (a0.equals("kube") && a1.equals("down")) {
                things.remove(
                        "pod:"
                                + Path.of(args.get(2))
                                        .getFileName()
                                        .toString()
                                        .replace(".yaml", ""));
            }
            if (a1.equals("rm")) {
                things.remove(a0 + ":" + args.get(args.size() - 1));
            }
            return new Result(0, "", "");
        }
    }

    private void writeManifests() throws Exception {
        Path base = out.resolve("k8s/base");
        Files.createDirectories(base);
        Files.writeString(
                base.resolve("app.yaml"),
                """
                apiVersion: v1
                kind: Secret
                metadata: {name: tls}
                stringData: {password: s3cret}
                ---
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db}
                spec:
                  serviceName: db
                  template:
                    metadata: {labels: {app: db}}
                    spec:
                      containers:
                        - name: db
                          image: localhost:5000/db@sha256:3333333333333333333333333333333333333333333333333333333333333333
                          volumeMounts: [{name: tls, mountPath: /tls}]
                      volumes:
                        - name: tls
                          secret: {secretName: tls}
                  volumeClaimTemplates:
                    - metadata: {name: data}
                """);
    }

    @Test
    void downRemovesEverythingUpCreatedButTheClaimsUntilAskedTo() throws Exception {
        writeManifests();
        FakePodman podman = new FakePodman();
        LocalRunner runner =
                new LocalRunner(new RunOptions("podman", "kl-test", Duration.ofSeconds(1)), podman);
        RunResult r = runner.up(out);
        assertEquals(List.of("db-0"), r.pods().stream().map(RunResult.Pod::name).toList());
        assertEquals(List.of("db-0-db"), r.pods().get(0).containers());
        assertTrue(Files.exists(out.resolve(".kubelift/run.json")));
        assertTrue(
                podman.things.containsAll(
                        Set.of("network:kl-test", "secret:tls", "pod:db-0", "volume:data-db-0")),
                podman.things.toString());
        // the secret value goes to podman on stdin only, as a Kubernetes Secret with plain data
        // (for a volume)
        assertEquals(
                "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"tls\"},\"data\":{\"password\":\"s3cret\"}}",
                new String(podman.stdins.get(0), StandardCharsets.UTF_8));
        assertFalse(String.join("\n", podman.calls).contains("s3cret"));
        assertFalse(Files.readString(out.resolve(".kubelift/run.json")).contains("s3cret"));

        KubeliftException again = assertThrows(KubeliftException.class, () -> runner.up(out));
        assertTrue(again.getMessage().contains("kubelift down"), again.getMessage());

        runner.down(out);
        // the StatefulSet's claim outlives its pod, as on a cluster: the next up finds its data
        assertEquals(Set.of("volume:data-db-0"), podman.things);
        assertFalse(Files.exists(out.resolve(".kubelift/run.json")));
        assertTrue(
                Files.readString(out.resolve(".kubelift/kept-volumes.json")).contains("data-db-0"));
        runner.down(out); // nothing up: a no-op
        assertEquals(Set.of("volume:data-db-0"), podman.things);

        runner.up(out); // the same claim again
        runner.down(out, true); // --volumes: everything goes
        assertTrue(podman.things.isEmpty(), "left behind: " + podman.things);
        assertFalse(Files.exists(out.resolve(".kubelift/kept-volumes.json")));
    }

    @Test
    void downWithVolumesAfterAPlainDownRemovesTheKeptClaims() throws Exception {
        writeManifests();
        FakePodman podman = new FakePodman();
        LocalRunner runner =
                new LocalRunner(new RunOptions("podman", "kl-test", Duration.ofSeconds(1)), podman);
        runner.up(out);
        runner.down(out);
        assertEquals(Set.of("volume:data-db-0"), podman.things);
        runner.down(out, true);
        assertTrue(podman.things.isEmpty(), "left behind: " + podman.things);
        assertFalse(Files.exists(out.resolve(".kubelift/kept-volumes.json")));
    }

    @Test
    void anExistingNetworkIsUsedAndKept() throws Exception {
        writeManifests();
        FakePodman podman = new FakePodman();
        podman.things.add("network:shared");
        LocalRunner runner =
                new LocalRunner(new RunOptions(null, "shared", Duration.ofSeconds(1)), podman);
        runner.up(out);
        runner.down(out, true);
        assertEquals(Set.of("network:shared"), podman.things);
    }

    @Test
    void everyPodIsPlayedBeforeAnyIsWaitedFor() throws Exception {
        // the StatefulSet member's start script waits for the Deployment's Service: waiting for it
        // before playing the
        // Deployment would never end
        Path base = out.resolve("k8s/base");
        Files.createDirectories(base);
        Files.writeString(
                base.resolve("app.yaml"),
                """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: worker}
                spec:
                  serviceName: worker
                  template:
                    metadata: {labels: {app: worker}}
                    spec:
                      containers:
                        - name: app
                          image: worker
                          env: [{name: KUBELIFT_WAIT_FOR, value: "master:8088"}]
                          readinessProbe: {exec: {command: [ready]}}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: master}
                spec:
                  template:
                    metadata: {labels: {app: master}}
                    spec:
                      containers:
                        - name: app
                          image: master
                          readinessProbe: {exec: {command: [ready]}}
                """);
        FakePodman podman = new FakePodman();
        new LocalRunner(new RunOptions("podman", "kl-test", Duration.ofSeconds(1)), podman).up(out);
        List<String> calls = podman.calls;
        int lastPlay = -1;
        int firstProbe = -1;
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).startsWith("kube play")) {
                lastPlay = i;
            }
            if (calls.get(i).startsWith("exec ") && firstProbe < 0) {
                firstProbe = i;
            }
        }
        assertTrue(lastPlay >= 0 && firstProbe >= 0, calls.toString());
        assertTrue(lastPlay < firstProbe, "a pod was waited for before the last play: " + calls);
        assertTrue(calls.get(lastPlay).endsWith("master-0.yaml"), calls.get(lastPlay));
    }

    @Test
    void upBeforeTheImagesAreBuiltSaysToRunKubeliftBuildNotPodmansRawError() throws Exception {
        writeManifests();
        FakePodman podman =
                new FakePodman() {
                    @Override
                    public Result run(List<String> args, byte[] stdin) {
                        if (args.get(0).equals("kube") && args.get(1).equals("play")) {
                            calls.add(String.join(" ", args));
                            return new Result(
                                    125,
                                    "",
                                    "Error: db-0: short-name resolution enforced but cannot prompt without a TTY\n");
                        }
                        return super.run(args, stdin);
                    }
                };
        LocalRunner runner =
                new LocalRunner(new RunOptions("podman", "kl-test", Duration.ofSeconds(1)), podman);
        KubeliftException e = assertThrows(KubeliftException.class, () -> runner.up(out));
        assertEquals(3, e.exitCode());
        assertTrue(
                e.getMessage().contains("is not built or not pullable")
                        && e.getMessage().contains("kubelift build ")
                        && e.getMessage().contains("then kubelift up "),
                e.getMessage());
        // what the failed up created is gone: no state left, so `up` after the build just works
        assertFalse(Files.exists(RunState.fileIn(out)), "the failed up left its run state");
        assertTrue(
                podman.calls.stream().anyMatch(c -> c.startsWith("secret rm ")),
                "the failed up left its secrets: " + podman.calls);
    }
}
