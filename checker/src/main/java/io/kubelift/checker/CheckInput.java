package io.kubelift.checker;

import io.kubelift.model.AppFiles;
import io.kubelift.model.Facts;
import io.kubelift.model.MigrationPlan;
import java.util.List;

/**
 * What to check: any of the app's facts (with read access to its files for snippets and
 * suppressions), a plan, manifests, and the output {@code generate} wrote for the app. {@code
 * rootName} names the checked path in reports.
 */
public record CheckInput(
        String rootName,
        AppFiles app,
        Facts facts,
        MigrationPlan plan,
        List<ManifestSource> manifests,
        List<ManifestSource> generated) {
    public CheckInput {
        rootName = rootName == null ? "." : rootName;
        manifests = manifests == null ? List.of() : List.copyOf(manifests);
        generated = generated == null ? List.of() : List.copyOf(generated);
    }

    /** Without generated output: one score, no before → after. */
    public CheckInput(
            String rootName,
            AppFiles app,
            Facts facts,
            MigrationPlan plan,
            List<ManifestSource> manifests) {
        this(rootName, app, facts, plan, manifests, List.of());
    }

    /**
     * An app (facts, plan) and what {@code kubelift generate} wrote for it ({@code k8s/…} and
     * {@code scripts/…}, paths relative to the output directory): the report then scores the app as
     * installed (before) and as generated (after), and marks each app finding fixed only when the
     * generated output no longer has it.
     */
    public static CheckInput ofConversion(
            String rootName,
            AppFiles app,
            Facts facts,
            MigrationPlan plan,
            List<ManifestSource> generated) {
        return new CheckInput(rootName, app, facts, plan, List.of(), generated);
    }

    public static CheckInput ofManifests(String rootName, List<ManifestSource> manifests) {
        return new CheckInput(rootName, null, null, null, manifests);
    }
}
