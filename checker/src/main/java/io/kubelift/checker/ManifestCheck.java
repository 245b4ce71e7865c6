package io.kubelift.checker;

import io.kubelift.checker.k8s.KubeObject;
import io.kubelift.checker.k8s.ManifestBundle;
import io.kubelift.model.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * A check over each Kubernetes object of the manifests. Snippets are the flagged line, with secret
 * values masked.
 */
public abstract class ManifestCheck extends AbstractCheck {
    /** One problem at a line of the object's file. */
    public record Hit(int line, String message, boolean secretValue) {
        public Hit(int line, String message) {
            this(line, message, false);
        }
    }

    protected ManifestCheck(CheckDeclaration declaration) {
        super(declaration, CheckSource.MANIFESTS);
    }

    /** The problems of one object (empty when none). */
    protected abstract List<Hit> inspect(KubeObject object, ManifestBundle bundle);

    @Override
    public List<Finding> run(CheckContext context) {
        ManifestBundle bundle = context.manifests();
        List<Finding> out = new ArrayList<>();
        for (KubeObject o : bundle.objects()) {
            for (Hit h : inspect(o, bundle)) {
                String line = lineText(bundle.lines(o.file()), h.line());
                String snippet =
                        h.secretValue() ? SecretText.maskValue(line) : SecretText.maskLine(line);
                out.add(finding(o.file(), h.line(), o.ref() + ": " + h.message(), snippet));
            }
        }
        return out;
    }

    static String lineText(List<String> lines, int line) {
        return line >= 1 && line <= lines.size() ? lines.get(line - 1).strip() : null;
    }
}
