package io.kubelift.analyzer.parse;

import io.kubelift.model.Evidence;
import io.kubelift.model.SecretValue;

/**
 * A secret found in a file: key, kind, where, and the value as a {@link SecretValue} (never plain
 * text).
 */
public record SecretHit(
        String key, String file, String kind, SecretValue value, Evidence evidence) {}
