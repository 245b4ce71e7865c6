package io.kubelift.analyzer.parse;

import io.kubelift.model.Evidence;
import io.kubelift.model.SecretValue;

/**
 * A secret found in a file: key, kind, where, and the value as a {@link SecretValue} (never plain
 * text). {@code commented}: the setting is written in a comment ({@code #db-password=x}).
 */
public record SecretHit(
        String key,
        String file,
        String kind,
        SecretValue value,
        Evidence evidence,
        boolean commented) {
    /** A secret of a live setting. */
    public SecretHit(String key, String file, String kind, SecretValue value, Evidence evidence) {
        this(key, file, kind, value, evidence, false);
    }
}
