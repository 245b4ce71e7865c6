package io.kubelift.checker.checks.app;

import io.kubelift.checker.Check;
import java.util.List;

/**
 * The registry of this package: the checks over the facts the analyzer found in an app's files
 * (start scripts, configuration, Java code). The checks themselves are package-private; add one by
 * writing its class here and listing it below (and a doc page and a test case, see
 * docs/checker.md).
 */
public final class AppChecks {
    private AppChecks() {}

    /** A new instance of every check of this package, in the order of the report. */
    public static List<Check> all() {
        return List.of(
                new AdminInStartScriptCheck(),
                new AuthorizationDisabledCheck(),
                new BasicAuthCheck(),
                new DaemonizeCheck(),
                new EnvironmentConfigFilesCheck(),
                new FileAppenderCheck(),
                new FixedHeapCheck(),
                new HardcodedHostCheck(),
                new HostCronCheck(),
                new HttpSessionCheck(),
                new InstallPathCheck(),
                new JmxUnauthenticatedCheck(),
                new LegacyRemotingCheck(),
                new LiteralSecretCheck(),
                new LocalFileWriteCheck(),
                new LocalOnlyBackendCheck(),
                new LocalStateCheck(),
                new LogDirCheck(),
                new LoopbackBackingServiceCheck(),
                new LoopbackBindCheck(),
                new NativeCodeCheck(),
                new NoApiDescriptionCheck(),
                new NoTelemetryCheck(),
                new PidFileCheck(),
                new SimpleAuthCheck(),
                new SshHostLoopCheck(),
                new SystemExitCheck());
    }
}
