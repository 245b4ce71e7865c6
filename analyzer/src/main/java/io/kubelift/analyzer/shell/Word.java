package io.kubelift.analyzer.shell;

/**
 * A shell word after expansion: its text, and the same text with an {@link Expander#MARK} wherever
 * a part of it came from text the analysis does not know (an unset variable, a positional parameter
 * that was not passed, command output): see {@link Expander#tracedWords}.
 */
record Word(String text, String traced) {
    public Word {
        traced = traced == null ? text : traced;
    }

    /** A word of known text. */
    public static Word of(String text) {
        return new Word(text, text);
    }

    /** Whether any part of the word was unresolved. */
    public boolean unresolved() {
        return traced.indexOf(Expander.MARK) >= 0;
    }
}
