package io.kubelift.maven;

import io.kubelift.model.MainClassCandidate;
import io.kubelift.model.ProjectDescriptor;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Translates Maven's project model into kubelift's {@link ProjectDescriptor}: reads values out of
 * the effective POM (plugin configuration, properties, resolved dependencies); decides nothing
 * about them.
 */
final class MavenProjectDescriptors {
    /**
     * Where builds name a main class, in the order they win: plugin key → path below {@code
     * <configuration>}.
     */
    private static final List<String[]> MAIN_CLASS_PLUGINS =
            List.of(
                    new String[] {"org.springframework.boot:spring-boot-maven-plugin", "mainClass"},
                    new String[] {"com.google.cloud.tools:jib-maven-plugin", "container/mainClass"},
                    new String[] {
                        "org.apache.maven.plugins:maven-jar-plugin", "archive/manifest/mainClass"
                    },
                    new String[] {
                        "org.apache.maven.plugins:maven-shade-plugin",
                        "transformers/transformer/mainClass"
                    },
                    new String[] {
                        "org.apache.maven.plugins:maven-assembly-plugin",
                        "archive/manifest/mainClass"
                    },
                    new String[] {"org.codehaus.mojo:exec-maven-plugin", "mainClass"});

    /** Properties that conventionally name the main class. */
    private static final List<String> MAIN_CLASS_PROPERTIES =
            List.of("start-class", "exec.mainClass", "main.class", "mainClass");

    private static final Set<String> RUNTIME_SCOPES =
            Set.of(Artifact.SCOPE_COMPILE, Artifact.SCOPE_RUNTIME, Artifact.SCOPE_SYSTEM);

    private MavenProjectDescriptors() {}

    static ProjectDescriptor from(MavenProject project) {
        return new ProjectDescriptor(
                project.getBasedir().toPath(),
                project.getFile() == null ? null : project.getFile().toPath(),
                project.getGroupId(),
                project.getArtifactId(),
                project.getVersion(),
                project.getPackaging(),
                mainClasses(project),
                runtimeClasspath(project),
                project.getBuild() == null || project.getBuild().getOutputDirectory() == null
                        ? null
                        : Path.of(project.getBuild().getOutputDirectory()),
                webappDir(project),
                javaRelease(project));
    }

    static List<MainClassCandidate> mainClasses(MavenProject project) {
        List<MainClassCandidate> found = new ArrayList<>();
        for (String[] where : MAIN_CLASS_PLUGINS) {
            Plugin plugin = project.getPlugin(where[0]);
            if (plugin == null) {
                continue;
            }
            String element =
                    where[0].substring(where[0].indexOf(':') + 1) + "/configuration/" + where[1];
            add(found, value(plugin.getConfiguration(), where[1]), element);
            for (PluginExecution execution : plugin.getExecutions()) {
                add(
                        found,
                        value(execution.getConfiguration(), where[1]),
                        element + " (execution " + execution.getId() + ")");
            }
        }
        Properties props = project.getProperties();
        for (String key : MAIN_CLASS_PROPERTIES) {
            add(found, props.getProperty(key), "<properties><" + key + ">");
        }
        return found;
    }

    private static void add(List<MainClassCandidate> found, String className, String origin) {
        if (className == null || className.isBlank() || className.contains("${")) {
            return;
        }
        if (found.stream().noneMatch(c -> c.className().equals(className.strip()))) {
            found.add(new MainClassCandidate(className, origin));
        }
    }

    /**
     * The text of the first element along {@code path} ({@code a/b/c}), searching every child of
     * that name.
     */
    static String value(Object configuration, String path) {
        if (!(configuration instanceof Xpp3Dom dom)) {
            return null;
        }
        return find(dom, path.split("/"), 0);
    }

    private static String find(Xpp3Dom dom, String[] path, int i) {
        if (i == path.length) {
            return dom.getValue();
        }
        for (Xpp3Dom child : dom.getChildren(path[i])) {
            String v = find(child, path, i + 1);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    static List<Path> runtimeClasspath(MavenProject project) {
        List<Path> jars = new ArrayList<>();
        for (Artifact a : project.getArtifacts()) {
            File f = a.getFile();
            if (f != null
                    && RUNTIME_SCOPES.contains(a.getScope())
                    && a.getArtifactHandler().isAddedToClasspath()) {
                jars.add(f.toPath());
            }
        }
        return jars;
    }

    static Path webappDir(MavenProject project) {
        if (!"war".equals(project.getPackaging())) {
            return null;
        }
        Plugin war = project.getPlugin("org.apache.maven.plugins:maven-war-plugin");
        String configured =
                war == null ? null : value(war.getConfiguration(), "warSourceDirectory");
        Path dir =
                configured == null || configured.contains("${")
                        ? Path.of("src", "main", "webapp")
                        : Path.of(configured);
        return dir.isAbsolute() ? dir : project.getBasedir().toPath().resolve(dir);
    }

    static String javaRelease(MavenProject project) {
        Plugin compiler = project.getPlugin("org.apache.maven.plugins:maven-compiler-plugin");
        Properties props = project.getProperties();
        for (String candidate :
                new String[] {
                    compiler == null ? null : value(compiler.getConfiguration(), "release"),
                    props.getProperty("maven.compiler.release"),
                    compiler == null ? null : value(compiler.getConfiguration(), "target"),
                    props.getProperty("maven.compiler.target"),
                    props.getProperty("java.version")
                }) {
            if (candidate != null && !candidate.isBlank() && !candidate.contains("${")) {
                String v = candidate.strip();
                return v.startsWith("1.") ? v.substring(2) : v;
            }
        }
        return null;
    }
}
