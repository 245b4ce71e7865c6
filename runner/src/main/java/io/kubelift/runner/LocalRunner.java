package io.kubelift.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.kubelift.model.KubeliftException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A smoke-test runner, not a cluster: plays the generated manifests of {@code OUT/k8s/base} with
 * {@code podman kube play}, after translating a copy of them into what podman 4.3 can play (see
 * {@link PlayTranslator}); the manifests meant for a cluster are never changed. One {@code kube
 * play} per pod, with {@code --network NET:alias=…} for the pod's DNS names; podman secrets for
 * Secrets; then it waits until every pod's readiness probe passes, checked from the host. {@code
 * down} removes the pods, the volumes, the podman secrets and the network it created, as recorded
 * in {@code OUT/.kubelift/run.json}.
 */
public final class LocalRunner {
    private final RunOptions options;
    private final ContainerEngine engine;

    public LocalRunner(RunOptions options) {
        this(options, new PodmanCli(options.runtime()));
    }

    LocalRunner(RunOptions options, ContainerEngine engine) {
        if (!options.runtime().equals("podman") && !options.runtime().endsWith("/podman")) {
            throw KubeliftException.usage(
                    "runtime '" + options.runtime() + "' is not supported", "use --runtime podman");
        }
        this.options = options;
        this.engine = engine;
    }

    /** Plays {@code outDir/k8s/base} and waits until every pod is ready. */
    public RunResult up(Path outDir) {
        Path stateFile = RunState.fileIn(outDir);
        if (Files.exists(stateFile)) {
            throw KubeliftException.usage(
                    outDir + " is already up (" + stateFile + " exists)",
                    "run `kubelift down " + outDir + "` first");
        }
        Path base = outDir.resolve("k8s").resolve("base");
        Path playDir = outDir.toAbsolutePath().resolve(".kubelift").resolve("play");
        PlayPlan plan = new PlayTranslator(Manifests.load(base), playDir).translate();
        List<String> configMapFiles = writePlayFiles(plan, playDir);
        RunState state = new RunState(stateFile);
        state.runtime = options.runtime();
        state.network = options.network();
        state.save();

        if (!engine.run(List.of("network", "exists", options.network()), null).ok()) {
            must(
                    List.of("network", "create", options.network()),
                    null,
                    "create network " + options.network());
            state.networkCreated = true;
            state.save();
        }
        for (PlayPlan.Secret s : plan.secrets()) {
            if (engine.run(List.of("secret", "inspect", s.name()), null).ok()) {
                throw KubeliftException.usage(
                        "a podman secret named " + s.name() + " already exists",
                        "remove it (`podman secret rm "
                                + s.name()
                                + "`) if an earlier run left it");
            }
            must(
                    List.of("secret", "create", s.name(), "-"),
                    secretContent(s),
                    "create podman secret " + s.name());
            state.secrets.add(s.name());
            state.save();
        }
        List<RunResult.Pod> pods = new ArrayList<>();
        for (List<PlayPlan.Unit> tier : plan.tiers()) {
            for (PlayPlan.Unit u : tier) {
                if (engine.run(List.of("pod", "exists", u.podName()), null).ok()) {
                    throw KubeliftException.usage(
                            "a podman pod named " + u.podName() + " already exists",
                            "remove it (`podman pod rm -f "
                                    + u.podName()
                                    + "`) if an earlier run left it");
                }
                Path file = playDir.resolve(u.podName() + ".yaml");
                state.pods.add(new RunState.PlayedPod(u.podName(), file.toString()));
                for (String v : u.volumes()) {
                    if (!state.volumes.contains(v)) {
                        state.volumes.add(v);
                    }
                }
                for (String v : u.claims()) {
                    if (!state.claims.contains(v)) {
                        state.claims.add(v);
                    }
                }
                state.save();
                ContainerEngine.Result played =
                        engine.run(playArgs(u, configMapFiles, file, options.network()), null);
                if (!played.ok() && imageMissing(played.err() + played.out())) {
                    // Nothing can run without its image: take back what this run created, so the
                    // next step is the build and then `up` again, not a `down` first.
                    String undone = undo(outDir);
                    throw new KubeliftException(
                            KubeliftException.Kind.BAD_INPUT,
                            KubeliftException.format(
                                    outDir.toString(),
                                    "the image of "
                                            + u.workload()
                                            + " is not built or not pullable ("
                                            + options.runtime()
                                            + ": "
                                            + firstLine((played.err() + played.out()).strip())
                                            + ")",
                                    "build the images first: kubelift build "
                                            + outDir.resolve("plan.yaml")
                                            + " --to registry:REF (docs/images.md), then kubelift up "
                                            + outDir
                                            + " again"
                                            + undone));
                }
                must(played, "play " + u.workload() + " as pod " + u.podName());
            }
        }
        // Every pod is started before any is waited for: start scripts wait for their peers
        // themselves
        // (KUBELIFT_WAIT_FOR), and a StatefulSet member may wait for a Deployment's Service (a
        // NodeManager for its
        // ResourceManager), so waiting tier by tier would deadlock.
        for (List<PlayPlan.Unit> tier : plan.tiers()) {
            for (PlayPlan.Unit u : tier) {
                String ip = ip(u.podName());
                if (!u.runsToCompletion()) {
                    awaitReady(u, ip);
                }
                pods.add(
                        new RunResult.Pod(
                                u.podName(),
                                u.workload(),
                                u.containers(),
                                u.aliases(),
                                u.hostPorts(),
                                ip));
            }
        }
        return new RunResult(options.network(), pods, plan.skipped());
    }

