package io.kubelift.checker;

import io.kubelift.checker.k8s.ManifestBundle;
import io.kubelift.model.AppFiles;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Facts;
import io.kubelift.model.MigrationPlan;
import java.util.List;

/**
 * The evidence a check run reads: the app's facts, the plan and the parsed manifests (any may be
 * absent).
 */
public record CheckContext(
        AppFiles app, Facts facts, MigrationPlan plan, ManifestBundle manifests) {
    public CheckContext {
        facts = facts == null ? new Facts(List.of(), List.of()) : facts;
        manifests = manifests == null ? ManifestBundle.parse(List.of()) : manifests;
    }

    public List<Fact> facts(FactKind kind) {
        return facts.of(kind).toList();
    }

    public boolean has(CheckSource source, boolean factsGiven) {
        return switch (source) {
            case APP -> factsGiven;
            case PLAN -> plan != null;
            case MANIFESTS -> !manifests.isEmpty();
        };
    }
}
