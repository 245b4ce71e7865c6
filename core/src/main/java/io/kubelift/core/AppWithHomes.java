package io.kubelift.core;

import io.kubelift.analyzer.AppFileTrees;
import io.kubelift.model.AppFiles;
import io.kubelift.model.KubeliftException;
import io.kubelift.model.MigrationPlan;
import io.kubelift.model.SourceHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files an image holds: the app's, plus each of the plan's {@code spec.source.homes} under its
 * {@code at} directory ({@code homes/apache-artemis/lib/artemis-boot.jar}), so the image builder
 * lays the product home out below the app home like any other app file.
 */
final class AppWithHomes implements AppFiles {
    private final AppFiles app;
    private final Map<String, AppFiles> homes; // at + "/" → its files

    private AppWithHomes(AppFiles app, Map<String, AppFiles> homes) {
        this.app = app;
        this.homes = homes;
    }

    static AppFiles of(AppFiles app, MigrationPlan plan, Path planFile) {
        List<SourceHome> hs = plan.spec().source().homes();
        if (hs.isEmpty()) {
            return app;
        }
        Map<String, AppFiles> homes = new LinkedHashMap<>();
        for (SourceHome h : hs) {
            Path p = Path.of(h.path());
            Path dir = p.isAbsolute() ? p : planFile.toAbsolutePath().getParent().resolve(p);
            if (!Files.isDirectory(dir)) {
                throw KubeliftException.badInput(
                        planFile.toString(),
                        "spec.source.homes: '" + h.path() + "' is not a directory on this machine",
                        "the image needs the product home the app runs from: install it there, or"
                                + " point the plan's path at where it is");
            }
            homes.put(h.at() + "/", AppFileTrees.open(dir));
        }
        return new AppWithHomes(app, homes);
    }

    @Override
    public Optional<byte[]> read(String path) {
        for (Map.Entry<String, AppFiles> h : homes.entrySet()) {
            if (path.startsWith(h.getKey())) {
                return h.getValue().read(path.substring(h.getKey().length()));
            }
        }
        return app.read(path);
    }

    @Override
    public List<String> list() {
        List<String> all = new ArrayList<>(app.list());
        for (Map.Entry<String, AppFiles> h : homes.entrySet()) {
            h.getValue().list().forEach(f -> all.add(h.getKey() + f));
        }
        return all.stream().sorted().toList();
    }

    @Override
    public String displayName() {
        return app.displayName();
    }
}
