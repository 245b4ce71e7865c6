package io.kubelift.checker.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One Kubernetes object of a manifest file: its kind, name, namespace, where it is, and its YAML
 * tree.
 */
public record KubeObject(
        String file,
        int line,
        String apiVersion,
        String kind,
        String name,
        String namespace,
        YamlNode root) {

    private static final Set<String> TEMPLATED =
            Set.of(
                    "Deployment",
                    "StatefulSet",
                    "DaemonSet",
                    "ReplicaSet",
                    "ReplicationController",
                    "Job");

    /** A container of a pod spec, with whether it is an init container. */
    public record Container(String name, boolean init, YamlNode node) {}

    /**
     * The object if the document looks like a Kubernetes object (has apiVersion and kind), else
     * empty.
     */
    public static Optional<KubeObject> of(String file, YamlNode doc) {
        String apiVersion = doc.textAt("apiVersion");
        String kind = doc.textAt("kind");
        if (apiVersion == null || kind == null || apiVersion.isBlank() || kind.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(
                new KubeObject(
                        file,
                        doc.lineOf("kind"),
                        apiVersion,
                        kind,
                        doc.textAt("metadata", "name"),
                        doc.textAt("metadata", "namespace"),
                        doc));
    }

    /** {@code Kind/name}, for messages. */
    public String ref() {
        return kind + "/" + (name == null ? "(unnamed)" : name);
    }

    /** The pod spec of a Pod or of a workload's pod template. */
    public Optional<YamlNode> podSpec() {
        if (kind.equals("Pod")) {
            return root.at("spec");
        }
        if (TEMPLATED.contains(kind)) {
            return root.at("spec", "template", "spec");
        }
        if (kind.equals("CronJob")) {
            return root.at("spec", "jobTemplate", "spec", "template", "spec");
        }
        return Optional.empty();
    }

    /** The labels of the pods this object creates (a Pod's own labels for a Pod). */
    public Map<String, String> podLabels() {
        if (kind.equals("Pod")) {
            return root.stringsAt("metadata", "labels");
        }
        if (kind.equals("CronJob")) {
            return root.stringsAt("spec", "jobTemplate", "spec", "template", "metadata", "labels");
        }
        return root.stringsAt("spec", "template", "metadata", "labels");
    }

    public boolean hasPods() {
        return podSpec().isPresent();
    }

    /** Pods that run to completion (Jobs, CronJobs, Pods with restartPolicy Never/OnFailure). */
    public boolean runsToCompletion() {
        if (kind.equals("Job") || kind.equals("CronJob")) {
            return true;
        }
        if (kind.equals("Pod")) {
            String rp = root.textAt("spec", "restartPolicy");
            return "Never".equals(rp) || "OnFailure".equals(rp);
        }
        return false;
    }

    /** Containers and init containers of the pod spec (ephemeral containers are left out). */
    public List<Container> containers() {
        List<Container> out = new ArrayList<>();
        podSpec()
                .ifPresent(
                        spec -> {
                            for (YamlNode c : spec.listAt("initContainers")) {
                                out.add(new Container(c.textAt("name"), true, c));
                            }
                            for (YamlNode c : spec.listAt("containers")) {
                                out.add(new Container(c.textAt("name"), false, c));
                            }
                        });
        return out;
    }

    /** The namespace, or "" when the manifest leaves it to the one applied to. */
    public String namespaceOrEmpty() {
        return namespace == null ? "" : namespace;
    }
}
