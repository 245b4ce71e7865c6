package io.kubelift.generator.run;

import java.util.List;

/** PLACEHOLDER: API contract only; replaced by the images branch. */
public record RunResult(List<String> pods) {}
