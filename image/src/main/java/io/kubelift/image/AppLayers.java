package io.kubelift.image;

import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import io.kubelift.model.AppFiles;
import io.kubelift.model.Component;
import io.kubelift.model.KubeliftException;
import io.kubelift.model.MigrationPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipFile;

/**
 * The app's files under {@code /opt/app}, split into layers from least to most changing, the way
 * Jib splits a Maven project: {@code dependencies} (third-party jars), {@code application} (jars
 * that hold a component's main class or are named as its jar, SNAPSHOT jars, loose .class files)
 * and {@code config} (everything else: config defaults, scripts, data). Files starting with {@code
 * #!} are executable, others 0644; all are root-owned with mtime 0. Every component's image gets
 * the same layers, so a registry stores them once.
 *
 * <p>Files that hold a secret (every {@code secrets[].file} of the plan) and Java sources never
 * enter an image: an image layer is readable by anyone who can pull it. Config files come back at
 * run time from the ConfigMaps, rewritten so that secrets are read from the environment.
 */
record AppLayers(
        FileEntriesLayer dependencies,
        FileEntriesLayer application,
        FileEntriesLayer config,
        List<Path> jars) {
    static final AbsoluteUnixPath APP_ROOT =
            AbsoluteUnixPath.get(io.kubelift.model.ImageLayout.APP_HOME);

    static AppLayers stage(
            AppFiles app, MigrationPlan plan, Set<String> secretFiles, Staging staging) {
        Set<String> mainClassEntries = new TreeSet<>();
        Set<String> appJars = new TreeSet<>();
        for (Component c : plan.spec().components()) {
            if (c.entrypoint() == null) {
                continue;
            }
            if (c.entrypoint().mainClass() != null) {
                mainClassEntries.add(c.entrypoint().mainClass().replace('.', '/') + ".class");
            }
            if (c.entrypoint().jar() != null) {
                appJars.add(c.entrypoint().jar());
            }
        }
        FileEntriesLayer.Builder deps = FileEntriesLayer.builder().setName("dependencies");
        FileEntriesLayer.Builder own = FileEntriesLayer.builder().setName("application");
        FileEntriesLayer.Builder config = FileEntriesLayer.builder().setName("config");
        List<Path> jars = new ArrayList<>();
        Set<Path> staged = new HashSet<>();
        Set<String> excluded = excluded(plan);
        excluded.addAll(secretFiles);
        for (String rel : app.list()) {
            if (excluded.contains(rel)
                    || rel.toLowerCase(java.util.Locale.ROOT).endsWith(".java")) {
                continue;
            }
            byte[] bytes =
                    app.read(rel)
                            .orElseThrow(
                                    () ->
                                            KubeliftException.badInput(
                                                    app.displayName() + "/" + rel,
                                                    "listed but not readable (too large or unsafe?)",
                                                    "check the file, or remove it from the app"));
            Path src = staging.write(rel, bytes);
            staged.add(src);
            AbsoluteUnixPath dst = APP_ROOT.resolve(rel);
            boolean script = bytes.length > 2 && bytes[0] == '#' && bytes[1] == '!';
            FilePermissions perms = FilePermissions.fromOctalString(script ? "755" : "644");
            String lower = rel.toLowerCase(java.util.Locale.ROOT);
            if (lower.endsWith(".jar")) {
                jars.add(src);
                boolean mine =
                        appJars.contains(rel)
                                || lower.contains("-snapshot")
                                || containsAny(src, mainClassEntries);
                (mine ? own : deps).addEntry(src, dst, perms, Instant.EPOCH, "0:0");
            } else if (lower.endsWith(".class")) {
                own.addEntry(src, dst, perms, Instant.EPOCH, "0:0");
            } else {
                config.addEntry(src, dst, perms, Instant.EPOCH, "0:0");
            }
        }
        staging.retainOnly(staged);
        return new AppLayers(deps.build(), own.build(), config.build(), List.copyOf(jars));
    }

    /**
     * The files the plan says hold a secret: they are delivered by ConfigMap + Secret, never baked
     * in.
     */
    static Set<String> excluded(MigrationPlan plan) {
        Set<String> files = new TreeSet<>();
        for (Component c : plan.spec().components()) {
            c.secrets().forEach(s -> files.add(s.file()));
        }
        return files;
    }

    private static boolean containsAny(Path jar, Set<String> entries) {
        if (entries.isEmpty()) {
            return false;
        }
        try (ZipFile z = new ZipFile(jar.toFile())) {
            for (String e : entries) {
                if (z.getEntry(e) != null) {
                    return true;
                }
            }
            return false;
        } catch (java.util.zip.ZipException e) {
            return false; // not a real jar: leave it with the dependencies
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
