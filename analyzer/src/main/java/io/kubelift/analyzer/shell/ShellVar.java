package io.kubelift.analyzer.shell;

import java.util.List;

/**
 * A shell variable's value, the assignment that set it (file, line, text), the variables its value
 * was built from, and whether the value is unknown to the analysis (built from positional
 * parameters or command output): tests on an unknown value are not decided. {@code traced} is the
 * value with an {@link Expander#MARK} wherever a part of it was unresolved (an unset variable, a
 * missing argument, command output), so later words built from it can tell which of their parts the
 * analysis really knows.
 */
public record ShellVar(
        String value,
        String file,
        int line,
        String text,
        List<ShellVar> sources,
        boolean unknown,
        String traced) {
    public ShellVar {
        sources = sources == null ? List.of() : List.copyOf(sources);
        traced = traced == null ? value : traced;
    }

    public ShellVar(
            String value,
            String file,
            int line,
            String text,
            List<ShellVar> sources,
            boolean unknown) {
        this(value, file, line, text, sources, unknown, null);
    }

    public ShellVar(String value, String file, int line, String text, List<ShellVar> sources) {
        this(value, file, line, text, sources, false, null);
    }
}
