package io.kubelift.checker.checks.plan;

import io.kubelift.checker.Check;
import java.util.List;

/**
 * The registry of this package: the checks over a migration plan's components (state, replicas,
 * health, resources, peers). The checks themselves are package-private; add one by writing its
 * class here and listing it below (and a doc page and a test case, see docs/checker.md).
 */
public final class PlanChecks {
    private PlanChecks() {}

    /** A new instance of every check of this package, in the order of the report. */
    public static List<Check> all() {
        return List.of(
                new DurableStateInDeploymentCheck(),
                new NoHealthCheck(),
                new NoResourcesCheck(),
                new ReplicasUnsafeCheck(),
                new SecretEnvCollisionCheck(),
                new SingleReplicaCheck(),
                new UnresolvedPeerCheck());
    }
}
