package io.kubelift.generator.delivery;

import io.kubelift.generator.GenerateOptions.Delivery;
import io.kubelift.generator.layout.Layout;
import java.util.ArrayList;
import java.util.List;

/**
 * The layouts that deliver the output, written after the manifests' layout: the CI pipeline ({@code
 * --ci}) and the GitOps applications ({@code --gitops}). Like the manifest layouts they get the
 * plan context and the generated objects and add files.
 */
public final class DeliveryLayouts {
    private DeliveryLayouts() {}

    public static List<Layout> of(Delivery delivery) {
        List<Layout> layouts = new ArrayList<>();
        if (delivery.ci() != null) {
            layouts.add(
                    switch (delivery.ci()) {
                        case Delivery.GITHUB -> new GithubWorkflow();
                        case Delivery.TEKTON -> new TektonPipeline();
                        default -> new GitlabPipeline();
                    });
        }
        if (delivery.gitops() != null) {
            layouts.add(new ArgoCdApplications());
        }
        return layouts;
    }
}
