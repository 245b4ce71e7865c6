package io.kubelift.checker;

/** PLACEHOLDER: API contract only; replaced by the checker branch. */
public interface ReportRenderer {
    String render(Report report);
}
