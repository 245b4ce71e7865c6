package io.kubelift.core;

/** Where the facade reports what it is doing; front ends decide how (or whether) to show it. */
@FunctionalInterface
public interface Progress {
    void step(String message);

    Progress SILENT = message -> {};
}
