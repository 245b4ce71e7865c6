package io.kubelift.analyzer.shell;

/**
 * One logical command line of a script (continuations joined, comment stripped) and the line it
 * starts on.
 */
public record ShellLine(String text, int line) {}
