package io.kubelift.analyzer.shell;

import java.util.List;

/**
 * A shell variable's value, the assignment that set it (file, line, text), the variables its value was built from, and
 * whether the value is unknown to the analysis (built from positional parameters or command output): tests on an
 * unknown value are not decided.
 */
public record ShellVar(String value, String file, int line, String text, List<ShellVar> sources, boolean unknown) {
    public ShellVar {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    public ShellVar(String value, String file, int line, String text, List<ShellVar> sources) {
        this(value, file, line, text, sources, false);
    }
}
