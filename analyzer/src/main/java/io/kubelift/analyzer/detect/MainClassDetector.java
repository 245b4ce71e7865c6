package io.kubelift.analyzer.detect;

import io.kubelift.analyzer.Inventory;
import io.kubelift.analyzer.scan.RelPaths;
import io.kubelift.model.Component;
import io.kubelift.model.Entrypoint;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Names;
import io.kubelift.model.RuntimeRequirements;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Generic fall-back when no script launches anything and no other detector found a component: one
 * Deployment per manifest Main-Class, or per source main class whose sources open a listener.
 *
 * <p>A manifest's Main-Class belongs to an unpacked jar (the app given as a {@code .jar} file is
 * read entry by entry, so its root is the jar's root): the classpath is that jar root, stated in
 * the plan rather than left to the working directory. When the manifest is at the app's root — the
 * app is a runnable jar, {@code java -jar app.jar} — the component is named after the app, not
 * after the main class (every other tool's class is called {@code Main}).
 */
final class MainClassDetector implements Detector {
    @Override
    public String id() {
        return "main-class";
    }

    @Override
    public void detect(DetectionContext ctx) {
        if (!ctx.components().isEmpty()) {
            return;
        }
        Inventory inv = ctx.inventory();
        List<Fact> mains =
                inv.facts(FactKind.MAIN_CLASS)
                        .filter(f -> !ctx.isClaimedClass(f.subject()))
                        .toList();
        for (Fact m : mains) {
            String srcDir = RelPaths.parent(m.evidence().file());
            Set<String> files =
                    inv.facts(FactKind.LISTEN_PORT)
                            .map(f -> f.evidence().file())
                            .filter(f -> "manifest".equals(m.attr("via")) || f.startsWith(srcDir))
                            .collect(Collectors.toCollection(TreeSet::new));
            if (files.isEmpty() && !"manifest".equals(m.attr("via"))) {
                continue;
            }
            boolean manifest = "manifest".equals(m.attr("via"));
            String jarRoot = manifest ? jarRoot(m.evidence().file()) : null;
            if (jarRoot != null && !hasClasses(inv, jarRoot)) {
                jarRoot = null; // a manifest among sources (src/main/resources/META-INF): not an
                // unpacked jar
            }
            boolean runnableJar = "".equals(jarRoot);
            String name =
                    runnableJar
                            ? ctx.appName()
                            : Names.dnsLabel(
                                    m.subject().substring(m.subject().lastIndexOf('.') + 1));
            List<String> classpath =
                    jarRoot == null ? List.of() : List.of(jarRoot.isEmpty() ? "." : jarRoot);
            String description =
                    runnableJar
                            ? "runnable jar, Main-Class "
                                    + m.subject()
                                    + ", run unpacked with its root on the classpath"
                            : "main class " + m.subject();
            ctx.add(
                    id(),
                    Component.builder(name)
                            .description(description)
                            .entrypoint(
                                    Entrypoint.mainClass(
                                            null,
                                            m.subject(),
                                            classpath,
                                            List.of(),
                                            List.of(),
                                            m.evidence()))
                            .runtime(new RuntimeRequirements("17", null, null, null))
                            .ports(ComponentParts.ports(inv, files, f -> true))
                            .secrets(
                                    ComponentParts.secrets(
                                            inv,
                                            inv.secrets().stream()
                                                    .map(h -> h.file())
                                                    .filter(f -> f.startsWith(srcDir))
                                                    .toList(),
                                            h -> true))
                            .evidence(m.evidence())
                            .build());
            ctx.claimClass(m.subject());
        }
    }

    private static boolean hasClasses(Inventory inv, String root) {
        String prefix = root.isEmpty() ? "" : root + "/";
        return inv.files().list().stream()
                .anyMatch(f -> f.startsWith(prefix) && f.endsWith(".class"));
    }

    /**
     * {@code x/META-INF/MANIFEST.MF} → {@code x}, {@code META-INF/MANIFEST.MF} → "" (the jar's
     * root, relative to the app).
     */
    static String jarRoot(String manifestPath) {
        String metaInf = RelPaths.parent(manifestPath);
        return RelPaths.parent(metaInf);
    }
}
