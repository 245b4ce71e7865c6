package io.kubelift.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the process needs from its image: the Java feature release ({@code "17"}), whether it shells
 * out (then the image needs a shell and coreutils, e.g. Hadoop's NodeManager launching containers
 * with bash), and the non-root uid it runs as.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RuntimeRequirements(String java, Boolean shell, Long user, Evidence evidence) {
    public static final long DEFAULT_USER = 10001L;
}
