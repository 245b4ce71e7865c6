package io.kubelift.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * How the legacy app starts the process: the script it was launched from (relative to the app root)
 * and the JVM command line that script ends in. Either {@code mainClass} or {@code jar} is set for
 * a JVM process; {@code command} is used for anything else (e.g. a non-JVM binary).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({
    "script",
    "mainClass",
    "jar",
    "command",
    "classpath",
    "jvmOptions",
    "args",
    "workingDir",
    "evidence"
})
public record Entrypoint(
        String script,
        String mainClass,
        String jar,
        List<String> command,
        List<String> classpath,
        List<String> jvmOptions,
        List<String> args,
        String workingDir,
        Evidence evidence) {

    public Entrypoint {
        command = Lists.copy(command);
        classpath = Lists.copy(classpath);
        jvmOptions = Lists.copy(jvmOptions);
        args = Lists.copy(args);
        if (script != null && !isInsideApp(script)) {
            throw new IllegalArgumentException(
                    "entrypoint.script '"
                            + script
                            + "' must be a path inside the app (relative, "
                            + "no '..')");
        }
        if ((mainClass == null || mainClass.isBlank())
                && (jar == null || jar.isBlank())
                && command.isEmpty()) {
            throw new IllegalArgumentException("entrypoint needs a mainClass, a jar or a command");
        }
    }

    /**
     * A relative path with no {@code ..} part: one that names a file of the app, never one outside
     * it.
     */
    static boolean isInsideApp(String path) {
        String p = path.replace('\\', '/');
        if (p.isBlank() || p.startsWith("/") || p.matches("^[A-Za-z]:.*")) {
            return false;
        }
        for (String part : p.split("/")) {
            if (part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    public static Entrypoint mainClass(
            String script,
            String mainClass,
            List<String> classpath,
            List<String> jvmOptions,
            List<String> args,
            Evidence evidence) {
        return new Entrypoint(
                script, mainClass, null, null, classpath, jvmOptions, args, null, evidence);
    }
}
