package com.example.hello;

/** The greeting text; the incremental-rebuild benchmark edits this class. */
final class Greeting {
    private Greeting() {
    }

    static String text(String name) {
        return "hello, " + (name == null ? "world" : name) + "\n";
    }
}
