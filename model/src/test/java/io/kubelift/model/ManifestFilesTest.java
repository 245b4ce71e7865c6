package io.kubelift.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one manifest reader: which files, their objects, and hostile YAML refused with the file
 * named.
 */
class ManifestFilesTest {
    @TempDir Path dir;

    @Test
    void objectsAreTheMappingsWithAKindInOrder() {
        var objects =
                ManifestFiles.objects(
                        "apiVersion: v1\nkind: Service\n---\n# empty\n---\n- a list\n---\n"
                                + "apiVersion: v1\nkind: ConfigMap\n",
                        "k8s/x.yaml");
        assertEquals(2, objects.size());
        assertEquals("ConfigMap", objects.get(1).get("kind").asText());
    }

    @Test
    void aDuplicateKeyIsRefusedNamingTheFileInsteadOfTheLastOneWinningSilently() {
        String yaml =
                "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    image: one\n    image: two\n";
        KubeliftException e =
                assertThrows(
                        KubeliftException.class, () -> ManifestFiles.objects(yaml, "k8s/pod.yaml"));
        assertTrue(e.getMessage().startsWith("k8s/pod.yaml: not valid YAML"), e.getMessage());
    }

    @Test
    void aDirectoryOfYamlWithAnObjectIsManifestsAnAppIsNot() throws Exception {
        Files.writeString(dir.resolve("svc.yaml"), "apiVersion: v1\nkind: Service\n");
        Files.writeString(dir.resolve("README.md"), "notes");
        assertTrue(ManifestFiles.looksLikeManifests(dir));
        Files.writeString(dir.resolve("start.sh"), "#!/bin/sh\n");
        assertFalse(ManifestFiles.looksLikeManifests(dir));
        assertFalse(ManifestFiles.isManifestName(Path.of("k8s/kustomization.yaml")));
    }
}
