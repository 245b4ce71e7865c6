package io.kubelift.checker;

/**
 * Turns a report into one output format. Output is deterministic: the same report renders to the
 * same text.
 */
public interface ReportRenderer {
    String render(Report report);
}
