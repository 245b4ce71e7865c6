package io.kubelift.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code kubelift:dockerBuild}, as {@code jib:dockerBuild}: builds the image with Jib and loads it
 * into the local Docker daemon as {@code <image>} ({@code -Dimage=…}); no registry. Then the
 * manifests reference it by digest.
 */
@Mojo(
        name = "dockerBuild",
        defaultPhase = LifecyclePhase.PACKAGE,
        requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class DockerBuildMojo extends BuildMojo {
    @Override
    String goal() {
        return "dockerBuild";
    }

    @Override
    String target() throws MojoFailureException {
        if (to != null && !to.isBlank()) {
            throw Failures.badParameter(
                    project,
                    "to",
                    to,
                    "is a kubelift:build parameter",
                    "kubelift:dockerBuild loads <image> (-Dimage) into the Docker daemon; drop <to>");
        }
        return "docker:" + image;
    }
}
