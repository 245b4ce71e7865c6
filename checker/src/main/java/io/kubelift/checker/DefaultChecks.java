package io.kubelift.checker;

import java.util.List;

/**
 * The registry of every check kubelift ships; add a check by adding it here (and a doc page and a
 * test case).
 */
public final class DefaultChecks {
    private DefaultChecks() {}

    public static List<Check> all() {
        List<Check> all = new java.util.ArrayList<>(javaChecks());
        all.addAll(io.kubelift.checker.rules.RuleFiles.builtIn().checks());
        return List.copyOf(all);
    }

    /**
     * Every check kubelift ships plus the rules of the rule files below {@code rulesDir} ({@code
     * --rules}).
     */
    public static List<Check> withRules(java.nio.file.Path rulesDir) {
        List<Check> all = new java.util.ArrayList<>(all());
        if (rulesDir != null) {
            all.addAll(io.kubelift.checker.rules.RuleFiles.load(rulesDir).checks());
        }
        return List.copyOf(all);
    }

    private static List<Check> javaChecks() {
        return List.of(
                new io.kubelift.checker.checks.app.AdminInStartScriptCheck(),
                new io.kubelift.checker.checks.app.AuthorizationDisabledCheck(),
                new io.kubelift.checker.checks.app.BasicAuthCheck(),
                new io.kubelift.checker.checks.app.DaemonizeCheck(),
                new io.kubelift.checker.checks.app.EnvironmentConfigFilesCheck(),
                new io.kubelift.checker.checks.app.FileAppenderCheck(),
                new io.kubelift.checker.checks.app.FixedHeapCheck(),
                new io.kubelift.checker.checks.app.HardcodedHostCheck(),
                new io.kubelift.checker.checks.app.HostCronCheck(),
                new io.kubelift.checker.checks.app.HttpSessionCheck(),
                new io.kubelift.checker.checks.app.InstallPathCheck(),
                new io.kubelift.checker.checks.app.JmxUnauthenticatedCheck(),
                new io.kubelift.checker.checks.app.LegacyRemotingCheck(),
                new io.kubelift.checker.checks.app.LiteralSecretCheck(),
                new io.kubelift.checker.checks.app.LocalFileWriteCheck(),
                new io.kubelift.checker.checks.app.LocalOnlyBackendCheck(),
                new io.kubelift.checker.checks.app.LocalStateCheck(),
                new io.kubelift.checker.checks.app.LogDirCheck(),
                new io.kubelift.checker.checks.app.LoopbackBackingServiceCheck(),
                new io.kubelift.checker.checks.app.LoopbackBindCheck(),
                new io.kubelift.checker.checks.app.NativeCodeCheck(),
                new io.kubelift.checker.checks.app.NoApiDescriptionCheck(),
                new io.kubelift.checker.checks.app.NoTelemetryCheck(),
                new io.kubelift.checker.checks.app.PidFileCheck(),
                new io.kubelift.checker.checks.app.SimpleAuthCheck(),
                new io.kubelift.checker.checks.app.SshHostLoopCheck(),
                new io.kubelift.checker.checks.app.SystemExitCheck(),
                new io.kubelift.checker.checks.plan.DurableStateInDeploymentCheck(),
                new io.kubelift.checker.checks.plan.NoHealthCheck(),
                new io.kubelift.checker.checks.plan.NoResourcesCheck(),
                new io.kubelift.checker.checks.plan.ReplicasUnsafeCheck(),
                new io.kubelift.checker.checks.plan.SecretEnvCollisionCheck(),
                new io.kubelift.checker.checks.plan.SingleReplicaCheck(),
                new io.kubelift.checker.checks.plan.UnresolvedPeerCheck(),
                new io.kubelift.checker.checks.manifest.CapabilitiesNotDroppedCheck(),
                new io.kubelift.checker.checks.manifest.DefaultServiceAccountCheck(),
                new io.kubelift.checker.checks.manifest.HostNamespacesCheck(),
                new io.kubelift.checker.checks.manifest.HostPathCheck(),
                new io.kubelift.checker.checks.manifest.HostPortCheck(),
                new io.kubelift.checker.checks.manifest.JobWithoutTtlCheck(),
                new io.kubelift.checker.checks.manifest.MutableImageTagCheck(),
                new io.kubelift.checker.checks.manifest.NamespacePodSecurityCheck(),
                new io.kubelift.checker.checks.manifest.NamespaceQuotaCheck(),
                new io.kubelift.checker.checks.manifest.NoLivenessProbeCheck(),
                new io.kubelift.checker.checks.manifest.NoMemoryLimitCheck(),
                new io.kubelift.checker.checks.manifest.NoNetworkPolicyCheck(),
                new io.kubelift.checker.checks.manifest.NoPodDisruptionBudgetCheck(),
                new io.kubelift.checker.checks.manifest.NoReadinessProbeCheck(),
                new io.kubelift.checker.checks.manifest.NoResourceRequestsCheck(),
                new io.kubelift.checker.checks.manifest.NoSeccompProfileCheck(),
                new io.kubelift.checker.checks.manifest.NodePortServiceCheck(),
                new io.kubelift.checker.checks.manifest.PrivilegeEscalationCheck(),
                new io.kubelift.checker.checks.manifest.PrivilegedCheck(),
                new io.kubelift.checker.checks.manifest.ReplicasShareVolumeCheck(),
                new io.kubelift.checker.checks.manifest.RunAsRootCheck(),
                new io.kubelift.checker.checks.manifest.SecretEnvLiteralCheck(),
                new io.kubelift.checker.checks.manifest.SecretInConfigMapCheck(),
                new io.kubelift.checker.checks.manifest.ServiceAccountTokenCheck(),
                new io.kubelift.checker.checks.manifest.ServiceSelectsNothingCheck(),
                new io.kubelift.checker.checks.manifest.SingleReplicaManifestCheck(),
                new io.kubelift.checker.checks.manifest.WritableRootFsCheck());
    }
}
