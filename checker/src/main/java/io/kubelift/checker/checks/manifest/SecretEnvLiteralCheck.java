package io.kubelift.checker.checks.manifest;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.ContainerCheck;
import io.kubelift.checker.SecretText;
import io.kubelift.checker.k8s.KubeObject;
import io.kubelift.model.SecretNames;
import io.kubelift.model.Severity;

/** An environment variable with a secret-looking name and a literal value. */
final class SecretEnvLiteralCheck extends ContainerCheck {
    SecretEnvLiteralCheck() {
        super(
                check("TF03-K8S-SECRET-ENV-LITERAL")
                        .severity(Severity.ERROR)
                        .fixedByGenerate()
                        .summary(
                                "A secret-looking environment variable has a literal value in the manifest")
                        .rationale(
                                "Factor III: a password written into a workload manifest is in version control, in every kubectl "
                                        + "get output and in the API server's storage unencrypted.")
                        .remediation(
                                "Move the value into a Secret and use env[].valueFrom.secretKeyRef (kubelift generate references "
                                        + "every secret of the plan this way)."));
    }

    @Override
    protected Hit inspect(KubeObject o, KubeObject.Container c) {
        for (var env : c.node().listAt("env")) {
            String name = env.textAt("name");
            String value = env.textAt("value");
            if (SecretNames.mentionsSecret(name) && SecretText.isLiteral(value)) {
                return new Hit(
                        env.lineOf("value"),
                        label(c) + " sets " + name + " to a literal value (hidden)",
                        true);
            }
        }
        return null;
    }
}
