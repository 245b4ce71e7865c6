package io.kubelift.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code kubelift:buildTar}, as {@code jib:buildTar}: builds the image with Jib into docker-archive
 * tarballs under {@code <tarDirectory>} (default {@code target/kubelift/images}), named {@code
 * <image>} inside; no daemon, no registry. Then the manifests reference it by digest.
 */
@Mojo(
        name = "buildTar",
        defaultPhase = LifecyclePhase.PACKAGE,
        requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class BuildTarMojo extends BuildMojo {
    @Override
    String goal() {
        return "buildTar";
    }

    @Override
    String target() throws MojoFailureException {
        if (to != null && !to.isBlank()) {
            throw Failures.badParameter(
                    project,
                    "to",
                    to,
                    "is a kubelift:build parameter",
                    "kubelift:buildTar writes to <tarDirectory> (-Dkubelift.tarDirectory); drop <to>");
        }
        return "tar:" + tarDirectory.getAbsolutePath();
    }
}