    /**
     * Removes what {@code up} recorded but the volumes of PersistentVolumeClaims, as a cluster
     * keeps a StatefulSet's claims when its pods go: the next {@code up} finds their data. Does
     * nothing when nothing is up.
     */
    public void down(Path outDir) {
        down(outDir, false);
    }

    /**
     * Removes what {@code up} recorded; {@code removeClaims} removes the volumes of
     * PersistentVolumeClaims too (a fresh start). Does nothing when nothing is up.
     */
    public void down(Path outDir, boolean removeClaims) {
        Path stateFile = RunState.fileIn(outDir);
        Path keptFile = RunState.keptClaimsIn(outDir);
        if (!Files.exists(stateFile)) {
            if (removeClaims && Files.exists(keptFile)) { // claims an earlier down kept
                List<String> problems = new ArrayList<>();
                for (String v : RunState.readKeptClaims(keptFile)) {
                    if (engine.run(List.of("volume", "exists", v), null).ok()) {
                        check(
                                engine.run(List.of("volume", "rm", "-f", v), null),
                                "remove volume " + v,
                                problems);
                    }
                }
                if (!problems.isEmpty()) {
                    throw new KubeliftException(
                            KubeliftException.Kind.BAD_INPUT,
                            KubeliftException.format(
                                    keptFile.toString(),
                                    "could not remove everything: " + String.join("; ", problems),
                                    "remove them with podman, then delete " + keptFile));
                }
                RunState.writeKeptClaims(keptFile, List.of());
            }
            return;
        }
        RunState state = RunState.read(stateFile);
        List<String> problems = new ArrayList<>();
        for (int i = state.pods.size() - 1; i >= 0; i--) {
            RunState.PlayedPod p = state.pods.get(i);
            if (Files.exists(Path.of(p.playFile()))) {
                engine.run(List.of("kube", "down", p.playFile()), null);
            }
            if (engine.run(List.of("pod", "exists", p.name()), null).ok()) {
                check(
                        engine.run(List.of("pod", "rm", "-f", p.name()), null),
                        "remove pod " + p.name(),
                        problems);
            }
        }
        for (String v : state.volumes) {
            if (!removeClaims && state.claims.contains(v)) {
                continue; // a PersistentVolumeClaim outlives its pods
            }
            if (engine.run(List.of("volume", "exists", v), null).ok()) {
                check(
                        engine.run(List.of("volume", "rm", "-f", v), null),
                        "remove volume " + v,
                        problems);
            }
        }
        for (String s : state.secrets) {
            if (engine.run(List.of("secret", "inspect", s), null).ok()) {
                check(engine.run(List.of("secret", "rm", s), null), "remove secret " + s, problems);
            }
        }
        if (state.networkCreated
                && engine.run(List.of("network", "exists", state.network), null).ok()) {
            check(
                    engine.run(List.of("network", "rm", state.network), null),
                    "remove network " + state.network,
                    problems);
        }
        if (!problems.isEmpty()) {
            throw new KubeliftException(
                    KubeliftException.Kind.BAD_INPUT,
                    KubeliftException.format(
                            stateFile.toString(),
                            "could not remove everything: " + String.join("; ", problems),
                            "remove them with podman, then delete " + stateFile));
        }
        List<String> kept = new ArrayList<>();
        if (!removeClaims) {
            kept.addAll(RunState.readKeptClaims(keptFile));
            state.claims.stream().filter(c -> !kept.contains(c)).forEach(kept::add);
        }
        RunState.writeKeptClaims(keptFile, kept);
        try {
            Files.delete(stateFile);
            Path playDir = outDir.resolve(".kubelift").resolve("play");
            if (Files.isDirectory(playDir)) {
                try (var s = Files.walk(playDir)) {
                    for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code kube play} with the pod's DNS names as network aliases and every ConfigMap file. */
    static List<String> playArgs(
            PlayPlan.Unit u, List<String> configMapFiles, Path file, String network) {
        List<String> args = new ArrayList<>(List.of("kube", "play", "--tls-verify=false"));
        StringBuilder net = new StringBuilder(network);
        for (int i = 0; i < u.aliases().size(); i++) {
            net.append(i == 0 ? ":" : ",").append("alias=").append(u.aliases().get(i));
        }
        args.add("--network");
        args.add(net.toString());
        for (String cm : configMapFiles) {
            args.add("--configmap");
            args.add(cm);
        }
        args.add(file.toString());
        return args;
    }

    /**
     * Writes the translated pods and ConfigMaps (one file each, as podman reads one ConfigMap per
     * file).
     */
    static List<String> writePlayFiles(PlayPlan plan, Path playDir) {
        try {
            if (Files.isDirectory(playDir)) {
                try (var s = Files.walk(playDir)) {
                    for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(playDir);
            List<String> cms = new ArrayList<>();
            for (ConfigMap cm : plan.configMaps()) {
                Path f = playDir.resolve("configmap-" + cm.getMetadata().getName() + ".yaml");
                Files.writeString(f, yaml(cm), StandardCharsets.UTF_8);
                cms.add(f.toString());
            }
            for (Map.Entry<String, String> f : plan.files().entrySet()) {
                Path file = playDir.resolve(f.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
            }
            for (Map.Entry<String, Long> d : plan.sharedDirs().entrySet()) {
                Path p = playDir.resolve(d.getKey());
                if (d.getKey().endsWith("/")) {
                    Files.createDirectories(p);
                } else {
                    Files.createDirectories(p.getParent());
                    Files.write(p, new byte[0]);
                }
                shareWithGroup(p, d.getValue(), d.getKey().endsWith("/"));
            }
            for (List<PlayPlan.Unit> tier : plan.tiers()) {
                for (PlayPlan.Unit u : tier) {
                    Files.writeString(
                            playDir.resolve(u.podName() + ".yaml"),
                            yaml(u.pod()),
                            StandardCharsets.UTF_8);
                }
            }
            return cms;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Owner and {@code group} only ({@code rwxrwx---} / {@code rw-rw----}), group-owned by {@code
     * group}: what an emptyDir of a pod with that {@code fsGroup} is. Where the group cannot be set
     * (not root), the path keeps the runner's group.
     */
    private static void shareWithGroup(Path p, long group, boolean dir) throws IOException {
        Files.setPosixFilePermissions(
                p,
                java.nio.file.attribute.PosixFilePermissions.fromString(
                        dir ? "rwxrwx---" : "rw-rw----"));
        try {
            Files.setAttribute(p, "unix:gid", (int) group);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not permitted: the pod's user may then be unable to write it, as podman would say
        }
    }

    static String yaml(Object o) {
        try {
            return Manifests.YAML.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The podman secret's bytes: base64 values in a JSON map for env use, a Secret with plain
     * values for volumes.
     */
    static byte[] secretContent(PlayPlan.Secret s) {
        ObjectMapper json = new ObjectMapper();
        Map<String, Object> doc = new LinkedHashMap<>();
        if (s.form().equals("env")) {
            s.data()
                    .forEach(
                            (k, v) ->
                                    doc.put(
                                            k,
                                            Base64.getEncoder()
                                                    .encodeToString(
                                                            v.getBytes(StandardCharsets.UTF_8))));
        } else {
            doc.put("apiVersion", "v1");
            doc.put("kind", "Secret");
            doc.put("metadata", Map.of("name", s.name()));
            doc.put("data", s.data());
        }
        try {
            return json.writeValueAsBytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String ip(String pod) {
        ContainerEngine.Result infra =
                engine.run(
                        List.of("pod", "inspect", pod, "--format", "{{.InfraContainerID}}"), null);
        if (!infra.ok() || infra.out().isBlank()) {
            return "";
        }
        ContainerEngine.Result r =
                engine.run(
                        List.of(
                                "inspect",
                                infra.out().strip(),
                                "--format",
                                "{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}"),
                        null);
        return r.ok() ? r.out().strip().split("\\s+")[0] : "";
    }

    private void awaitReady(PlayPlan.Unit u, String ip) {
        long deadline = System.nanoTime() + options.readinessTimeout().toNanos();
        for (PlayPlan.Probe p : u.probes()) {
            String why = "not checked yet";
            while (true) {
                why = check(u, p, ip);
                if (why == null) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    String container = u.podName() + "-" + p.container();
                    ContainerEngine.Result logs =
                            engine.run(List.of("logs", "--tail", "25", container), null);
                    throw new KubeliftException(
                            KubeliftException.Kind.BAD_INPUT,
                            KubeliftException.format(
                                    "pod " + u.podName(),
                                    "not ready after "
                                            + options.readinessTimeout().toSeconds()
                                            + " s ("
                                            + why
                                            + "); last log lines of "
                                            + container
                                            + ":\n"
                                            + (logs.out() + logs.err()).strip(),
                                    "fix the cause, then `kubelift down` and `up` again"));
                }
                sleep();
            }
        }
    }

    /** Null when the probe passes, else why not. */
    private String check(PlayPlan.Unit u, PlayPlan.Probe p, String ip) {
        String host = ip.isEmpty() ? "127.0.0.1" : ip;
        int port = p.port();
        if (ip.isEmpty() && u.hostPorts().containsKey(port)) {
            port = u.hostPorts().get(port);
        }
        switch (p.type()) {
            case "http" -> {
                try {
                    HttpClient client =
                            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                    HttpResponse<Void> r =
                            client.send(
                                    HttpRequest.newBuilder(
                                                    URI.create(
                                                            "http://" + host + ":" + port
                                                                    + p.path()))
                                            .timeout(Duration.ofSeconds(5))
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding());
                    return r.statusCode() >= 200 && r.statusCode() < 400
                            ? null
                            : "HTTP " + r.statusCode() + " from " + p.path();
                } catch (IOException e) {
                    return "GET http://"
                            + host
                            + ":"
                            + port
                            + p.path()
                            + ": "
                            + e.getClass().getSimpleName();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new KubeliftException(KubeliftException.Kind.INTERNAL, "interrupted", e);
                }
            }
            case "tcp" -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(host, port), 2000);
                    return null;
                } catch (IOException e) {
                    return "tcp " + host + ":" + port + ": " + e.getMessage();
                }
            }
            default -> {
                List<String> args =
                        new ArrayList<>(List.of("exec", u.podName() + "-" + p.container()));
                args.addAll(p.command());
                ContainerEngine.Result r = engine.run(args, null);
                return r.ok() ? null : "exec probe exit code " + r.exitCode();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubeliftException(KubeliftException.Kind.INTERNAL, "interrupted", e);
        }
    }

    /**
     * Whether podman failed because an image is missing: the generated manifests name images {@code
     * kubelift build} makes, which do not exist before it ran (podman then reports a short name it
     * cannot resolve, or a failed pull).
     */
    static boolean imageMissing(String podmanOutput) {
        String s = podmanOutput.toLowerCase(java.util.Locale.ROOT);
        return s.contains("short-name")
                || s.contains("image not known")
                || s.contains("pull access denied")
                || s.contains("manifest unknown")
                || s.contains("unable to pull")
                || s.contains("requested access to the resource is denied")
                || s.contains("initializing source") && s.contains("connection refused");
    }

    /**
     * Removes what a failed {@code up} created (as {@code down} would, claims included: they are
     * new and empty); "" when that worked, else what the user still has to do.
     */
    private String undo(Path outDir) {
        try {
            down(outDir, true);
            return "";
        } catch (KubeliftException e) {
            return "; this run could not remove everything it created ("
                    + e.getMessage()
                    + "), so run kubelift down "
                    + outDir
                    + " first";
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private void must(List<String> args, byte[] stdin, String what) {
        must(engine.run(args, stdin), what);
    }

    private void must(ContainerEngine.Result r, String what) {
        if (!r.ok()) {
            throw new KubeliftException(
                    KubeliftException.Kind.BAD_INPUT,
                    KubeliftException.format(
                            options.runtime(),
                            "could not " + what + ": " + (r.err() + r.out()).strip(),
                            "see the message above; `kubelift down` removes what was created so far"));
        }
    }

    private static void check(ContainerEngine.Result r, String what, List<String> problems) {
        if (!r.ok()) {
            problems.add(what + ": " + r.err().strip());
        }
    }
}
