package io.kubelift.core.project;

import io.kubelift.model.FileSet;
import java.nio.file.Path;
import java.util.List;

/** The images built for a project's components, and the manifests regenerated to reference them by digest. */
public record ProjectBuild(ProjectPlan plan, List<ProjectImage> images, FileSet files, Path outDir) {
    public ProjectBuild {
        images = List.copyOf(images);
    }
}
