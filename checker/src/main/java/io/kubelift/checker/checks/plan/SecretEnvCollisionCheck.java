package io.kubelift.checker.checks.plan;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.CheckContext;
import io.kubelift.checker.ComponentCheck;
import io.kubelift.model.Component;
import io.kubelift.model.SecretRef;
import io.kubelift.model.Severity;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Two different secrets of one component mapped to the same environment variable. */
final class SecretEnvCollisionCheck extends ComponentCheck {
    SecretEnvCollisionCheck() {
        super(
                check("TF03-PLAN-SECRET-ENV-COLLISION")
                        .severity(Severity.ERROR)
                        .summary("Two secrets of a component share one environment variable")
                        .rationale(
                                "Factor III: each secret reaches the process through its own variable; two secrets on one name means "
                                        + "one silently overwrites the other and a service gets the wrong credential.")
                        .remediation(
                                "Give each spec.components[].secrets[] entry its own env name."));
    }

    @Override
    protected String problem(Component c, CheckContext context) {
        Map<String, java.util.Set<String>> byEnv = new TreeMap<>();
        for (SecretRef s : c.secrets()) {
            byEnv.computeIfAbsent(s.env(), k -> new java.util.TreeSet<>())
                    .add(s.file() + "#" + s.key());
        }
        String clashes =
                byEnv.entrySet().stream()
                        .filter(e -> e.getValue().size() > 1)
                        .map(e -> e.getKey() + " ← " + String.join(", ", e.getValue()))
                        .collect(Collectors.joining("; "));
        return clashes.isEmpty() ? null : "secrets share env variables: " + clashes;
    }
}
