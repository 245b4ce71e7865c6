package io.kubelift.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubelift.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every check has a doc page {@code docs/checks/ID.md}, generated from its metadata and its test
 * cases; run with {@code -Dgolden.update=true} to rewrite them, and no page exists for a check that
 * is gone.
 */
class DocPagesTest {
    static final Path DOCS = Path.of("../docs/checks");

    @Test
    void everyCheckHasACurrentDocPage() throws IOException {
        for (CheckInfo c : Checker.withDefaultChecks().checks()) {
            Golden.assertMatches(DOCS.resolve(c.id() + ".md"), page(c));
        }
        List<String> ids =
                Checker.withDefaultChecks().checks().stream()
                        .map(c -> c.id() + ".md")
                        .sorted()
                        .toList();
        try (Stream<Path> s = Files.list(DOCS)) {
            List<String> pages =
                    s.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".md") && !n.equals("README.md"))
                            .sorted()
                            .toList();
            assertEquals(ids, pages, "docs/checks holds pages of checks that do not exist");
        }
    }

    @Test
    void catalogueIsCurrent() {
        StringBuilder sb =
                new StringBuilder(
                        "# Check catalogue\n\nGenerated from the checks' metadata by DocPagesTest "
                                + "(`mvn -pl checker -am verify -Dgolden.update=true`). See [the checker guide](../checker.md).\n\n"
                                + "| id | factor | severity | reads | fixed by generate | summary |\n|---|---|---|---|---|---|\n");
        for (CheckInfo c : Checker.withDefaultChecks().checks()) {
            sb.append("| [")
                    .append(c.id())
                    .append("](")
                    .append(c.id())
                    .append(".md) | ")
                    .append(c.factor().numeral())
                    .append(" | ")
                    .append(c.severity().id())
                    .append(" | ")
                    .append(c.source().id())
                    .append(" | ")
                    .append(c.fixedByGenerate() ? "yes" : "no")
                    .append(" | ")
                    .append(c.summary())
                    .append(" |\n");
        }
        Golden.assertMatches(DOCS.resolve("README.md"), sb.toString());
    }

    static String page(CheckInfo c) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(c.id()).append("\n\n").append(c.summary()).append(".\n\n");
        sb.append("| | |\n|---|---|\n");
        sb.append("| Factor | ")
                .append(c.factor().numeral())
                .append(" — ")
                .append(c.factor().title())
                .append(" |\n");
        sb.append("| Severity | ").append(c.severity().id()).append(" |\n");
        sb.append("| Reads | ")
                .append(
                        switch (c.source()) {
                            case APP -> "the app (analyzer facts: configs, scripts, sources)";
                            case PLAN -> "the migration plan";
                            case MANIFESTS -> "Kubernetes manifests";
                        })
                .append(" |\n");
        sb.append("| Fixed by `kubelift generate` | ")
                .append(
                        !c.fixedByGenerate()
                                ? "no — needs a person"
                                : c.source() == CheckSource.APP
                                        ? "measured per finding: fixed only when the generated output no longer has it"
                                        : "yes (its output passes this check)")
                .append(" |\n\n");
        sb.append("## Why\n\n").append(c.rationale()).append("\n\n");
        sb.append("## How to fix\n\n").append(c.remediation()).append("\n\n");
        for (String kind : List.of("positive", "negative")) {
            List<Path> files = CheckCasesTest.files(c.id(), kind);
            if (files.isEmpty()) {
                continue;
            }
            Path f = files.get(0);
            String name = f.getFileName().toString();
            String lang = name.endsWith(".txt") ? "text" : "yaml";
            String what =
                    name.endsWith(".k8s.yaml")
                            ? "manifest"
                            : name.endsWith(".plan.yaml")
                                    ? "plan"
                                    : name.endsWith(".files.txt") ? "app files" : "analyzer facts";
            sb.append(
                    kind.equals("positive")
                            ? "## Flagged (" + what + "; `# expect` marks flagged lines)\n\n"
                            : "## Not flagged (" + what + ")\n\n");
            sb.append("```")
                    .append(lang)
                    .append('\n')
                    .append(Files.readString(f).stripTrailing())
                    .append("\n```\n\n");
        }
        sb.append(
                        "## Suppress\n\nOn the flagged line or the line above, with a reason:\n\n```\n# kubelift:ignore ")
                .append(c.id())
                .append(
                        " reason: why this is acceptable here\n```\n\nor disable the check for a run: "
                                + "`kubelift check --disable ")
                .append(c.id())
                .append(" PATH`. See [the checker guide](../checker.md).\n");
        return sb.toString();
    }
}
