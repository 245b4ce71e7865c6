package io.kubelift.checker.rules;

import io.kubelift.checker.AbstractCheck;
import io.kubelift.checker.CheckContext;
import io.kubelift.checker.CheckSource;
import io.kubelift.checker.SecretText;
import io.kubelift.model.Finding;
import io.kubelift.model.Severity;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A check declared in a rule file: one finding per place its condition matches in the app's files.
 */
final class RuleCheck extends AbstractCheck {
    private final Condition when;
    private final String message;

    RuleCheck(
            String id,
            Severity severity,
            String summary,
            String message,
            String remediation,
            Condition when) {
        super(id, severity, CheckSource.APP, false, summary, message, remediation);
        this.when = when;
        this.message = message;
    }

    @Override
    public List<Finding> run(CheckContext context) {
        if (context.app() == null) {
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        return when.matches(context.app(), JavaIndex.of(context.app())).stream()
                .filter(m -> seen.add(m.file() + ":" + m.line()))
                .map(m -> finding(m.file(), m.line(), message, SecretText.maskLine(m.text())))
                .toList();
    }
}
