package io.kubelift.model;

import java.util.Optional;

/**
 * Looks up the value of a secret the plan names (the plan itself never holds values). The analyzer
 * provides one that re-reads the app's file; the generator uses it only to write {@code
 * secrets/*.env}.
 */
@FunctionalInterface
public interface SecretSource {
    Optional<SecretValue> valueOf(SecretRef ref);

    SecretSource NONE = ref -> Optional.empty();
}
