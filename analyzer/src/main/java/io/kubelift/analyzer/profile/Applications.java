package io.kubelift.analyzer.profile;

import io.kubelift.analyzer.Inventory;
import io.kubelift.analyzer.detect.DetectionContext;
import io.kubelift.analyzer.scan.RelPaths;
import io.kubelift.analyzer.shell.ShellLaunch;
import io.kubelift.model.Evidence;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The applications of a framework a profile describes ({@code recognise.applications}): main
 * classes the analyzer found in sources or jar manifests, with the module each belongs to (the
 * directory its sources or classes hang from) and what that module's build descriptor says (its
 * artifactId, its Java version, its dependencies).
 */
final class Applications {
    private Applications() {}

    /** One application: its main class, where it was found, and its module's directory. */
    record App(String mainClass, Evidence evidence, String root) {
        String prefix() {
            return root.isEmpty() ? "" : root + "/";
        }
    }

    /** The applications among the main classes found, not yet claimed, by class name. */
    static List<App> of(DetectionContext ctx, ProductProfile p) {
        Inventory inv = ctx.inventory();
        Map<String, App> out = new LinkedHashMap<>();
        inv.facts(FactKind.MAIN_CLASS)
                .filter(f -> !ctx.isClaimedClass(f.subject()))
                .sorted(Comparator.comparing(Fact::subject))
                .forEach(
                        f -> {
                            String root = moduleRoot(f.evidence().file());
                            if (!out.containsKey(f.subject())
                                    && p.recognise().applications().stream()
                                            .anyMatch(m -> matches(inv, f, root, m))) {
                                out.put(f.subject(), new App(f.subject(), f.evidence(), root));
                            }
                        });
        // the jars a person would run: a fat jar's manifest names its application (Start-Class)
        for (String jar : ctx.jars().topLevel()) {
            ctx.jars()
                    .info(jar)
                    .ifPresent(
                            i -> {
                                String root = jarModule(jar);
                                for (String[] named :
                                        new String[][] {
                                            {"Start-Class", i.startClass()},
                                            {"Main-Class", i.mainClass()}
                                        }) {
                                    String c = named[1];
                                    if (c == null
                                            || out.containsKey(c)
                                            || ctx.isClaimedClass(c)
                                            || p.recognise().applications().stream()
                                                    .noneMatch(
                                                            m ->
                                                                    m.attr().equals("attribute")
                                                                            && m.equals()
                                                                                    .equals(
                                                                                            named[
                                                                                                    0])
                                                                            && m.build() == null)) {
                                        continue;
                                    }
                                    out.put(c, new App(c, Evidence.ofFile(jar), root));
                                }
                            });
        }
        return new ArrayList<>(out.values());
    }

    /** The module a built jar belongs to: the one whose build output directory holds it. */
    static String jarModule(String jar) {
        String dir = RelPaths.parent(jar);
        for (String out : List.of("target", "build/libs")) {
            if (dir.equals(out)) {
                return "";
            }
            if (dir.endsWith("/" + out)) {
                return dir.substring(0, dir.length() - out.length() - 1);
            }
        }
        return dir;
    }

    private static boolean matches(Inventory inv, Fact f, String root, ProductProfile.AppMatch m) {
        if (!m.equals().equals(f.attr(m.attr()))) {
            return false;
        }
        return m.build() == null
                || inv.facts(FactKind.BUILD_DESCRIPTOR)
                        .anyMatch(
                                b ->
                                        String.valueOf(b.value()).startsWith(m.build())
                                                && RelPaths.parent(b.evidence().file())
                                                        .equals(root));
    }

    /**
     * The directory a module's sources hang from: the part before src/main/java, BOOT-INF, WEB-INF
     * or META-INF.
     */
    static String moduleRoot(String file) {
        for (String marker : List.of("src/main/java/", "BOOT-INF/", "WEB-INF/", "META-INF/")) {
            if (file.startsWith(marker)) {
                return "";
            }
            int i = file.indexOf("/" + marker);
            if (i >= 0) {
                return file.substring(0, i);
            }
        }
        return RelPaths.parent(file);
    }

    /** The artifactId the module's build descriptor gives. */
    static Optional<String> artifactId(Inventory inv, String root) {
        return inv.facts(FactKind.BUILD_DESCRIPTOR)
                .filter(
                        f ->
                                f.subject().equals("artifact")
                                        && RelPaths.parent(f.evidence().file()).equals(root))
                .map(f -> f.value().split(":"))
                .filter(p -> p.length >= 2 && !p[1].equals("null"))
                .map(p -> p[1])
                .findFirst();
    }

    /** The Java version the module's build descriptor asks for, else 17. */
    static String javaVersion(Inventory inv, String root) {
        return inv.facts(FactKind.BUILD_DESCRIPTOR)
                .filter(
                        f ->
                                f.subject().equals("java.version")
                                        && RelPaths.parent(f.evidence().file()).equals(root))
                .map(Fact::value)
                .filter(v -> v != null && v.matches("\\d+"))
                .findFirst()
                .orElse("17");
    }

    /** The first dependency of the module (or below it) matching one of the key patterns. */
    static Optional<Fact> dependency(Inventory inv, String root, List<String> patterns) {
        return inv.facts(FactKind.DEPENDENCY)
                .filter(
                        f ->
                                patterns.stream()
                                        .anyMatch(
                                                d ->
                                                        ProfileDetector.keyGlob(d)
                                                                .matcher(f.subject())
                                                                .matches()))
                .filter(f -> RelPaths.parent(f.evidence().file()).startsWith(root))
                .findFirst();
    }

    /**
     * Whether a launch runs the application: its class, a jar whose manifest names it, or a jar
     * built by its module (the file name starts with the module's artifactId).
     */
    static boolean runs(DetectionContext ctx, ShellLaunch l, App app, Optional<String> artifact) {
        if (app.mainClass().equals(l.command().mainClass())) {
            return true;
        }
        String jar = l.command().jar();
        if (jar == null) {
            return false;
        }
        if (artifact.isPresent()
                && RelPaths.fileName(jar.replace('\\', '/')).startsWith(artifact.get())) {
            return true;
        }
        return ctx.jars()
                .resolve(jar)
                .flatMap(ctx.jars()::info)
                .map(
                        i ->
                                app.mainClass().equals(i.startClass())
                                        || app.mainClass().equals(i.mainClass()))
                .orElse(false);
    }
}
