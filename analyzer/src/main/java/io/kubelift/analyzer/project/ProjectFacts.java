package io.kubelift.analyzer.project;

import io.kubelift.analyzer.detect.ComponentParts;
import io.kubelift.model.ConfigFile;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Facts;
import io.kubelift.model.Port;
import io.kubelift.model.ProjectDescriptor;
import io.kubelift.model.SecretRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the analysis of a project directory says about the one app the project builds: the ports it
 * listens on, its config files and its secrets, from the project's own sources and resources — not
 * from its build output ({@code target/}, which holds copies) nor its tests.
 */
final class ProjectFacts {
    private final List<Fact> facts;

    private ProjectFacts(List<Fact> facts) {
        this.facts = facts;
    }

    static ProjectFacts of(Facts facts, ProjectDescriptor project) {
        String buildDir = buildDir(project);
        List<Fact> own =
                facts == null
                        ? List.of()
                        : facts.facts().stream()
                                .filter(
                                        f ->
                                                !f.evidence().file().startsWith(buildDir)
                                                        && !f.evidence()
                                                                .file()
                                                                .startsWith("src/test/"))
                                .toList();
        return new ProjectFacts(own);
    }

    /**
     * The build output directory relative to the project, with a trailing '/' ({@code target/} by
     * default).
     */
    private static String buildDir(ProjectDescriptor project) {
        Path classes = project.classesDir();
        if (classes == null || classes.getParent() == null) {
            return "target/";
        }
        Path base = project.baseDir().toAbsolutePath().normalize();
        Path build = classes.toAbsolutePath().normalize().getParent();
        return build.startsWith(base) && !build.equals(base)
                ? base.relativize(build).toString().replace('\\', '/') + "/"
                : "target/";
    }

    List<Port> ports() {
        Map<Integer, Port> byPort = new TreeMap<>();
        facts.stream()
                .filter(f -> f.kind() == FactKind.LISTEN_PORT)
                .forEach(
                        f -> {
                            int port;
                            try {
                                port = Integer.parseInt(f.subject());
                            } catch (NumberFormatException e) {
                                return;
                            }
                            if (port < 1 || port > 65535 || byPort.containsKey(port)) {
                                return;
                            }
                            String key = f.attr("configKey");
                            String name =
                                    ComponentParts.portName(
                                            key != null ? key : f.attr("via"), port);
                            String unique = name;
                            for (int i = 2;
                                    byPort.values().stream()
                                            .map(Port::name)
                                            .anyMatch(unique::equals);
                                    i++) {
                                unique =
                                        (name.length() > 12 ? name.substring(0, 12) : name)
                                                + "-"
                                                + i;
                            }
                            byPort.put(
                                    port,
                                    new Port(
                                            unique,
                                            port,
                                            "TCP",
                                            isHttp(key) ? "http" : null,
                                            key,
                                            f.evidence()));
                        });
        return new ArrayList<>(byPort.values());
    }

    /** Files the app reads its settings from (formats as the analyzer parsed them), sorted. */
    List<ConfigFile> configFiles() {
        Map<String, ConfigFile> files = new TreeMap<>();
        facts.stream()
                .filter(
                        f ->
                                f.kind() == FactKind.CONFIG_PROPERTY
                                        && f.evidence().file().startsWith("src/main/"))
                .forEach(
                        f ->
                                files.putIfAbsent(
                                        f.evidence().file(),
                                        new ConfigFile(f.evidence().file(), f.attr("format"))));
        return new ArrayList<>(files.values());
    }

    List<SecretRef> secrets() {
        Map<String, SecretRef> out = new LinkedHashMap<>();
        facts.stream()
                .filter(f -> f.kind() == FactKind.SECRET && f.subject() != null)
                .sorted(
                        Comparator.comparing((Fact f) -> f.evidence().file())
                                .thenComparing(Fact::subject))
                .forEach(
                        f ->
                                out.putIfAbsent(
                                        f.evidence().file() + "#" + f.subject(),
                                        new SecretRef(
                                                f.subject(),
                                                f.evidence().file(),
                                                f.attr("kind"),
                                                null,
                                                f.evidence())));
        return new ArrayList<>(out.values());
    }

    /**
     * Spring's {@code server.port} and keys naming http/web are HTTP endpoints (they get HTTP
     * probes).
     */
    private static boolean isHttp(String key) {
        if (key == null) {
            return false;
        }
        String k = key.toLowerCase(Locale.ROOT);
        return !k.contains("https")
                && (k.equals("server.port") || k.contains("http") || k.contains("web"));
    }
}
