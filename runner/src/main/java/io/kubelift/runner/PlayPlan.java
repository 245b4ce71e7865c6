package io.kubelift.runner;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Map;

/**
 * What podman must be told to run a set of Kubernetes manifests: ConfigMaps (passed with {@code
 * --configmap}), podman secrets, and one Pod per {@code kube play} call, grouped in tiers that are
 * started one after the other; {@code files} are written under the play dir (relative path →
 * content) for the pods' {@code hostPath} mounts; {@code sharedDirs} are created there empty
 * (relative path → the group that may write it, as Kubernetes gives an emptyDir to the pod's {@code
 * fsGroup}; a path ending in {@code /} is a directory, else an empty file).
 */
record PlayPlan(
        List<ConfigMap> configMaps,
        List<Secret> secrets,
        List<List<Unit>> tiers,
        List<String> skipped,
        Map<String, String> files,
        Map<String, Long> sharedDirs) {

    /**
     * A podman secret. {@code form} is {@code env} (JSON of base64 values, for
     * secretKeyRef/envFrom) or {@code volume} (a Kubernetes Secret JSON with plain values, for
     * secret volumes).
     */
    record Secret(String name, String form, Map<String, String> data) {
        @Override
        public String toString() {
            return "Secret[" + name + ", " + form + ", keys=" + data.keySet() + "]";
        }
    }

    /** A readiness check taken from a container's readiness (else startup, else liveness) probe. */
    record Probe(String container, String type, int port, String path, List<String> command) {}

    /**
     * One Pod and how to play it.
     *
     * @param volumes named volumes podman will create for it (PVC claims, ConfigMap volumes), to
     *     remove on down
     * @param claims those of {@code volumes} that are PersistentVolumeClaims: {@code down} keeps
     *     them (a cluster keeps a StatefulSet's claims when its pods go) unless asked to remove
     *     them
     */
    record Unit(
            String podName,
            String workload,
            Pod pod,
            List<String> aliases,
            List<String> containers,
            Map<Integer, Integer> hostPorts,
            List<Probe> probes,
            List<String> volumes,
            List<String> claims,
            boolean runsToCompletion) {}
}
