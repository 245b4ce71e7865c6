package io.kubelift.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A build tool's view of one project (a Maven module), as a front end hands it to kubelift: where
 * it lives, what it packages, which main classes its build configuration names (most specific
 * first), and what it runs with. The paths need not exist yet (e.g. before {@code compile});
 * nothing here is read from the file system.
 *
 * @param baseDir the project directory, analysed as the app
 * @param descriptorFile the build file ({@code pom.xml}), used as evidence for what came from it
 * @param packaging {@code jar}, {@code war}, {@code pom}, … as the build tool says
 * @param mainClasses main classes named by the build (plugins, properties), in the order they
 *     should win
 * @param runtimeClasspath the dependency jars the app runs with, in classpath order (not the
 *     project's own output)
 * @param classesDir compiled classes and processed resources ({@code target/classes})
 * @param webappDir a WAR's web resources ({@code src/main/webapp}), or null
 * @param javaRelease the Java feature release the project compiles for ({@code "17"}), or null when
 *     unknown
 */
public record ProjectDescriptor(
        Path baseDir,
        Path descriptorFile,
        String groupId,
        String artifactId,
        String version,
        String packaging,
        List<MainClassCandidate> mainClasses,
        List<Path> runtimeClasspath,
        Path classesDir,
        Path webappDir,
        String javaRelease) {

    public ProjectDescriptor {
        Objects.requireNonNull(baseDir, "baseDir");
        Objects.requireNonNull(artifactId, "artifactId");
        packaging = packaging == null ? "jar" : packaging.toLowerCase(Locale.ROOT);
        mainClasses = mainClasses == null ? List.of() : List.copyOf(mainClasses);
        runtimeClasspath = runtimeClasspath == null ? List.of() : List.copyOf(runtimeClasspath);
    }

    /** An aggregator or parent POM: it has modules, not an app of its own. */
    public boolean isAggregator() {
        return packaging.equals("pom");
    }

    /** A web archive, run by a servlet container rather than its own main class. */
    public boolean isWar() {
        return packaging.equals("war");
    }

    /** The first main class the build names, if any. */
    public java.util.Optional<MainClassCandidate> mainClass() {
        return mainClasses.stream().filter(c -> !c.className().isEmpty()).findFirst();
    }
}
