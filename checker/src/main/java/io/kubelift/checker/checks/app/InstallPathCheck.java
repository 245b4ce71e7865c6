package io.kubelift.checker.checks.app;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.CheckContext;
import io.kubelift.checker.FactCheck;
import io.kubelift.checker.GeneratedOutput;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Severity;

/** A file of the app names the directory the app was installed in by its absolute path. */
final class InstallPathCheck extends FactCheck {
    public InstallPathCheck() {
        super(
                check("TF03-CONFIG-INSTALL-PATH")
                        .severity(Severity.WARNING)
                        .fixedByGenerate()
                        .summary(
                                "Config names the app's own install directory by its absolute path")
                        .rationale(
                                "Factors III and X: an absolute path to where the app was installed on one machine (written by an "
                                        + "installer such as artemis create) points nowhere in a container, where the app lives at another "
                                        + "path; the process then fails to find its own files.")
                        .remediation(
                                "Name the app's files relative to its home or through a variable the start script sets; kubelift "
                                        + "generate moves every mention of spec.source.installedAt to the app home (/opt/app) in the "
                                        + "config files it writes to ConfigMaps."),
                FactKind.INSTALL_PATH);
    }

    @Override
    protected String message(Fact f) {
        String lines = f.attr("lines");
        return "names the install directory "
                + subject(f)
                + (lines == null || lines.equals("1") ? "" : " (" + lines + " lines)");
    }

    /**
     * Fixed when the file is replaced by a generated one (a ConfigMap entry) that no longer holds
     * the path, or when it is a script no generated entrypoint runs; a file the image carries as it
     * was still names it.
     */
    @Override
    protected boolean survives(Fact f, GeneratedOutput out, CheckContext context) {
        return literalSurvives(f, subject(f), out);
    }
}
