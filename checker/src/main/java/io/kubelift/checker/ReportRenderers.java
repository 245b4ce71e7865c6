package io.kubelift.checker;

import java.util.List;

/** PLACEHOLDER: API contract only; replaced by the checker branch. */
public final class ReportRenderers {
    public static ReportRenderer forFormat(String format) { throw new UnsupportedOperationException("placeholder until the checker branch lands"); }
    public static List<String> formats() { return List.of("text", "json", "sarif", "html"); }
}
