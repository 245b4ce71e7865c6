package io.kubelift.runner;

import java.util.List;
import java.util.Map;

/**
 * What {@link LocalRunner#up} started.
 *
 * @param network the podman network the pods joined
 * @param pods every pod played, in play order
 * @param skipped objects that were not played, each as {@code Kind/name: reason}
 */
public record RunResult(String network, List<Pod> pods, List<String> skipped) {
    public RunResult {
        pods = List.copyOf(pods);
        skipped = List.copyOf(skipped);
    }

    /**
     * One played pod.
     *
     * @param name the podman pod name (the StatefulSet pod name, e.g. {@code nodemanager-0})
     * @param workload {@code Kind/name} it came from
     * @param containers podman container names ({@code <pod>-<container>}), for {@code podman exec}
     *     and logs
     * @param aliases the DNS names other pods reach it by
     * @param hostPorts container port → published host port (only the first pod publishing a port
     *     gets it)
     * @param ip its address on the network (empty when podman did not report one)
     */
    public record Pod(
            String name,
            String workload,
            List<String> containers,
            List<String> aliases,
            Map<Integer, Integer> hostPorts,
            String ip) {
        public Pod {
            containers = List.copyOf(containers);
            aliases = List.copyOf(aliases);
            hostPorts = Map.copyOf(hostPorts);
        }
    }
}
