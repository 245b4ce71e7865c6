package io.kubelift.generator.layout;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubelift.generator.PlanContext;
import io.kubelift.model.FileSet;
import java.util.List;

/**
 * How generated objects become files. The generator produces the objects (from the emitters), the
 * start scripts and the secret material; a layout writes the objects and decides how environments
 * and secrets are expressed: {@link io.kubelift.generator.kustomize.KustomizeLayout Kustomize}
 * (base + overlays, the default) or {@link io.kubelift.generator.helm.HelmLayout Helm} (a chart
 * with a values file per environment).
 */
public interface Layout {
    String name();

    void write(PlanContext ctx, List<HasMetadata> objects, FileSet out);

    static Layout named(String name) {
        return switch (name) {
            case "helm" -> new io.kubelift.generator.helm.HelmLayout();
            default -> new io.kubelift.generator.kustomize.KustomizeLayout();
        };
    }
}
