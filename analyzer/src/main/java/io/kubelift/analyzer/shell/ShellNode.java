package io.kubelift.analyzer.shell;

import java.util.List;

/**
 * The block structure of a script: simple commands, case statements with branches, and bodies of
 * if/loops/functions.
 */
public sealed interface ShellNode {
    record Simple(String text, int line) implements ShellNode {}

    record Case(String subject, int line, List<Branch> branches) implements ShellNode {}

    record Branch(List<String> patterns, int line, List<ShellNode> body) {}

    /**
     * An if/elif/else, a {@code test && cmd} guard, or a loop body. {@code condition} is the test
     * as written (for {@code ||} guards prefixed with {@code !}), or null when it is not a test the
     * interpreter may evaluate (loops, compound conditions); {@code orElse} is the else/elif part
     * (empty when there is none).
     */
    record Conditional(String condition, List<ShellNode> body, List<ShellNode> orElse)
            implements ShellNode {
        public Conditional {
            body = List.copyOf(body);
            orElse = orElse == null ? List.of() : List.copyOf(orElse);
        }

        public Conditional(List<ShellNode> body) {
            this(null, body, List.of());
        }
    }

    record Function(String name, List<ShellNode> body) implements ShellNode {}
}
