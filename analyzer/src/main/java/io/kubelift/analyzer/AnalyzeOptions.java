package io.kubelift.analyzer;

import io.kubelift.model.ProjectDescriptor;

/**
 * Options of one analysis. {@code planName} null → derived from the app directory or archive name
 * (a DNS label); {@code sourcePath} null → the app path as given, recorded in {@code
 * spec.source.path}; {@code project} non-null → the app is a build project and the build's
 * description of it completes the plan ({@link io.kubelift.analyzer.project.MavenProjectDetector}).
 */
public record AnalyzeOptions(String planName, String sourcePath, ProjectDescriptor project) {
    public AnalyzeOptions(String planName, String sourcePath) {
        this(planName, sourcePath, null);
    }

    public static AnalyzeOptions defaults() {
        return new AnalyzeOptions(null, null);
    }

    /** These options for a build project the build tool describes as {@code project}. */
    public AnalyzeOptions withProject(ProjectDescriptor project) {
        return new AnalyzeOptions(planName, sourcePath, project);
    }
}
