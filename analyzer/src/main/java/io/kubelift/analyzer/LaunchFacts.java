package io.kubelift.analyzer;

import io.kubelift.analyzer.shell.ShellLaunch;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The attributes of a JAVA_LAUNCH fact, and whether a launch is a long-running server or a
 * client/admin tool.
 */
final class LaunchFacts {
    private LaunchFacts() {}

    static Map<String, String> attributes(ShellLaunch l) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("script", l.entryScript());
        if (!l.entryScript().equals(l.script())) {
            a.put("launcher", l.script());
        }
        if (l.command().mainClass() != null) {
            a.put("mainClass", l.command().mainClass());
        }
        if (l.command().jar() != null) {
            a.put("jar", l.command().jar());
        }
        a.put("classpath", String.join(":", l.command().classpath()));
        a.put("jvmOptions", String.join(" ", l.command().jvmOptions()));
        a.put("args", String.join(" ", l.command().args()));
        a.put("daemon", Boolean.toString(l.background()));
        if (l.role() != null) {
            a.put("role", l.role());
        }
        a.put(
                "classification",
                LaunchClassifier.classify(l).name().toLowerCase(java.util.Locale.ROOT));
        if (l.heapSource() != null) {
            a.put("heapFrom", l.heapSource().file() + ":" + l.heapSource().line());
        }
        return a;
    }
}
