package io.kubelift.analyzer;

import io.kubelift.model.AppFiles;
import io.kubelift.model.Facts;
import io.kubelift.model.MigrationPlan;

/** PLACEHOLDER: API contract only; replaced by the analyzer branch. */
public record Analysis(Facts facts, MigrationPlan plan, AppFiles files) {}
