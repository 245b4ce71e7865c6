package io.kubelift.analyzer;

import io.kubelift.model.AppFiles;
import io.kubelift.model.Facts;
import io.kubelift.model.MigrationPlan;
import io.kubelift.model.SecretMask;
import io.kubelift.model.SecretValue;
import java.util.List;

/**
 * The result of {@link Analyzer#analyze}: what was seen (facts and problems), the plan inferred,
 * the app's files, and every secret value found (never printed: they feed the {@link SecretMask}
 * every writer passes).
 */
public record Analysis(
        Facts facts, MigrationPlan plan, AppFiles files, List<SecretValue> secretValues) {
    public Analysis {
        secretValues = secretValues == null ? List.of() : List.copyOf(secretValues);
    }

    public Analysis(Facts facts, MigrationPlan plan, AppFiles files) {
        this(facts, plan, files, List.of());
    }

    /** The masking step for everything written or printed about this app. */
    public SecretMask secretMask() {
        return SecretMask.of(secretValues);
    }

    @Override
    public String toString() {
        return "Analysis["
                + plan.metadata().name()
                + ", "
                + secretValues.size()
                + " secret value(s)]";
    }
}
