package io.kubelift.analyzer.project;

import io.kubelift.model.Component;
import io.kubelift.model.Entrypoint;
import io.kubelift.model.Evidence;
import io.kubelift.model.ImageLayout;
import io.kubelift.model.MainClassCandidate;
import io.kubelift.model.MigrationPlan;
import io.kubelift.model.Names;
import io.kubelift.model.PlanSpec;
import io.kubelift.model.Port;
import io.kubelift.model.ProjectDescriptor;
import io.kubelift.model.RuntimeRequirements;
import io.kubelift.model.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Completes an analysed plan with what a build descriptor states outright, so a project needs no
 * start script:
 *
 * <ul>
 *   <li>no component found and the build names a main class → one component running it;
 *   <li>no component found and the project is a WAR → one component running it in Tomcat on port
 *       8080;
 *   <li>a component found without a start script (from sources or a manifest) → its classpath is
 *       the image layout of {@link ImageLayout}, and, if it is the only component, the build's main
 *       class wins over one guessed from sources;
 *   <li>components started by a script the project ships are left as they are.
 * </ul>
 *
 * Everything added carries evidence pointing at the build file line it came from.
 */
public final class MavenProjectDetector {
    public static final String DETECTOR = "maven";

    private MavenProjectDetector() {}

    public static MigrationPlan complete(MigrationPlan analyzed, ProjectDescriptor project) {
        return complete(analyzed, null, project);
    }

    /**
     * As {@link #complete(MigrationPlan, ProjectDescriptor)}; a component made from the build also
     * gets the ports, config files and secrets the analysis found in the project's sources and
     * resources ({@code facts} may be null).
     */
    public static MigrationPlan complete(
            MigrationPlan analyzed, io.kubelift.model.Facts facts, ProjectDescriptor project) {
        ProjectFacts found = ProjectFacts.of(facts, project);
        PlanEvidence evidence = PlanEvidence.of(project);
        List<Component> components = new ArrayList<>();
        Optional<MainClassCandidate> main = project.mainClass();
        if (analyzed.spec().components().isEmpty()) {
            if (project.isWar()) {
                components.add(withFacts(warComponent(project, evidence), found));
            } else if (main.isPresent()) {
                components.add(withFacts(mainComponent(project, main.get(), evidence), found));
            }
        } else {
            boolean single = analyzed.spec().components().size() == 1;
            for (Component c : analyzed.spec().components()) {
                components.add(adapt(c, project, single ? main : Optional.empty(), evidence));
            }
        }
        List<String> detectors = new ArrayList<>(analyzed.spec().source().detectors());
        if (!components.isEmpty() && !detectors.contains(DETECTOR)) {
            detectors.add(DETECTOR);
        }
        Source source =
                new Source(analyzed.spec().source().path(), detectors.stream().sorted().toList());
        return new MigrationPlan(
                analyzed.apiVersion(),
                analyzed.kind(),
                analyzed.metadata(),
                new PlanSpec(source, components));
    }

    /**
     * A plan that names the project and nothing else: the starting point for completion when
     * nothing was analysed.
     */
    public static MigrationPlan empty(
            ProjectDescriptor project, String planName, String sourcePath) {
        String name = Names.dnsLabel(planName != null ? planName : project.artifactId());
        return MigrationPlan.of(name, new PlanSpec(new Source(sourcePath, List.of()), List.of()));
    }

    private static Component withFacts(Component c, ProjectFacts found) {
        List<Port> ports = new ArrayList<>(c.ports());
        for (Port p : found.ports()) {
            if (ports.stream().noneMatch(q -> q.port() == p.port() || q.name().equals(p.name()))) {
                ports.add(p);
            }
        }
        ports.sort(java.util.Comparator.comparingInt(Port::port));
        return c.toBuilder()
                .ports(ports)
                .configFiles(found.configFiles())
                .secrets(found.secrets())
                .build();
    }

