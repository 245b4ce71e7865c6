package io.kubelift.analyzer;

import io.kubelift.model.AppFiles;
import io.kubelift.model.SecretRef;
import io.kubelift.model.SecretSource;
import io.kubelift.model.SecretValue;
import java.util.Optional;

/** PLACEHOLDER: API contract only; replaced by the analyzer branch. */
public final class AppSecrets implements SecretSource {
    public static AppSecrets of(AppFiles files) { return new AppSecrets(); }
    @Override public Optional<SecretValue> valueOf(SecretRef ref) { throw new UnsupportedOperationException("placeholder until the analyzer branch lands"); }
}
