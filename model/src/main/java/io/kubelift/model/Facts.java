package io.kubelift.model;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything the analyzer saw in one app: facts (sorted by file, line, kind, subject) and problems.
 */
public record Facts(List<Fact> facts, List<Problem> problems) {
    public static final Comparator<Fact> ORDER =
            Comparator.comparing((Fact f) -> f.evidence().file())
                    .thenComparingInt(f -> f.evidence().line())
                    .thenComparing(Fact::kind)
                    .thenComparing(f -> f.subject() == null ? "" : f.subject());

    public Facts {
        facts = facts == null ? List.of() : facts.stream().sorted(ORDER).toList();
        problems = Lists.copy(problems);
    }

    public Stream<Fact> of(FactKind kind) {
        return facts.stream().filter(f -> f.kind() == kind);
    }
}
