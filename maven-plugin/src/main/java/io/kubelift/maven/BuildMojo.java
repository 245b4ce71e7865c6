package io.kubelift.maven;

import io.kubelift.core.Kubelift;
import io.kubelift.core.ProjectBuild;
import io.kubelift.image.ImageOptions;
import io.kubelift.image.ProjectImage;
import io.kubelift.model.ProjectDescriptor;
import java.io.File;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code kubelift:build}, as {@code jib:build}: builds the project's image and pushes it to a
 * registry as {@code <image>} ({@code -Dimage=registry.example.com/app:1.0}); {@code
 * kubelift:dockerBuild} loads it into the local Docker daemon and {@code kubelift:buildTar} writes
 * tarballs instead (as {@code jib:dockerBuild} and {@code jib:buildTar}). Builds the project's
 * image with Jib from its own output, no Dockerfile and no daemon: the runtime dependencies,
 * snapshot dependencies, resources and classes are separate layers. Then writes plan.yaml, k8s/ and
 * scripts/ with the workloads referencing the image by digest.
 */
@Mojo(
        name = "build",
        defaultPhase = LifecyclePhase.PACKAGE,
        requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class BuildMojo extends AbstractKubeliftMojo {
    /**
     * {@code kubelift:build} only: an explicit target instead of pushing {@code <image>} to its
     * registry: {@code tar:DIR} (one {@code <component>.tar} per component), {@code registry:REF}
     * or {@code docker:REF}.
     */
    @Parameter(property = "kubelift.to")
    protected String to;

    /**
     * The image reference ({@code [registry/]repository[:tag]}), {@code -Dimage=…} as with Jib:
     * where {@code build} pushes, the name {@code dockerBuild} loads into the daemon and {@code
     * buildTar} writes into the tarball.
     */
    @Parameter(property = "image", defaultValue = "${project.artifactId}:${project.version}")
    protected String image;

    /**
     * {@code kubelift:buildTar}: where the tarballs go (one {@code <component>.tar} per component).
     */
    @Parameter(
            property = "kubelift.tarDirectory",
            defaultValue = "${project.build.directory}/kubelift/images")
    protected File tarDirectory;

    /**
     * Skips the image goals (build, dockerBuild, buildTar) only; {@code kubelift.skip} skips every
     * goal.
     */
    @Parameter(property = "kubelift.skip.build", defaultValue = "false")
    protected boolean skipBuild;

    /**
     * The base image: {@code scratch}, {@code registry:REF} (or a bare REF), {@code docker:REF} or
     * {@code tar:FILE}. Default: {@code eclipse-temurin:<release>-jre}, or {@code
     * tomcat:10.1-jre<release>} for a WAR.
     */
    @Parameter(property = "kubelift.base")
    protected String base;

    /**
     * Jib's cache of application layers (and of base layers when {@code baseCacheDirectory} is
     * empty).
     */
    @Parameter(
            property = "kubelift.cacheDirectory",
            defaultValue = "${project.build.directory}/kubelift-cache")
    protected File cacheDirectory;

    /**
     * Jib's cache of base image layers, shared by every project and kept across {@code mvn clean}
     * (as jib-maven-plugin's {@code ~/.cache/google-cloud-tools-java/jib}); the same place {@code
     * kubelift build} uses.
     */
    @Parameter(
            property = "kubelift.baseCacheDirectory",
            defaultValue = "${user.home}/.cache/kubelift/jib/base")
    protected File baseCacheDirectory;

    /** Allow plain-HTTP registries (e.g. {@code localhost:5000}). */
    @Parameter(property = "kubelift.insecureRegistry", defaultValue = "false")
    protected boolean insecureRegistry;

    /** Never contact a registry for the base image (Maven's own {@code -o} turns this on). */
    @Parameter(property = "kubelift.offline", defaultValue = "${settings.offline}")
    protected boolean offline;

    @Override
    String goal() {
        return "build";
    }

    @Override
    boolean goalSkipped() {
        return skipBuild;
    }

    @Override
    String skipProperty() {
        return "kubelift.skip.build";
    }

    /** Where this goal sends the image: {@code to}, or the registry named by {@code image}. */
    String target() throws MojoFailureException {
        return to != null && !to.isBlank() ? to : "registry:" + image;
    }

    @Override
    String relatedParameters() {
        return "<image> (-Dimage), <to> (-Dkubelift.to), <base> (-Dkubelift.base), <insecureRegistry> (-Dkubelift.insecureRegistry)";
    }

    @Override
    void run(Kubelift kubelift, ProjectDescriptor descriptor) throws MojoFailureException {
        String to = target();
        if (!to.matches("(tar|registry|docker):.+")) {
            throw Failures.badParameter(
                    project,
                    "to",
                    to,
                    "not an image target",
                    "use tar:DIR, registry:REF or docker:REF");
        }
        String name = to.startsWith("tar:") ? image : to.substring(to.indexOf(':') + 1);
        ImageOptions options =
                ImageOptions.to(to)
                        .withImage(name)
                        .withBase(base)
                        .withCacheDir(cacheDirectory.toPath())
                        .withInsecureRegistry(insecureRegistry)
                        .withOffline(offline)
                        .withBaseCacheDir(
                                baseCacheDirectory == null ? null : baseCacheDirectory.toPath());
        ProjectBuild result = kubelift.build(descriptor, userPlan(), planName, out(), options);
        if (!result.plan().runnable()) {
            notRunnable();
            return;
        }
        for (ProjectImage i : result.images()) {
            getLog().info(
                            "image "
                                    + i.component()
                                    + ": "
                                    + i.reference()
                                    + (i.tarFile() == null ? "" : " → " + i.tarFile())
                                    + " (layers "
                                    + String.join(", ", i.layers())
                                    + ")");
        }
        getLog().info(
                        "manifests referencing the image(s) → "
                                + result.outDir().resolve("k8s")
                                + (result.written()
                                        ? ""
                                        : " (up to date: same project inputs, same image digests)"));
    }
}
