package io.kubelift.generator;

import java.util.List;
import java.util.Map;

/** PLACEHOLDER: API contract only; replaced by the generator branch. */
public record GenerateOptions(List<String> environments, Map<String, String> images) {
    public static GenerateOptions defaults() { return new GenerateOptions(List.of("dev", "test", "prod"), Map.of()); }
}
