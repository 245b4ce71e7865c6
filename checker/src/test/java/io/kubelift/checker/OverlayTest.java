package io.kubelift.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.model.Finding;
import io.kubelift.model.KubeliftException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} on a Kustomize overlay renders it with its bases, patches and generators first. */
class OverlayTest {
    private static final String SECRET_VALUE = "s3cr3t-Overlay-Value";

    @TempDir Path dir;

    /**
     * The shape kubelift generate writes: a base without namespace, overlays adding namespace,
     * quota and limits.
     */
    private Path tree() throws IOException {
        Path base = Files.createDirectories(dir.resolve("k8s/base"));
        Files.createDirectories(base.resolve("secrets"));
        Files.writeString(base.resolve("secrets/rm.env"), "DB_PASSWORD=" + SECRET_VALUE + "\n");
        Files.writeString(
                base.resolve("kustomization.yaml"),
                """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                - rm-deployment.yaml
                - rm-pvc.yaml
                secretGenerator:
                - name: rm-secrets
                  envs: [secrets/rm.env]
                """);
        Files.writeString(
                base.resolve("rm-pvc.yaml"),
                """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: rm-data}
                spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
                """);
        Files.writeString(
                base.resolve("rm-deployment.yaml"),
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: rm, labels: {app: rm}}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: rm}}
                  template:
                    metadata: {labels: {app: rm}}
                    spec:
                      automountServiceAccountToken: false
                      containers:
                      - name: app
                        image: rm@sha256:0000000000000000000000000000000000000000000000000000000000000000
                        resources: {requests: {memory: 1Gi}, limits: {memory: 1Gi}}
                        envFrom: [{secretRef: {name: rm-secrets}}]
                        volumeMounts: [{name: data, mountPath: /data}]
                      volumes:
                      - {name: data, persistentVolumeClaim: {claimName: rm-data}}
                """);
        for (String env : List.of("dev", "prod")) {
            Path o = Files.createDirectories(dir.resolve("k8s/overlays/" + env));
            Files.writeString(
                    o.resolve("kustomization.yaml"),
                    """
                    apiVersion: kustomize.config.k8s.io/v1beta1
                    kind: Kustomization
                    namespace: yarn-%s
                    resources:
                    - ../../base
                    - limitrange.yaml
                    - resourcequota.yaml
                    """
                            .formatted(env));
            Files.writeString(
                    o.resolve("limitrange.yaml"),
                    """
                    apiVersion: v1
                    kind: LimitRange
                    metadata: {name: limits, namespace: yarn-%s}
                    spec: {limits: [{type: Container, defaultRequest: {cpu: 100m, memory: 256Mi}, default: {memory: 256Mi}}]}
                    """
                            .formatted(env));
            Files.writeString(
                    o.resolve("resourcequota.yaml"),
                    """
                    apiVersion: v1
                    kind: ResourceQuota
                    metadata: {name: quota, namespace: yarn-%s}
                    spec: {hard: {requests.cpu: "4"}}
                    """
                            .formatted(env));
        }
        return dir.resolve("k8s");
    }

    private static List<Finding> check(List<ManifestSource> sources) {
        return Checker.withDefaultChecks()
                .check(CheckInput.ofManifests("k8s", sources), CheckOptions.defaults())
                .findings();
    }

    private static boolean has(List<Finding> fs, String id) {
        return fs.stream().anyMatch(f -> f.checkId().equals(id));
    }

    private void overlayIsCheckedWithItsBase(boolean tools) throws IOException {
        Path k8s = tree();
        List<ManifestSource> prod = Manifests.load(k8s.resolve("overlays/prod"), tools);
        assertTrue(
                prod.stream().anyMatch(s -> s.path().equals("../../base/rm-deployment.yaml")),
                prod.toString());
        assertTrue(
                prod.stream().noneMatch(s -> s.text().contains(SECRET_VALUE)),
                "a generated Secret's value leaked");
        List<Finding> fs = check(prod);
        assertFalse(
                has(fs, "TF08-K8S-NO-RESOURCE-REQUESTS"),
                "the overlay's LimitRange gives a cpu request: " + fs);
        assertFalse(has(fs, "TF08-K8S-NO-NAMESPACE-QUOTA"), "the overlay has a quota: " + fs);
        assertFalse(
                has(fs, "TF08-K8S-SINGLE-REPLICA"),
                "a pod with a ReadWriteOnce claim cannot run twice: " + fs);
        assertFalse(has(fs, "TF15-K8S-SA-TOKEN-MOUNTED"), fs.toString());
        assertFalse(has(fs, "TF03-K8S-SECRET-IN-CONFIGMAP"), fs.toString());

        // the base alone has no LimitRange: the missing cpu request is real there
        assertTrue(
                has(
                        check(Manifests.load(k8s.resolve("base"), tools)),
                        "TF08-K8S-NO-RESOURCE-REQUESTS"));

        // the parent directory: every overlay is rendered and checked, the base is not checked on
        // its own
        List<ManifestSource> all = Manifests.load(k8s, tools);
        assertTrue(
                all.stream()
                        .anyMatch(s -> s.path().equals("base/rm-deployment.yaml @overlays/dev")),
                all.toString());
        assertTrue(
                all.stream()
                        .anyMatch(s -> s.path().equals("base/rm-deployment.yaml @overlays/prod")),
                all.toString());
        assertFalse(has(check(all), "TF08-K8S-NO-RESOURCE-REQUESTS"));
    }

    @Test
    void overlayIsRenderedWithoutKubectl() throws IOException {
        overlayIsCheckedWithItsBase(false);
    }

    @Test
    void overlayIsRenderedWithKubectl() throws IOException {
        Assumptions.assumeTrue(
                Kustomize.tool() != null, "SKIPPED: neither kubectl nor kustomize on the PATH");
        overlayIsCheckedWithItsBase(true);
    }

    @Test
    void aPatchToTwoReplicasWarnsInsteadOfRaisingTheScore() throws IOException {
        Assumptions.assumeTrue(
                Kustomize.tool() != null, "SKIPPED: neither kubectl nor kustomize on the PATH");
        Path k8s = tree();
        Path prod = k8s.resolve("overlays/prod");
        Files.writeString(
                prod.resolve("kustomization.yaml"),
                Files.readString(prod.resolve("kustomization.yaml"))
                        + "patches:\n- target: {kind: Deployment, name: rm}\n  patch: |\n    - op: replace\n      path: /spec/replicas\n      value: 2\n");
        Report one =
                Checker.withDefaultChecks()
                        .check(
                                CheckInput.ofManifests(
                                        "prod", Manifests.load(k8s.resolve("overlays/dev"), true)),
                                CheckOptions.defaults());
        Report two =
                Checker.withDefaultChecks()
                        .check(
                                CheckInput.ofManifests("prod", Manifests.load(prod, true)),
                                CheckOptions.defaults());
        assertTrue(
                has(two.findings(), "TF08-K8S-REPLICAS-SHARE-VOLUME"), two.findings().toString());
        assertTrue(
                two.scores().get("VIII").score() <= one.scores().get("VIII").score(),
                "two replicas of a component that cannot run twice must not raise the score");
    }

    @Test
    void aPatchWithoutKubectlIsAClearError() throws IOException {
        Path k8s = tree();
        Path prod = k8s.resolve("overlays/prod");
        Files.writeString(
                prod.resolve("kustomization.yaml"),
                Files.readString(prod.resolve("kustomization.yaml"))
                        + "patches:\n- path: replicas.yaml\n");
        KubeliftException e =
                assertThrows(KubeliftException.class, () -> Manifests.load(prod, false));
        assertEquals(KubeliftException.Kind.BAD_INPUT, e.kind());
        assertTrue(
                e.getMessage().contains("patches") && e.getMessage().contains("kubectl"),
                e.getMessage());
    }

    @Test
    void aMissingResourceIsAClearError() throws IOException {
        Path k8s = tree();
        Files.writeString(
                k8s.resolve("overlays/prod/kustomization.yaml"), "resources:\n- ../../nowhere\n");
        KubeliftException e =
                assertThrows(
                        KubeliftException.class,
                        () -> Manifests.load(k8s.resolve("overlays/prod"), false));
        assertTrue(e.getMessage().contains("nowhere"), e.getMessage());
    }
}
