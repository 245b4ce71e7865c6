package io.kubelift.checker;

import io.kubelift.model.AppFiles;
import io.kubelift.model.Facts;
import io.kubelift.model.MigrationPlan;
import java.util.List;

/** PLACEHOLDER: API contract only; replaced by the checker branch. */
public record CheckInput(String rootName, AppFiles app, Facts facts, MigrationPlan plan, List<ManifestSource> manifests) {}
