package io.kubelift.checker.checks.manifest;

import io.kubelift.checker.CheckDeclaration;
import io.kubelift.checker.ContainerCheck;
import io.kubelift.checker.k8s.KubeObject;
import io.kubelift.model.Severity;

/**
 * A long-running container without a probe of one kind ({@code livenessProbe}, {@code
 * readinessProbe}). Init containers and pods that run to completion need none. A warning that
 * {@code kubelift generate} fixes.
 */
abstract class MissingProbeCheck extends ContainerCheck {
    private final String probe;

    /**
     * @param probe the container field that holds the probe, e.g. {@code livenessProbe}
     */
    MissingProbeCheck(CheckDeclaration declaration, String probe) {
        super(declaration.severity(Severity.WARNING).fixedByGenerate());
        this.probe = probe;
    }

    @Override
    protected final boolean includesInit() {
        return false;
    }

    @Override
    protected final boolean includesBatch() {
        return false;
    }

    @Override
    protected final Hit inspect(KubeObject o, KubeObject.Container c) {
        return c.node().at(probe).isPresent()
                ? null
                : new Hit(c.node().line(), label(c) + " has no " + probe);
    }
}
