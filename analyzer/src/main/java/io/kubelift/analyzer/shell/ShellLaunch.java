package io.kubelift.analyzer.shell;

/**
 * A {@code java} launch found by interpreting a script: where (script, line, text), the parsed command, the role
 * (the case branch that chose the main class, e.g. {@code resourcemanager}), whether it was backgrounded, the
 * script that started the chain (for delegating launchers), and the assignment a fixed heap came from.
 */
public record ShellLaunch(String script, int line, String text, JavaCommand command, String role, boolean background,
        String entryScript, ShellVar heapSource) {
}
