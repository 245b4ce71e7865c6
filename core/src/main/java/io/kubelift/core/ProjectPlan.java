package io.kubelift.core;

import io.kubelift.model.AppFiles;
import io.kubelift.model.Facts;
import io.kubelift.model.MigrationPlan;
import java.nio.file.Path;

/**
 * A project's plan and what it came from: the analysis of the project directory (facts, files) and,
 * when the user keeps an edited plan with the project, that plan instead of the inferred one.
 * {@code planFile} is where the plan was written, or null when the project is not a runnable app
 * (then nothing is written).
 */
public record ProjectPlan(
        MigrationPlan plan, Facts facts, AppFiles files, boolean fromUserPlan, Path planFile) {
    /**
     * Whether the project runs as an app (at least one component): libraries and aggregators do
     * not.
     */
    public boolean runnable() {
        return !plan.spec().components().isEmpty();
    }
}
