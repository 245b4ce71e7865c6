package io.kubelift.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubelift.checker.Report;
import io.kubelift.checker.Scoring;
import io.kubelift.model.Finding;
import io.kubelift.model.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportAggregateTest {
    private static Finding at(String file) {
        return new Finding(
                "TF03-CONFIG-HARDCODED-HOST",
                "III",
                Severity.WARNING,
                file,
                4,
                "fixed host",
                "use a Service",
                true,
                null);
    }

    private static Report report(String name, Finding... findings) {
        List<Finding> list = List.of(findings);
        return new Report(
                name,
                list,
                List.of(),
                Set.of(),
                Scoring.score(List.of(), list),
                List.of(),
                Set.of());
    }

    @Test
    void findingsArePrefixedWithTheirModuleAndOrderedByModule() {
        Report aggregate =
                ReportAggregate.of(
                        "orders",
                        Map.of(
                                "worker", report("worker", at("src/main/resources/w.properties")),
                                "api",
                                        report(
                                                "api",
                                                at("src/main/resources/a.properties"),
                                                at(null))));
        assertEquals("orders", aggregate.rootName());
        assertEquals(
                java.util.Arrays.asList(
                        "api/src/main/resources/a.properties",
                        "api",
                        "worker/src/main/resources/w.properties"),
                aggregate.findings().stream().map(Finding::file).toList());
        assertEquals(4, aggregate.findings().get(0).line());
        assertEquals(3, aggregate.overall().findings());
    }
}
