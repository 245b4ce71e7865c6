package io.kubelift.checker.checks.app;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.CheckContext;
import io.kubelift.checker.FactCheck;
import io.kubelift.checker.GeneratedOutput;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Severity;

/** A logging appender writes to a file instead of standard output */
final class FileAppenderCheck extends FactCheck {
    FileAppenderCheck() {
        super(
                check("TF11-LOG-FILE-APPENDER")
                        .severity(Severity.WARNING)
                        .fixedByGenerate()
                        .summary("A logging appender writes to a file instead of standard output")
                        .rationale(
                                "Factor XI: an app should write its event stream to stdout and let the platform route it. Log files inside a container fill its writable layer, vanish with the pod and are invisible to kubectl logs and the cluster's log collector.")
                        .remediation(
                                "Replace the file appender by a console appender writing to stdout (log4j ConsoleAppender, logback ConsoleAppender, JUL ConsoleHandler); kubelift generate points the root logger at the console."),
                FactKind.FILE_APPENDER);
    }

    @Override
    protected String message(Fact f) {
        return "appender "
                + subject(f)
                + (f.attr("framework") == null ? "" : " (" + f.attr("framework") + ")")
                + " writes to the file "
                + (f.attr("path") == null ? "named in its config" : f.attr("path"))
                + " instead of stdout";
    }

    /**
     * Fixed when the appender is no longer attached: its config file is replaced by a generated
     * copy (or it is configured on a command line kubelift rewrote) and neither that copy nor any
     * generated command names the appender outside its own definition. A file nothing replaces
     * keeps the appender as it was.
     */
    @Override
    protected boolean survives(Fact f, GeneratedOutput out, CheckContext context) {
        String name = subject(f);
        String file = f.evidence() == null ? null : f.evidence().file();
        if (file == null || "?".equals(name)) {
            return true;
        }
        java.util.Optional<String> copy = out.replacementOf(file);
        if (copy.isEmpty() && !isScript(file)) {
            return true;
        }
        if (copy.isPresent() && attached(copy.get(), name)) {
            return true;
        }
        return out.holds("," + name) || out.holds(", " + name) || isScript(file) && out.runs(file);
    }

    /**
     * The appender's name appears outside its definition lines (a logger list, an appender-ref).
     */
    static boolean attached(String text, String name) {
        java.util.regex.Pattern def =
                java.util.regex.Pattern.compile(
                        "^\\s*(log4j2?\\.)?appenders?\\.\\Q"
                                + name
                                + "\\E([.=:\\s]|$)|<appender\\s+name=\"\\Q"
                                + name
                                + "\\E\"");
        java.util.regex.Pattern use =
                java.util.regex.Pattern.compile(
                        "(?<![A-Za-z0-9_.])\\Q" + name + "\\E(?![A-Za-z0-9_])");
        for (String line : GeneratedOutput.stripComments(text).split("\n")) {
            if (!def.matcher(line).find() && use.matcher(line).find()) {
                return true;
            }
        }
        return false;
    }
}
