package io.kubelift.checker;

import io.kubelift.model.AppFiles;
import io.kubelift.model.Facts;
import io.kubelift.model.MigrationPlan;
import java.util.List;

/**
 * What to check: any of the app's facts (with read access to its files for snippets and suppressions), a plan,
 * and manifests. {@code rootName} names the checked path in reports.
 */
public record CheckInput(String rootName, AppFiles app, Facts facts, MigrationPlan plan, List<ManifestSource> manifests) {
    public CheckInput {
        rootName = rootName == null ? "." : rootName;
        manifests = manifests == null ? List.of() : List.copyOf(manifests);
    }

    public static CheckInput ofManifests(String rootName, List<ManifestSource> manifests) {
        return new CheckInput(rootName, null, null, null, manifests);
    }
}
