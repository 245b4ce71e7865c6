package io.kubelift.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kubelift.model.MainClassCandidate;
import io.kubelift.model.ProjectDescriptor;
import java.io.File;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

class MavenProjectDescriptorsTest {
    private static Plugin plugin(String groupId, String artifactId, String configuration)
            throws Exception {
        Plugin p = new Plugin();
        p.setGroupId(groupId);
        p.setArtifactId(artifactId);
        if (configuration != null) {
            p.setConfiguration(
                    Xpp3DomBuilder.build(
                            new StringReader(
                                    "<configuration>" + configuration + "</configuration>")));
        }
        return p;
    }

    private static MavenProject project(String packaging, Plugin... plugins) {
        Model model = new Model();
        model.setGroupId("com.example");
        model.setArtifactId("shop");
        model.setVersion("1.0");
        model.setPackaging(packaging);
        Build build = new Build();
        build.setOutputDirectory("/work/shop/target/classes");
        for (Plugin p : plugins) {
            build.addPlugin(p);
        }
        model.setBuild(build);
        MavenProject project = new MavenProject(model);
        project.setFile(new File("/work/shop/pom.xml"));
        return project;
    }

    @Test
    void mainClassesComeFromThePluginsInTheirOrderOfPrecedence() throws Exception {
        Plugin exec =
                plugin(
                        "org.codehaus.mojo",
                        "exec-maven-plugin",
                        "<mainClass>com.example.DevMain</mainClass>");
        Plugin jar =
                plugin(
                        "org.apache.maven.plugins",
                        "maven-jar-plugin",
                        "<archive><manifest><mainClass>com.example.JarMain</mainClass></manifest></archive>");
        Plugin boot =
                plugin(
                        "org.springframework.boot",
                        "spring-boot-maven-plugin",
                        "<mainClass>com.example.ShopApplication</mainClass>");
        MavenProject project = project("jar", exec, jar, boot);
        project.getProperties().setProperty("start-class", "com.example.ShopApplication");
        assertEquals(
                List.of(
                        new MainClassCandidate(
                                "com.example.ShopApplication",
                                "spring-boot-maven-plugin/configuration/mainClass"),
                        new MainClassCandidate(
                                "com.example.JarMain",
                                "maven-jar-plugin/configuration/archive/manifest/mainClass"),
                        new MainClassCandidate(
                                "com.example.DevMain",
                                "exec-maven-plugin/configuration/mainClass")),
                MavenProjectDescriptors.mainClasses(project));
    }

    @Test
    void executionConfigurationAndPropertiesCountButUninterpolatedValuesDoNot() throws Exception {
        Plugin shade = plugin("org.apache.maven.plugins", "maven-shade-plugin", null);
        PluginExecution execution = new PluginExecution();
        execution.setId("fat");
        execution.setConfiguration(
                Xpp3DomBuilder.build(
                        new StringReader(
                                "<configuration><transformers>"
                                        + "<transformer><resource>META-INF/services</resource></transformer>"
                                        + "<transformer><mainClass>com.example.Cli</mainClass></transformer></transformers></configuration>")));
        shade.addExecution(execution);
        MavenProject project =
                project(
                        "jar",
                        shade,
                        plugin(
                                "org.codehaus.mojo",
                                "exec-maven-plugin",
                                "<mainClass>${main}</mainClass>"));
        project.getProperties().setProperty("exec.mainClass", "com.example.Dev");
        assertEquals(
                List.of(
                        new MainClassCandidate(
                                "com.example.Cli",
                                "maven-shade-plugin/configuration/transformers/transformer/mainClass (execution fat)"),
                        new MainClassCandidate("com.example.Dev", "<properties><exec.mainClass>")),
                MavenProjectDescriptors.mainClasses(project));
    }

    @Test
    void theDescriptorCarriesPathsPackagingAndJavaRelease() throws Exception {
        MavenProject project =
                project(
                        "war",
                        plugin(
                                "org.apache.maven.plugins",
                                "maven-compiler-plugin",
                                "<release>21</release>"));
        project.getProperties().setProperty("maven.compiler.source", "1.8");
        ProjectDescriptor d = MavenProjectDescriptors.from(project);
        assertEquals(Path.of("/work/shop"), d.baseDir());
        assertEquals(Path.of("/work/shop/target/classes"), d.classesDir());
        assertEquals(Path.of("/work/shop/src/main/webapp"), d.webappDir());
        assertEquals("21", d.javaRelease());
        assertEquals("war", d.packaging());
    }

    @Test
    void oldStyleTargetsAreFeatureReleases() {
        MavenProject project = project("jar");
        project.getProperties().setProperty("maven.compiler.target", "1.8");
        assertEquals("8", MavenProjectDescriptors.javaRelease(project));
        assertNull(MavenProjectDescriptors.webappDir(project));
    }
}
