package io.kubelift.core;

import io.kubelift.model.Component;
import io.kubelift.model.ConfigFile;
import io.kubelift.model.ConfigOverride;
import io.kubelift.model.KubeliftException;
import io.kubelift.model.MigrationPlan;
import io.kubelift.model.PlanCodec;
import io.kubelift.model.PlanSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A person's edit of a plan made by a command instead of an editor: {@code kubelift override} sets
 * a config setting of a component (a {@code configOverrides} entry), which {@code generate} then
 * writes into the component's ConfigMap. The plan is rewritten as a person's edit: its hash is not
 * recorded, so a later {@code analyze}/{@code convert} keeps it (or merges with {@code --merge}).
 */
final class PlanEdits {
    private PlanEdits() {}

    /**
     * Sets {@code key} of config file {@code file} of {@code component} to {@code value}: replaces
     * the component's override of that key, or adds one.
     */
    static MigrationPlan override(
            Path planFile, String component, String file, String key, String value, String reason) {
        MigrationPlan plan = PlanCodec.read(planFile);
        List<Component> components = plan.spec().components();
        Component c =
                components.stream()
                        .filter(x -> x.name().equals(component))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        KubeliftException.badInput(
                                                planFile.toString(),
                                                "has no component '" + component + "'",
                                                "components: "
                                                        + String.join(
                                                                ", ",
                                                                components.stream()
                                                                        .map(Component::name)
                                                                        .toList())));
        if (c.configFiles().stream().map(ConfigFile::path).noneMatch(file::equals)) {
            throw KubeliftException.badInput(
                    planFile.toString(),
                    "component '" + component + "' has no config file '" + file + "'",
                    c.configFiles().isEmpty()
                            ? "add it to the component's configFiles first (docs/plan-format.md)"
                            : "its config files: "
                                    + String.join(
                                            ", ",
                                            c.configFiles().stream()
                                                    .map(ConfigFile::path)
                                                    .toList()));
        }
        if (c.secrets().stream().anyMatch(s -> file.equals(s.file()) && key.equals(s.key()))) {
            throw KubeliftException.usage(
                    "'" + key + "' in " + file + " is a secret of component '" + component + "'",
                    "secret values never go into the plan: set it in k8s/base/secrets/"
                            + component
                            + ".env");
        }
        List<ConfigOverride> overrides = new ArrayList<>();
        for (ConfigOverride o : c.configOverrides()) {
            if (!(o.file().equals(file) && o.key().equals(key))) {
                overrides.add(o);
            }
        }
        overrides.add(
                new ConfigOverride(
                        file,
                        key,
                        value,
                        reason == null || reason.isBlank() ? "set with kubelift override" : reason,
                        null));
        List<Component> edited = new ArrayList<>();
        for (Component x : components) {
            edited.add(x == c ? c.toBuilder().configOverrides(overrides).build() : x);
        }
        MigrationPlan out =
                new MigrationPlan(
                        plan.apiVersion(),
                        plan.kind(),
                        plan.metadata(),
                        new PlanSpec(plan.spec().source(), edited));
        write(planFile, PlanCodec.toPlanYaml(out, PlanCodec.SCHEMA_FILE, fullEvidence(planFile)));
        return out;
    }

    /** Whether the plan's evidence is written as {file, line, text} objects (kept as it is). */
    private static boolean fullEvidence(Path planFile) {
        try {
            return Files.readString(planFile, StandardCharsets.UTF_8)
                    .matches("(?s).*\\n\\s*evidence:\\s*\\n\\s*file:.*");
        } catch (IOException e) {
            return false;
        }
    }

    private static void write(Path planFile, String text) {
        Path abs = planFile.toAbsolutePath();
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".kubelift-tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(
                    tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw KubeliftException.badInput(
                    planFile.toString(), "cannot be written: " + e.getMessage(), null);
        }
    }
}
