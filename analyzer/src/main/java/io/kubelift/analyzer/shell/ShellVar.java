package io.kubelift.analyzer.shell;

import java.util.List;

/** A shell variable's value, the assignment that set it (file, line, text), and the variables its value was built from. */
public record ShellVar(String value, String file, int line, String text, List<ShellVar> sources) {
    public ShellVar {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
