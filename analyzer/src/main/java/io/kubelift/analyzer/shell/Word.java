package io.kubelift.analyzer.shell;

/** A shell word after expansion: its text, and whether it came from a quoted or literal source (not split further). */
public record Word(String text, String raw) {
}
