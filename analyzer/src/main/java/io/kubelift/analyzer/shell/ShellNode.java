package io.kubelift.analyzer.shell;

import java.util.List;

/** The block structure of a script: simple commands, case statements with branches, and bodies of if/loops/functions. */
public sealed interface ShellNode {
    record Simple(String text, int line) implements ShellNode {
    }

    record Case(String subject, int line, List<Branch> branches) implements ShellNode {
    }

    record Branch(List<String> patterns, int line, List<ShellNode> body) {
    }

    /** An if/elif/else or loop body: run once, as a conditional block. */
    record Conditional(List<ShellNode> body) implements ShellNode {
    }

    record Function(String name, List<ShellNode> body) implements ShellNode {
    }
}
