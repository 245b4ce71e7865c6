package io.kubelift.analyzer.detect;

import io.kubelift.analyzer.Inventory;
import io.kubelift.analyzer.scan.RelPaths;
import io.kubelift.analyzer.shell.ShellLaunch;
import io.kubelift.model.Component;
import io.kubelift.model.Evidence;
import io.kubelift.model.FactKind;
import io.kubelift.model.Names;
import io.kubelift.model.RuntimeRequirements;
import io.kubelift.model.StateDir;
import io.kubelift.model.Workload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Generic: every {@code java … Main} (or {@code -jar}) a script launches and that is classified as
 * a server becomes a Deployment; its config files come from its classpath directories and
 * arguments, its ports, secrets and directories from those files (and from the sources of its main
 * class). Client and admin launches stay facts only.
 */
final class JavaLaunchDetector implements Detector {
    @Override
    public String id() {
        return "java-launch";
    }

    @Override
    public void detect(DetectionContext ctx) {
        Inventory inv = ctx.inventory();
        Map<String, ShellLaunch> byName = new LinkedHashMap<>();
        for (ShellLaunch l : inv.launches()) {
            if (ctx.isClaimed(l) || !isServer(inv, l)) {
                continue;
            }
            byName.putIfAbsent(name(l), l);
        }
        for (var e : byName.entrySet()) {
            ShellLaunch l = e.getValue();
            Evidence ev = ComponentParts.launchEvidence(inv, l);
            Set<String> files = new TreeSet<>(ComponentParts.configFilesOf(inv, l.command()));
            if (files.isEmpty()) {
                inv.configFormats().keySet().stream()
                        .filter(f -> f.matches("(conf|config|etc)/[^/]+") && !f.endsWith(".sh"))
                        .forEach(files::add);
            }
            String mainClass = l.command().mainClass();
            inv.facts(FactKind.MAIN_CLASS)
                    .filter(f -> f.subject().equals(mainClass))
                    .map(f -> f.evidence().file())
                    .forEach(
                            src -> {
                                String dir = RelPaths.parent(src);
                                inv.facts(FactKind.LISTEN_PORT)
                                        .map(f -> f.evidence().file())
                                        .filter(f -> f.startsWith(dir))
                                        .forEach(files::add);
                                inv.secrets().stream()
                                        .map(h -> h.file())
                                        .filter(f -> f.startsWith(dir))
                                        .forEach(files::add);
                            });
            Set<String> withScripts = new TreeSet<>(files);
            withScripts.add(l.script());
            withScripts.add(l.entryScript());
            withScripts.addAll(l.sources()); // sourced env scripts: their exports are the process's
            // environment
            List<StateDir> state = ComponentParts.state(inv, files, f -> true);
            boolean durable = state.stream().anyMatch(StateDir::isDurable);
            // an ensemble (server.N=host:quorum:election lines) runs one replica per listed member
            long members =
                    inv.facts(FactKind.LISTEN_PORT)
                            .filter(
                                    f ->
                                            "quorum".equals(f.attr("name"))
                                                    && files.contains(f.evidence().file()))
                            .map(f -> f.attr("configKey"))
                            .distinct()
                            .count();
            Component c =
                    Component.builder(e.getKey())
                            .workload(durable ? Workload.StatefulSet : Workload.Deployment)
                            .replicas(members > 1 ? (int) members : 1)
                            .description(
                                    "java "
                                            + (mainClass != null
                                                    ? mainClass
                                                    : "-jar " + l.command().jar())
                                            + " launched by "
                                            + l.entryScript()
                                            + (durable
                                                    ? "; it keeps durable state ("
                                                            + state.stream()
                                                                    .filter(StateDir::isDurable)
                                                                    .map(StateDir::configKey)
                                                                    .filter(
                                                                            java.util.Objects
                                                                                    ::nonNull)
                                                                    .distinct()
                                                                    .collect(
                                                                            java.util.stream
                                                                                    .Collectors
                                                                                    .joining(", "))
                                                            + "), so a StatefulSet with a volume per replica and a headless Service for stable member names"
                                                    : ""))
                            .entrypoint(withManifestMain(ctx, ComponentParts.entrypoint(l, ev)))
                            .runtime(new RuntimeRequirements("17", null, null, null))
                            .ports(ComponentParts.ports(inv, files, f -> true))
                            .configFiles(ComponentParts.configFiles(inv, files))
                            .secrets(ComponentParts.secrets(inv, withScripts, h -> true))
                            .state(state)
                            .logs(ComponentParts.logs(inv, withScripts, f -> true))
                            .resources(
                                    ComponentParts.resources(
                                            ComponentParts.heapBytes(l.command()),
                                            ComponentParts.heapEvidence(inv, l)))
                            .evidence(ev)
                            .build();
            ctx.add(id(), c);
            inv.launches().stream().filter(x -> name(x).equals(e.getKey())).forEach(ctx::claim);
        }
    }

    /**
     * {@code java -jar x.jar}: the main class is the one x.jar's manifest names (read from the jar
     * in place); the entrypoint states it, with the jar first on the classpath, which runs the same
     * program.
     */
    static io.kubelift.model.Entrypoint withManifestMain(
            DetectionContext ctx, io.kubelift.model.Entrypoint e) {
        if (e.mainClass() != null || e.jar() == null) {
            return e;
        }
        String main =
                ctx.jars()
                        .resolve(e.jar())
                        .flatMap(ctx.jars()::info)
                        .map(io.kubelift.analyzer.jar.Jars.JarInfo::mainClass)
                        .orElse(null);
        if (main == null) {
            return e;
        }
        List<String> cp = new java.util.ArrayList<>(List.of(e.jar()));
        e.classpath().stream().filter(x -> !x.equals(e.jar())).forEach(cp::add);
        return new io.kubelift.model.Entrypoint(
                e.script(),
                main,
                e.jar(),
                e.command(),
                cp,
                e.jvmOptions(),
                e.args(),
                e.workingDir(),
                e.evidence());
    }

    static boolean isServer(Inventory inv, ShellLaunch l) {
        return io.kubelift.analyzer.LaunchClassifier.classify(l)
                == io.kubelift.analyzer.LaunchClassifier.Kind.SERVER;
    }

    /**
     * The role, else the entry script's name without start/run/daemon words, else the main class.
     */
    static String name(ShellLaunch l) {
        if (l.role() != null) {
            return Names.dnsLabel(l.role());
        }
        String script =
                RelPaths.fileName(l.entryScript())
                        .replaceAll("(?i)\\.(sh|bash|bat|cmd|py|pl|pm|rb)$", "")
                        .replaceAll("(?i)(^|[-_])(start|run|daemon|launch|startup)($|[-_])", "$1$3")
                        .replaceAll("^[-_]+|[-_]+$", "");
        if (!script.isBlank() && !script.equalsIgnoreCase("java")) {
            return Names.dnsLabel(script);
        }
        String main = l.command().mainClass() != null ? l.command().mainClass() : l.command().jar();
        return Names.dnsLabel(main.substring(main.lastIndexOf('.') + 1));
    }
}
