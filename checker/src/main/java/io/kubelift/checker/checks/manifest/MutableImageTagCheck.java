package io.kubelift.checker.checks.manifest;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.ContainerCheck;
import io.kubelift.checker.k8s.KubeObject;
import io.kubelift.model.Severity;

/** An image without a tag, with the latest tag, and without a digest. */
final class MutableImageTagCheck extends ContainerCheck {
    MutableImageTagCheck() {
        super(
                check("TF05-K8S-MUTABLE-IMAGE-TAG")
                        .severity(Severity.WARNING)
                        .fixedByGenerate()
                        .summary("A container image has no tag or the latest tag")
                        .rationale(
                                "Factor V: a release is an immutable build plus config; 'latest' or no tag means two pods of one "
                                        + "release can run different code and a rollback does not roll back.")
                        .remediation(
                                "Reference images by an immutable version tag or a digest (@sha256:…); kubelift generate tags Jib "
                                        + "images with the app version."));
    }

    @Override
    protected Hit inspect(KubeObject o, KubeObject.Container c) {
        String image = c.node().textAt("image");
        if (image == null
                || image.contains("@sha256:")
                || image.contains("${")
                || image.contains("{{")) {
            return null;
        }
        String last = image.substring(image.lastIndexOf('/') + 1);
        int colon = last.lastIndexOf(':');
        if (colon < 0) {
            return new Hit(c.node().lineOf("image"), label(c) + " image " + image + " has no tag");
        }
        if (last.substring(colon + 1).equals("latest")) {
            return new Hit(
                    c.node().lineOf("image"),
                    label(c) + " image " + image + " uses the latest tag");
        }
        return null;
    }
}
