package io.kubelift.checker;

import io.kubelift.model.Evidence;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Facts;
import java.util.List;
import java.util.Map;

/**
 * A Hadoop-YARN-like app (facts + files) and manifests with known violations, secrets and
 * suppressions.
 */
final class SampleReport {
    static final String SECRET_IN_CONFIGMAP = "hunter2-configmap";
    static final String SECRET_IN_ENV = "s3cr3t-t0ken-env";

    static final String LOG4J =
            """
            log4j.rootLogger=INFO,RFA
            log4j.appender.RFA=org.apache.log4j.RollingFileAppender
            # kubelift:ignore TF11-LOG-DIR reason: the audit log directory is shipped by the vendor
            hadoop.log.dir=/var/log/hadoop-yarn
            """;
    static final String ENV_SH =
            """
            export YARN_HEAPSIZE=1000  # kubelift:ignore TF08-JVM-FIXED-HEAP
            nohup "$YARN_HOME/bin/yarn" resourcemanager > "$log" 2>&1 &
            """;
    static final String MANIFEST =
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: resourcemanager}
            spec:
              replicas: 1
              selector: {matchLabels: {app: rm}}
              template:
                metadata: {labels: {app: rm}}
                spec:
                  containers:
                  - name: rm
                    image: hadoop-yarn:latest
                    env:
                    - name: SSL_KEYSTORE_PASSWORD
                      value: %s
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: conf}
            data:
              keystore.password: %s
            ---
            not: a kubernetes object
            """
                    .formatted(SECRET_IN_ENV, SECRET_IN_CONFIGMAP);

    private SampleReport() {}

    static Facts facts() {
        return new Facts(
                List.of(
                        new Fact(
                                FactKind.FILE_APPENDER,
                                "RFA",
                                null,
                                Map.of("path", "${hadoop.log.dir}/yarn.log", "framework", "log4j"),
                                Evidence.of(
                                        "etc/hadoop/log4j.properties",
                                        2,
                                        "log4j.appender.RFA=org.apache.log4j.RollingFileAppender")),
                        Fact.of(
                                FactKind.LOG_DIR,
                                "/var/log/hadoop-yarn",
                                null,
                                Evidence.of(
                                        "etc/hadoop/log4j.properties",
                                        4,
                                        "hadoop.log.dir=/var/log/hadoop-yarn")),
                        new Fact(
                                FactKind.HEAP_SETTING,
                                "YARN_HEAPSIZE=1000",
                                null,
                                Map.of("bytes", "1048576000"),
                                Evidence.of(
                                        "etc/hadoop/yarn-env.sh", 1, "export YARN_HEAPSIZE=1000")),
                        Fact.of(
                                FactKind.DAEMONIZE,
                                "nohup … &",
                                null,
                                Evidence.of(
                                        "etc/hadoop/yarn-env.sh",
                                        2,
                                        "nohup \"$YARN_HOME/bin/yarn\" resourcemanager > \"$log\" 2>&1 &")),
                        new Fact(
                                FactKind.HOST_REFERENCE,
                                "rm1.corp.example.net",
                                null,
                                Map.of("configKey", "yarn.resourcemanager.hostname"),
                                Evidence.of(
                                        "etc/hadoop/yarn-site.xml",
                                        20,
                                        "<value>rm1.corp.example.net</value>")),
                        new Fact(
                                FactKind.STATE_DIR,
                                "/var/lib/hadoop-yarn",
                                null,
                                Map.of("configKey", "yarn.nodemanager.local-dirs"),
                                Evidence.of(
                                        "etc/hadoop/yarn-site.xml",
                                        30,
                                        "<value>/var/lib/hadoop-yarn</value>")),
                        new Fact(
                                FactKind.SECRET,
                                "ssl.server.keystore.password",
                                "****",
                                Map.of("kind", "password"),
                                Evidence.of(
                                        "etc/hadoop/ssl-server.xml", 12, "<value>****</value>"))),
                List.of());
    }

    static CheckInput input() {
        MemoryAppFiles app =
                new MemoryAppFiles(
                        Map.of(
                                "etc/hadoop/log4j.properties",
                                LOG4J,
                                "etc/hadoop/yarn-env.sh",
                                ENV_SH));
        return new CheckInput(
                "hadoop-yarn",
                app,
                facts(),
                null,
                List.of(new ManifestSource("k8s/rm.yaml", MANIFEST)));
    }

    static Report report(java.util.Set<String> disabled) {
        return Checker.withDefaultChecks()
                .check(input(), new CheckOptions(disabled, io.kubelift.model.Severity.ERROR));
    }
}
