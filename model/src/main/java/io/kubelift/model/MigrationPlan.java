package io.kubelift.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import java.util.Optional;

/**
 * The single contract between kubelift's stages: what the analyzer inferred and the generator and
 * checker read. A Kubernetes-style document ({@code apiVersion: kubelift.io/v1alpha1}, {@code kind:
 * MigrationPlan}) that users may edit between {@code analyze} and {@code generate}.
 */
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec"})
public record MigrationPlan(
        String apiVersion,
        String kind,
        @JsonProperty(required = true) PlanMetadata metadata,
        @JsonProperty(required = true) PlanSpec spec) {
    public static final String API_VERSION = "kubelift.io/v1alpha1";
    public static final String KIND = "MigrationPlan";

    public MigrationPlan {
        apiVersion = apiVersion == null ? API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
        if (!API_VERSION.equals(apiVersion)) {
            throw new InvalidFieldException(
                    "apiVersion", "apiVersion must be " + API_VERSION + ", not " + apiVersion);
        }
        if (!KIND.equals(kind)) {
            throw new InvalidFieldException("kind", "kind must be " + KIND + ", not " + kind);
        }
        Objects.requireNonNull(metadata, "metadata is required");
        Objects.requireNonNull(spec, "spec is required");
    }

    public static MigrationPlan of(String name, PlanSpec spec) {
        return new MigrationPlan(API_VERSION, KIND, new PlanMetadata(name), spec);
    }

    public Optional<Component> component(String name) {
        return spec.components().stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
