package io.kubelift.generator.kustomize;

import io.kubelift.generator.ComponentContext;
import io.kubelift.generator.defaults.OrgDefaults;
import io.kubelift.model.Workload;
import java.util.Map;

/**
 * How an environment differs from the base, from the built-in profile and the defaults file's
 * {@code environments.<env>} (which wins). Built-in: {@code dev} runs one replica of every
 * Deployment, plain HTTP, no autoscaler and no disruption budget (a cheap namespace to try things);
 * every other environment (test, prod, and any the user names) runs the plan's replicas, with TLS,
 * autoscaler and disruption budget where the base has them. Each environment gets its own namespace
 * {@code <app>-<env>} with a quota and limit range, and its own ingress hosts ({@code
 * ingress.hostPattern}, default {@value OrgDefaults#DEFAULT_HOST_PATTERN}).
 */
public record EnvironmentProfile(
        String name,
        boolean singleReplica,
        Integer replicas,
        boolean tls,
        boolean autoscaling,
        boolean disruptionBudget,
        String storageSize,
        String tag,
        Map<String, String> requests,
        Map<String, String> limits,
        String domain) {
    public static EnvironmentProfile of(String env) {
        return of(env, OrgDefaults.NONE);
    }

    public static EnvironmentProfile of(String env, OrgDefaults defaults) {
        boolean dev = env.equals("dev");
        OrgDefaults.Environment e = defaults.environment(env);
        return new EnvironmentProfile(
                env,
                dev && e.replicas() == null,
                e.replicas(),
                e.tls() != null ? e.tls() : !dev,
                e.autoscaling() != null ? e.autoscaling() : !dev,
                e.disruptionBudget() != null ? e.disruptionBudget() : !dev,
                e.storageSize() != null ? e.storageSize() : defaults.storageSize(),
                e.tag() != null ? e.tag() : null,
                e.requests(),
                e.limits(),
                e.domain() != null ? e.domain() : defaults.domain());
    }

    /**
     * Replicas of a component in this environment. Only stateless Deployments (no durable state)
     * follow the environment's count: a StatefulSet's size is part of the app's topology (a
     * ZooKeeper ensemble) and a Deployment with a volume is a single writer.
     */
    public int replicasOf(ComponentContext c) {
        var comp = c.component();
        int base = comp.workload() == Workload.DaemonSet ? 1 : Math.max(comp.replicas(), 0);
        if (comp.workload() != Workload.Deployment
                || comp.state().stream().anyMatch(s -> s.isDurable())) {
            return base;
        }
        if (replicas != null) {
            return replicas;
        }
        return singleReplica ? Math.min(base, 1) : base;
    }
}
