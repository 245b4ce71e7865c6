package io.kubelift.checker.checks.app;

import io.kubelift.checker.FactCheck;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Severity;

/** A logging appender writes to a file instead of standard output */
public final class FileAppenderCheck extends FactCheck {
    public FileAppenderCheck() {
        super("TF11-LOG-FILE-APPENDER", Severity.WARNING, true, FactKind.FILE_APPENDER,
                "A logging appender writes to a file instead of standard output",
                "Factor XI: an app should write its event stream to stdout and let the platform route it. Log files inside a container fill its writable layer, vanish with the pod and are invisible to kubectl logs and the cluster's log collector.",
                "Replace the file appender by a console appender writing to stdout (log4j ConsoleAppender, logback ConsoleAppender, JUL ConsoleHandler); kubelift generate points the root logger at the console.");
    }

    @Override
    protected String message(Fact f) {
        return "appender " + subject(f) + (f.attr("framework") == null ? "" : " (" + f.attr("framework") + ")") + " writes to the file " + (f.attr("path") == null ? "named in its config" : f.attr("path")) + " instead of stdout";
    }
}