    private static Component mainComponent(
            ProjectDescriptor project, MainClassCandidate main, PlanEvidence evidence) {
        Evidence where = evidence.find(main.className(), main.origin());
        return Component.builder(Names.dnsLabel(project.artifactId()))
                .description("main class " + main.className() + " named by " + main.origin())
                .detector(DETECTOR)
                .entrypoint(
                        Entrypoint.mainClass(
                                null,
                                main.className(),
                                ImageLayout.PROJECT_CLASSPATH,
                                List.of(),
                                List.of(),
                                where))
                .runtime(runtime(project, evidence))
                .evidence(where)
                .build();
    }

    private static Component warComponent(ProjectDescriptor project, PlanEvidence evidence) {
        Evidence where = evidence.find("<packaging>", "packaging war");
        return Component.builder(Names.dnsLabel(project.artifactId()))
                .description("web application (WAR) run in Tomcat")
                .detector(DETECTOR)
                .entrypoint(
                        new Entrypoint(
                                null,
                                null,
                                null,
                                ImageLayout.TOMCAT_COMMAND,
                                List.of(),
                                List.of(),
                                List.of(),
                                ImageLayout.TOMCAT_HOME,
                                where))
                .runtime(runtime(project, evidence))
                .ports(
                        List.of(
                                new Port(
                                        "http",
                                        ImageLayout.TOMCAT_PORT,
                                        "TCP",
                                        "http",
                                        null,
                                        where)))
                .evidence(where)
                .build();
    }

    private static Component adapt(
            Component c,
            ProjectDescriptor project,
            Optional<MainClassCandidate> main,
            PlanEvidence evidence) {
        Entrypoint e = c.entrypoint();
        if (e != null && e.script() != null) {
            return c; // started by a script the project ships: its classpath is the app's own
            // layout
        }
        if (e != null && e.mainClass() == null && main.isEmpty()) {
            return c; // a jar or command entrypoint; nothing the build adds
        }
        String mainClass =
                main.map(MainClassCandidate::className).orElse(e == null ? null : e.mainClass());
        if (mainClass == null) {
            return c;
        }
        Evidence where =
                main.map(m -> evidence.find(m.className(), m.origin()))
                        .orElse(e == null ? null : e.evidence());
        Entrypoint adapted =
                new Entrypoint(
                        null,
                        mainClass,
                        null,
                        null,
                        ImageLayout.PROJECT_CLASSPATH,
                        e == null ? List.of() : e.jvmOptions(),
                        e == null ? List.of() : e.args(),
                        null,
                        where);
        Component.Builder b = c.toBuilder().entrypoint(adapted);
        if (c.runtime() == null) {
            b.runtime(runtime(project, evidence));
        }
        return b.build();
    }

    private static RuntimeRequirements runtime(ProjectDescriptor project, PlanEvidence evidence) {
        if (project.javaRelease() == null || project.javaRelease().isBlank()) {
            return null;
        }
        return new RuntimeRequirements(
                project.javaRelease(),
                null,
                null,
                evidence.find(project.javaRelease(), "java release"));
    }

    /** Points at the build file line that mentions a value, or at the whole build file. */
    record PlanEvidence(String file, List<String> lines) {
        static PlanEvidence of(ProjectDescriptor project) {
            Path pom = project.descriptorFile();
            if (pom == null) {
                return new PlanEvidence("pom.xml", List.of());
            }
            String rel =
                    pom.isAbsolute() && pom.startsWith(project.baseDir().toAbsolutePath())
                            ? project.baseDir()
                                    .toAbsolutePath()
                                    .relativize(pom)
                                    .toString()
                                    .replace('\\', '/')
                            : pom.getFileName().toString();
            try {
                return new PlanEvidence(
                        rel, Files.exists(pom) ? Files.readAllLines(pom) : List.of());
            } catch (IOException | java.io.UncheckedIOException e) {
                return new PlanEvidence(rel, List.of());
            }
        }

        Evidence find(String needle, String fallbackText) {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(needle)) {
                    return Evidence.of(file, i + 1, lines.get(i));
                }
            }
            return Evidence.of(file, 0, fallbackText);
        }
    }
}
