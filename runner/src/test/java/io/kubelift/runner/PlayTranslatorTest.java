package io.kubelift.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.model.KubeliftException;
import io.kubelift.testing.Golden;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Translation of cluster manifests into podman kube play input, checked against golden files. */
class PlayTranslatorTest {
    static final Path FIXTURE = Path.of("src/test/resources/run/yarn/k8s/base");

    /**
     * Where the hostPath mounts of the golden play files point (the runner passes
     * OUT/.kubelift/play).
     */
    static final Path PLAY_DIR = Path.of("/out/.kubelift/play");

    @TempDir Path tmp;

    /**
     * The play files plus a summary of aliases, ports, probes, volumes, secrets (keys only) and
     * play commands.
     */
    static String summary(PlayPlan plan, Path playDir) {
        StringBuilder sb = new StringBuilder();
        int t = 0;
        for (List<PlayPlan.Unit> tier : plan.tiers()) {
            sb.append("tier ").append(t++).append('\n');
            for (PlayPlan.Unit u : tier) {
                sb.append("  pod ")
                        .append(u.podName())
                        .append(" from ")
                        .append(u.workload())
                        .append('\n');
                sb.append("    containers: ").append(u.containers()).append('\n');
                sb.append("    aliases: ").append(u.aliases()).append('\n');
                sb.append("    hostPorts: ").append(u.hostPorts()).append('\n');
                sb.append("    probes: ").append(u.probes()).append('\n');
                sb.append("    volumes: ").append(u.volumes()).append('\n');
                sb.append("    runsToCompletion: ").append(u.runsToCompletion()).append('\n');
                List<String> cms =
                        plan.configMaps().stream()
                                .map(c -> "configmap-" + c.getMetadata().getName() + ".yaml")
                                .toList();
                sb.append("    play: podman ")
                        .append(
                                String.join(
                                        " ",
                                        LocalRunner.playArgs(
                                                u,
                                                cms,
                                                Path.of(u.podName() + ".yaml"),
                                                "kubelift")))
                        .append('\n');
            }
        }
        plan.secrets().forEach(s -> sb.append("secret ").append(s).append('\n'));
        plan.skipped().forEach(s -> sb.append("skipped ").append(s).append('\n'));
        return sb.toString();
    }

    @Test
    void translatesStatefulSetsServicesSecretsAndJobsForPodman() throws Exception {
        PlayPlan plan = new PlayTranslator(Manifests.load(FIXTURE), PLAY_DIR).translate();
        Path play = tmp.resolve("play");
        LocalRunner.writePlayFiles(plan, play);
        Files.writeString(play.resolve("summary.txt"), summary(plan, play), StandardCharsets.UTF_8);
        Golden.assertTreeMatches(Path.of("src/test/resources/golden/run/yarn"), play);
    }

    @Test
    void secretValuesNeverAppearInPlayFilesOrSummaries() throws Exception {
        PlayPlan plan = new PlayTranslator(Manifests.load(FIXTURE), PLAY_DIR).translate();
        Path play = tmp.resolve("play2");
        LocalRunner.writePlayFiles(plan, play);
        String all = summary(plan, play) + plan.secrets();
        try (var s = Files.walk(play)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                all += Files.readString(p);
            }
        }
        assertFalse(all.contains("not-a-real-password"));
        // ...but the podman secret carries it, base64 in a JSON map, for secretKeyRef
        String content =
                new String(
                        LocalRunner.secretContent(plan.secrets().get(0)), StandardCharsets.UTF_8);
        assertEquals(
                "{\"SSL_SERVER_KEYSTORE_PASSWORD\":\"bm90LWEtcmVhbC1wYXNzd29yZA==\"}", content);
    }

    @Test
    void theClusterManifestsAreNotChanged() throws Exception {
        String before = Files.readString(FIXTURE.resolve("nodemanager.yaml"));
        new PlayTranslator(Manifests.load(FIXTURE), PLAY_DIR).translate();
        assertEquals(before, Files.readString(FIXTURE.resolve("nodemanager.yaml")));
    }

    @Test
    void aMissingSecretIsAnErrorNamingIt() throws Exception {
        Path base = tmp.resolve("k8s/base");
        Files.createDirectories(base);
        Files.writeString(
                base.resolve("d.yaml"),
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  template:
                    spec:
                      containers:
                        - name: web
                          image: web
                          env:
                            - name: P
                              valueFrom: {secretKeyRef: {name: creds, key: P}}
                """);
        KubeliftException e =
                assertThrows(
                        KubeliftException.class,
                        () -> new PlayTranslator(Manifests.load(base), PLAY_DIR).translate());
        assertTrue(e.getMessage().startsWith("Secret/creds: "), e.getMessage());
    }

    @Test
    void anEmptyDirFileMountedWithSubPathIsCreatedBeforehandForTheFsGroup() throws Exception {
        Path base = tmp.resolve("base");
        java.nio.file.Files.createDirectories(base);
        java.nio.file.Files.writeString(
                base.resolve("kustomization.yaml"),
                "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
                        + "resources:\n  - broker.yaml\n");
        java.nio.file.Files.writeString(
                base.resolve("broker.yaml"),
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: broker}
                spec:
                  securityContext: {fsGroup: 0, runAsUser: 10001}
                  initContainers:
                    - name: render-config
                      image: broker
                      volumeMounts:
                        - {name: rendered-config, mountPath: /opt/kubelift/rendered}
                  containers:
                    - name: app
                      image: broker
                      volumeMounts:
                        - name: rendered-config
                          mountPath: /opt/app/etc/users.properties
                          subPath: etc/users.properties
                        - {name: scratch, mountPath: /opt/app/tmp}
                  volumes:
                    - {name: rendered-config, emptyDir: {}}
                    - {name: scratch, emptyDir: {}}
                """);
        PlayPlan plan = new PlayTranslator(Manifests.load(base), PLAY_DIR).translate();
        assertEquals(
                java.util.Map.of(
                        "dirs/broker/rendered-config/", 0L,
                        "dirs/broker/rendered-config/etc/", 0L,
                        "dirs/broker/rendered-config/etc/users.properties", 0L),
                plan.sharedDirs());
        String pod = LocalRunner.yaml(plan.tiers().get(0).get(0).pod());
        assertTrue(
                pod.contains(
                        "path: /out/.kubelift/play/dirs/broker/rendered-config/etc/users.properties"),
                pod);
        assertTrue(pod.contains("path: /out/.kubelift/play/dirs/broker/rendered-config\n"), pod);
        assertTrue(!pod.contains("subPath"), pod);
        assertTrue(pod.contains("name: scratch"), "an emptyDir without subPath stays: " + pod);
    }
}
