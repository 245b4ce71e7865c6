package io.kubelift.core;

import io.kubelift.checker.Report;
import io.kubelift.model.FileSet;
import java.nio.file.Path;

/**
 * What {@code generate}/{@code check} produced for a project: the plan, the files written to {@code
 * outDir}, the report.
 */
public record ProjectConversion(ProjectPlan plan, FileSet files, Report report, Path outDir) {}
