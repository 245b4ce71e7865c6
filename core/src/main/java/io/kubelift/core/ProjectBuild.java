package io.kubelift.core;

import io.kubelift.image.ProjectImage;
import io.kubelift.model.FileSet;
import java.nio.file.Path;
import java.util.List;

/**
 * The images built for a project's components, and the manifests regenerated to reference them by
 * digest.
 *
 * @param files what this build wrote to {@code outDir}; empty when the output was up to date
 * @param analysed whether the project was analysed (false: the plan recorded by the last build was
 *     still valid, and {@code plan.facts()} and {@code plan.files()} are null)
 * @param written whether plan.yaml, k8s/ and scripts/ were (re)written (false: they were up to
 *     date)
 */
public record ProjectBuild(
        ProjectPlan plan,
        List<ProjectImage> images,
        FileSet files,
        Path outDir,
        boolean analysed,
        boolean written) {
    public ProjectBuild {
        images = List.copyOf(images);
    }
}
