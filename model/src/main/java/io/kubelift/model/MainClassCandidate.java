package io.kubelift.model;

import java.util.Objects;

/**
 * A main class named in the build descriptor, with where it was named (e.g. {@code
 * spring-boot-maven-plugin/configuration/mainClass}), so the plan can point back to it.
 */
public record MainClassCandidate(String className, String origin) {
    public MainClassCandidate {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(origin, "origin");
        className = className.strip();
    }
}
