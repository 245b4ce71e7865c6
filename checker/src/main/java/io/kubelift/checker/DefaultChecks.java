package io.kubelift.checker;

import io.kubelift.checker.checks.app.AppChecks;
import io.kubelift.checker.checks.manifest.ManifestChecks;
import io.kubelift.checker.checks.plan.PlanChecks;
import java.util.ArrayList;
import java.util.List;

/**
 * Every check kubelift ships: the registries of the three check packages ({@link AppChecks}, {@link
 * PlanChecks}, {@link ManifestChecks}) and the built-in rule files. A check is added to its
 * package's registry, not here.
 */
public final class DefaultChecks {
    private DefaultChecks() {}

    public static List<Check> all() {
        List<Check> all = new ArrayList<>(javaChecks());
        all.addAll(io.kubelift.checker.rules.RuleFiles.builtIn().checks());
        return List.copyOf(all);
    }

    /**
     * Every check kubelift ships plus the rules of the rule files below {@code rulesDir} ({@code
     * --rules}).
     */
    public static List<Check> withRules(java.nio.file.Path rulesDir) {
        List<Check> all = new ArrayList<>(all());
        if (rulesDir != null) {
            all.addAll(io.kubelift.checker.rules.RuleFiles.load(rulesDir).checks());
        }
        return List.copyOf(all);
    }

    private static List<Check> javaChecks() {
        List<Check> all = new ArrayList<>(AppChecks.all());
        all.addAll(PlanChecks.all());
        all.addAll(ManifestChecks.all());
        return all;
    }
}
