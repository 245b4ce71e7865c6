package io.kubelift.checker;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An in-file {@code kubelift:ignore ID reason: …} comment that matched a finding. {@code accepted}
 * is false when the comment gives no reason: such a comment suppresses nothing and is itself
 * reported.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"checkId", "file", "line", "reason", "accepted", "suppressedLine"})
public record Suppression(
        String checkId,
        String file,
        int line,
        String reason,
        boolean accepted,
        int suppressedLine) {}
