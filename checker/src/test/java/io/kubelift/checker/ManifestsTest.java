package io.kubelift.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestsTest {
    @TempDir Path dir;

    @Test
    void loadsYamlAndJsonBelowADirectorySkippingKustomizationHiddenAndLinks() throws Exception {
        Files.createDirectories(dir.resolve("base"));
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(
                dir.resolve("base/deploy.yaml"),
                "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n");
        Files.writeString(
                dir.resolve("base/svc.json"), "{\"apiVersion\":\"v1\",\"kind\":\"Service\"}");
        Files.writeString(dir.resolve("base/kustomization.yaml"), "resources: [deploy.yaml]\n");
        Files.writeString(dir.resolve(".git/x.yaml"), "a: 1\n");
        Files.writeString(dir.resolve("README.md"), "# hi\n");
        Path outside = Files.createTempFile("outside", ".yaml");
        Files.writeString(outside, "apiVersion: v1\nkind: Secret\n");
        Files.createSymbolicLink(dir.resolve("base/link.yaml"), outside);
        List<ManifestSource> loaded = Manifests.loadPlain(dir);
        assertEquals(
                List.of("base/deploy.yaml", "base/svc.json"),
                loaded.stream().map(ManifestSource::path).toList());
        // rendered as Kustomize would apply it: only what the kustomization lists
        assertEquals(
                List.of("base/deploy.yaml"),
                Manifests.load(dir, false).stream().map(ManifestSource::path).toList());
        assertEquals(
                List.of("deploy.yaml"),
                Manifests.load(dir.resolve("base/deploy.yaml")).stream()
                        .map(ManifestSource::path)
                        .toList());
    }

    @Test
    void emptyAndNonKubernetesDocumentsAreSkippedAndLinesKept() {
        var bundle =
                io.kubelift.checker.k8s.ManifestBundle.parse(
                        List.of(
                                new ManifestSource(
                                        "m.yaml",
                                        "---\n# only a comment\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: a}\n---\n- a list\n---\nplain\n"
                                                + "---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: s}\n")));
        assertEquals(
                List.of("Pod/a@5", "Service/s@16"),
                bundle.objects().stream().map(o -> o.ref() + "@" + o.line()).toList());
    }
}
