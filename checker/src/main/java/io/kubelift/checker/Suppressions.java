package io.kubelift.checker;

import io.kubelift.model.Finding;
import io.kubelift.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies in-file suppression comments. A comment on the flagged line or the line above, in any
 * comment syntax ({@code #}, {@code //}, {@code <!-- -->}, {@code /* *}{@code /}), of the form
 * {@code kubelift:ignore ID[,ID…] reason: why} suppresses those checks' findings at that line.
 */
final class Suppressions {
    /** The id used for a suppression comment that gives no reason. */
    public static final String NO_REASON = "suppression-without-reason";

    private static final Pattern COMMENT =
            Pattern.compile(
                    "kubelift:ignore\\s+([A-Za-z0-9-]+(?:\\s*,\\s*[A-Za-z0-9-]+)*)(?:\\s+reason:\\s*(.*?))?\\s*(?:-->|\\*/)?\\s*$");

    private Suppressions() {}

    /** The outcome of applying suppressions: the findings kept and the suppressions used. */
    public record Result(List<Finding> findings, List<Suppression> suppressions) {}

    /**
     * Splits {@code findings} into kept and suppressed; {@code textOf} gives a file's text (or null
     * when it cannot be read). A reason-less comment keeps the finding and adds a warning finding
     * at the comment's line.
     */
    public static Result apply(List<Finding> findings, Function<String, String> textOf) {
        java.util.Map<String, String[]> lines = new java.util.HashMap<>();
        List<Finding> kept = new ArrayList<>();
        List<Suppression> used = new ArrayList<>();
        java.util.Set<String> reportedNoReason = new java.util.HashSet<>();
        for (Finding f : findings) {
            String[] text =
                    f.file() == null
                            ? null
                            : lines.computeIfAbsent(
                                    f.file(),
                                    file -> {
                                        String t = textOf.apply(file);
                                        return t == null ? new String[0] : t.split("\r?\n", -1);
                                    });
            Optional<Suppression> s = text == null ? Optional.empty() : find(text, f);
            if (s.isEmpty()) {
                kept.add(f);
                continue;
            }
            used.add(s.get());
            if (s.get().accepted()) {
                continue;
            }
            kept.add(f);
            if (reportedNoReason.add(f.file() + ":" + s.get().line())) {
                kept.add(
                        new Finding(
                                NO_REASON,
                                f.factor(),
                                Severity.WARNING,
                                f.file(),
                                s.get().line(),
                                "suppression of "
                                        + s.get().checkId()
                                        + " gives no reason, so it suppresses nothing",
                                "add 'reason: why this is acceptable' after the check id",
                                false,
                                null));
            }
        }
        return new Result(kept, used);
    }

    private static Optional<Suppression> find(String[] lines, Finding f) {
        int line = Math.max(1, f.line());
        for (int l = line; l >= Math.max(1, line - 1); l--) {
            if (l > lines.length) {
                continue;
            }
            Matcher m = COMMENT.matcher(lines[l - 1]);
            if (!m.find()) {
                continue;
            }
            for (String id : m.group(1).split("\\s*,\\s*")) {
                if (id.equals(f.checkId())) {
                    String reason = m.group(2) == null ? "" : m.group(2).strip();
                    return Optional.of(
                            new Suppression(
                                    id,
                                    f.file(),
                                    l,
                                    reason.isEmpty() ? null : reason,
                                    !reason.isEmpty(),
                                    f.line()));
                }
            }
        }
        return Optional.empty();
    }
}
