package io.kubelift.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * A secret's value. It prints, logs and serialises as {@value #MASK} everywhere; only {@link
 * #reveal()} gives the text, and only the writers of Kubernetes Secret inputs ({@code
 * secrets/*.env}) call it. Masking is a property of this type, not a convention callers must
 * remember.
 */
public final class SecretValue {
    public static final String MASK = "****";
    private final String value;

    private SecretValue(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static SecretValue of(String value) {
        return new SecretValue(value);
    }

    /** The plain text. Call it only where a secret is written for Kubernetes, never for display. */
    public String reveal() {
        return value;
    }

    /** The value as base64, the form it takes in a Kubernetes Secret; used by leak scanners. */
    public String revealBase64() {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    /** Replaces every occurrence of this value in {@code text} by the mask. */
    public String maskIn(String text) {
        if (text == null || value.isEmpty()) {
            return text;
        }
        return text.replace(value, MASK);
    }

    @JsonValue
    @Override
    public String toString() {
        return MASK;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretValue other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
