package io.kubelift.analyzer;

import io.kubelift.model.AppFiles;
import io.kubelift.model.Facts;
import io.kubelift.model.MigrationPlan;

/** The result of {@link Analyzer#analyze}: what was seen (facts and problems), the plan inferred, and the app's files. */
public record Analysis(Facts facts, MigrationPlan plan, AppFiles files) {
}
