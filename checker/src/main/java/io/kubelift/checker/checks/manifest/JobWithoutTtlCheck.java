package io.kubelift.checker.checks.manifest;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.ManifestCheck;
import io.kubelift.checker.k8s.KubeObject;
import io.kubelift.checker.k8s.ManifestBundle;
import io.kubelift.model.Severity;
import java.util.List;

/** A Job without ttlSecondsAfterFinished. */
final class JobWithoutTtlCheck extends ManifestCheck {
    JobWithoutTtlCheck() {
        super(
                check("TF12-K8S-JOB-NO-TTL")
                        .severity(Severity.INFO)
                        .fixedByGenerate()
                        .summary("A Job is never cleaned up after it finishes")
                        .rationale(
                                "Factor XII: admin processes run as one-off Jobs; without a TTL finished Jobs and their pods pile up "
                                        + "and a re-apply of the same Job name fails.")
                        .remediation(
                                "Set spec.ttlSecondsAfterFinished (e.g. 86400) so finished Jobs are garbage-collected."));
    }

    @Override
    protected List<Hit> inspect(KubeObject o, ManifestBundle bundle) {
        if (o.kind().equals("Job") && o.root().at("spec", "ttlSecondsAfterFinished").isEmpty()) {
            return List.of(new Hit(o.line(), "no ttlSecondsAfterFinished"));
        }
        return List.of();
    }
}
