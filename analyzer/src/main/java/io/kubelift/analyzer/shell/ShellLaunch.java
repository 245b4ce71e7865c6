package io.kubelift.analyzer.shell;

import java.util.List;

/**
 * A {@code java} launch found by interpreting a script: where (script, line, text), the parsed
 * command, the role (the case branch that chose the main class, e.g. {@code resourcemanager}),
 * whether it was backgrounded, the script that started the chain (for delegating launchers), the
 * assignment a fixed heap came from, and every script the path ran through (entry, sourced
 * env/config scripts, called launchers) — what the process reads besides its config files.
 */
public record ShellLaunch(
        String script,
        int line,
        String text,
        JavaCommand command,
        String role,
        boolean background,
        String entryScript,
        ShellVar heapSource,
        List<String> sources) {
    public ShellLaunch {
        sources = sources == null ? List.of() : List.copyOf(new java.util.TreeSet<>(sources));
    }

    public ShellLaunch withBackground(boolean b) {
        return new ShellLaunch(
                script, line, text, command, role, b, entryScript, heapSource, sources);
    }
}
