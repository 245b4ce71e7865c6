package io.kubelift.checker;

import io.kubelift.checker.k8s.KubeObject;
import io.kubelift.checker.k8s.ManifestBundle;
import java.util.ArrayList;
import java.util.List;

/**
 * A check over each container of each pod-creating object (Pod, Deployment, StatefulSet, DaemonSet,
 * Job, CronJob…).
 */
public abstract class ContainerCheck extends ManifestCheck {
    protected ContainerCheck(CheckDeclaration declaration) {
        super(declaration);
    }

    /** Whether init containers are checked too (default: yes). */
    protected boolean includesInit() {
        return true;
    }

    /** Whether objects whose pods run to completion (Jobs) are checked (default: yes). */
    protected boolean includesBatch() {
        return true;
    }

    /** The problem with one container, or null. */
    protected abstract Hit inspect(KubeObject object, KubeObject.Container container);

    @Override
    protected List<Hit> inspect(KubeObject object, ManifestBundle bundle) {
        List<Hit> out = new ArrayList<>();
        if (!includesBatch() && object.runsToCompletion()) {
            return out;
        }
        for (KubeObject.Container c : object.containers()) {
            if (c.init() && !includesInit()) {
                continue;
            }
            Hit h = inspect(object, c);
            if (h != null) {
                out.add(h);
            }
        }
        return out;
    }

    /** {@code container NAME} or {@code init container NAME}, for messages. */
    protected static String label(KubeObject.Container c) {
        return (c.init() ? "init container " : "container ")
                + (c.name() == null ? "(unnamed)" : c.name());
    }

    /** The security context value at {@code key}: the container's, else the pod's. */
    protected static String effective(KubeObject o, KubeObject.Container c, String... key) {
        String[] path = new String[key.length + 1];
        path[0] = "securityContext";
        System.arraycopy(key, 0, path, 1, key.length);
        String own = c.node().textAt(path);
        if (own != null) {
            return own;
        }
        return o.podSpec().map(s -> s.textAt(path)).orElse(null);
    }
}
