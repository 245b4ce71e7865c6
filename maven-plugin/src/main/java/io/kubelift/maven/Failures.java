package io.kubelift.maven;

import io.kubelift.model.KubeliftException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;

/**
 * Turns kubelift's errors into Maven's: a problem the user can fix ({@code BAD_INPUT}, {@code
 * USAGE}) is a {@link MojoFailureException} whose message keeps kubelift's {@code file:line:
 * problem — hint} and names the POM elements that configure the goal; a kubelift bug ({@code
 * INTERNAL}) is a {@link MojoExecutionException}.
 */
final class Failures {
    private Failures() {}

    static Exception of(
            String goal, MavenProject project, KubeliftException e, String relatedParameters) {
        String message =
                "kubelift:"
                        + goal
                        + " failed for "
                        + project.getArtifactId()
                        + ": "
                        + e.getMessage()
                        + System.lineSeparator()
                        + "  (configure the goal in "
                        + pom(project)
                        + " under <plugin><artifactId>kubelift-maven-plugin</artifactId><configuration>: "
                        + relatedParameters
                        + ")";
        if (e.kind() == KubeliftException.Kind.INTERNAL) {
            return new MojoExecutionException(
                    message
                            + System.lineSeparator()
                            + "  this is a kubelift bug; run with -e for the stack trace and report it",
                    e);
        }
        return new MojoFailureException(message, e);
    }

    /** A wrong parameter value, named as the POM element and the property that set it. */
    static MojoFailureException badParameter(
            MavenProject project, String element, String value, String problem, String hint) {
        return new MojoFailureException(
                pom(project)
                        + ": <"
                        + element
                        + ">"
                        + value
                        + "</"
                        + element
                        + "> (-Dkubelift."
                        + element
                        + "): "
                        + problem
                        + " — "
                        + hint);
    }

    static String pom(MavenProject project) {
        return project.getFile() == null ? "pom.xml" : project.getFile().getPath();
    }
}
