package io.kubelift.checker.checks.manifest;

import io.kubelift.checker.Check;
import java.util.List;

/**
 * The registry of this package: the checks over generated or existing Kubernetes manifests (pod
 * security, probes, limits, services, policies). The checks themselves are package-private; add one
 * by writing its class here and listing it below (and a doc page and a test case, see
 * docs/checker.md).
 */
public final class ManifestChecks {
    private ManifestChecks() {}

    /** A new instance of every check of this package, in the order of the report. */
    public static List<Check> all() {
        return List.of(
                new CapabilitiesNotDroppedCheck(),
                new DefaultServiceAccountCheck(),
                new HostNamespacesCheck(),
                new HostPathCheck(),
                new HostPortCheck(),
                new JobWithoutTtlCheck(),
                new MutableImageTagCheck(),
                new NamespacePodSecurityCheck(),
                new NamespaceQuotaCheck(),
                new NoLivenessProbeCheck(),
                new NoMemoryLimitCheck(),
                new NoNetworkPolicyCheck(),
                new NoPodDisruptionBudgetCheck(),
                new NoReadinessProbeCheck(),
                new NoResourceRequestsCheck(),
                new NoSeccompProfileCheck(),
                new NodePortServiceCheck(),
                new PrivilegeEscalationCheck(),
                new PrivilegedCheck(),
                new ReplicasShareVolumeCheck(),
                new RunAsRootCheck(),
                new SecretEnvLiteralCheck(),
                new SecretInConfigMapCheck(),
                new ServiceAccountTokenCheck(),
                new ServiceSelectsNothingCheck(),
                new SingleReplicaManifestCheck(),
                new WritableRootFsCheck());
    }
}
