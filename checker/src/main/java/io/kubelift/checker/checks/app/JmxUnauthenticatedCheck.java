package io.kubelift.checker.checks.app;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.AbstractCheck;
import io.kubelift.checker.CheckContext;
import io.kubelift.checker.CheckSource;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Finding;
import io.kubelift.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** Remote JMX opened without authentication (a remote code execution hole). */
final class JmxUnauthenticatedCheck extends AbstractCheck {
    private static final String FLAG = "com.sun.management.jmxremote.authenticate=false";

    JmxUnauthenticatedCheck() {
        super(
                check("TF15-JMX-UNAUTHENTICATED")
                        .severity(Severity.ERROR)
                        .reads(CheckSource.APP)
                        .summary("Remote JMX is enabled without authentication")
                        .rationale(
                                "Factor XV: an unauthenticated JMX port lets anyone who reaches it call any MBean, which amounts to "
                                        + "running code in the JVM.")
                        .remediation(
                                "Remove the remote JMX port or enable authentication and TLS; for metrics, run the Prometheus JMX "
                                        + "exporter as a local agent and scrape HTTP instead."));
    }

    @Override
    public List<Finding> run(CheckContext context) {
        List<Finding> out = new ArrayList<>();
        for (Fact f : context.facts().facts()) {
            if (f.kind() != FactKind.JAVA_LAUNCH
                    && f.kind() != FactKind.SCRIPT_VARIABLE
                    && f.kind() != FactKind.CONFIG_PROPERTY) {
                continue;
            }
            String text =
                    String.join(
                            " ", nz(f.value()), nz(f.attr("jvmOptions")), nz(f.evidence().text()));
            if (text.contains(FLAG)) {
                out.add(finding(f.evidence(), "remote JMX with " + FLAG));
            }
        }
        return out;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
