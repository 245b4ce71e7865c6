package io.kubelift.core;

import io.kubelift.model.KubeliftException;
import io.kubelift.model.MigrationPlan;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resolves the app a plan points at: {@code spec.source.path} is relative to the plan file's
 * directory.
 */
final class AppPaths {
    private AppPaths() {}

    static Path appOf(MigrationPlan plan, Path planFile) {
        Path source = Path.of(plan.spec().source().path());
        Path base = planFile.toAbsolutePath().getParent();
        Path app = source.isAbsolute() ? source : base.resolve(source).normalize();
        if (!Files.exists(app)) {
            throw KubeliftException.badInput(
                    planFile + "",
                    "spec.source.path '"
                            + plan.spec().source().path()
                            + "' does not exist (resolved to "
                            + app
                            + ")",
                    "the path is relative to the plan file's directory; fix it in the plan");
        }
        return app;
    }

    /**
     * The path to record in a plan written to {@code planDir}, so the plan stays valid wherever the
     * checkout is.
     */
    static String sourcePathFor(Path app, Path planDir) {
        Path a = app.toAbsolutePath().normalize();
        Path d = planDir.toAbsolutePath().normalize();
        try {
            return d.relativize(a).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return a.toString();
        }
    }
}
