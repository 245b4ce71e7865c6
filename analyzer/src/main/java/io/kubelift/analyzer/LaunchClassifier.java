package io.kubelift.analyzer;

import io.kubelift.analyzer.scan.RelPaths;
import io.kubelift.analyzer.shell.ShellLaunch;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Server or client? A launch is a client/admin tool (a Job candidate, never a Deployment) when its
 * main class, role or script names a CLI, shell, admin, tool, console or one-shot command; it is a
 * server when it names a daemon, server, manager, broker, master/worker or runs backgrounded.
 * Unclear launches count as servers only when they were started by a start/run/daemon script.
 */
public final class LaunchClassifier {
    public enum Kind {
        SERVER,
        CLIENT
    }

    private static final Pattern CLIENT =
            Pattern.compile(
                    "(?i).*(cli|client|shell|admin|tool|tools|console|command|runjar|versioninfo|version|dump|"
                            + "format|topics|consumer|producer|perf|bench|migrat|upgrade|cleanup|purge|backup|restore|import|export|digest|keytool|classpath)([^a-z]|$).*");
    private static final Pattern SERVER =
            Pattern.compile(
                    "(?i).*(server|daemon|manager|broker|master|worker|node|service|bootstrap|peer|agent|gateway|proxy|quorum|historyserver|kafka)([^a-z]|$).*");

    private LaunchClassifier() {}

    /**
     * Whether the launch's class, role or script names a client or admin tool (not merely lacks a
     * server word).
     */
    public static boolean namesATool(ShellLaunch l) {
        String main = l.command().mainClass() != null ? l.command().mainClass() : l.command().jar();
        String simple = main == null ? "" : main.substring(main.lastIndexOf('.') + 1);
        String script =
                RelPaths.fileName(l.entryScript())
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("\\.(sh|bash)$", "");
        String role = l.role() == null ? "" : l.role();
        return CLIENT.matcher(simple).matches()
                || CLIENT.matcher(role).matches()
                || CLIENT.matcher(script).matches();
    }

    public static Kind classify(ShellLaunch l) {
        String main = l.command().mainClass() != null ? l.command().mainClass() : l.command().jar();
        String simple = main == null ? "" : main.substring(main.lastIndexOf('.') + 1);
        String script =
                RelPaths.fileName(l.entryScript())
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("\\.(sh|bash)$", "");
        String role = l.role() == null ? "" : l.role();
        if (CLIENT.matcher(simple).matches()
                || CLIENT.matcher(role).matches()
                || role.isEmpty() && CLIENT.matcher(script).matches()) {
            return Kind.CLIENT;
        }
        if (l.background()
                || SERVER.matcher(simple).matches()
                || SERVER.matcher(role).matches()
                || SERVER.matcher(script).matches()
                || script.matches(".*(start|run|daemon|server|service).*")) {
            return Kind.SERVER;
        }
        return Kind.CLIENT;
    }
}
