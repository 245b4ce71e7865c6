package io.kubelift.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubelift.model.PlanCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One {@link Analyzer} shared by many threads (batch conversion with --jobs N) gives exactly the
 * sequential results: no parser, detector or interpreter state is shared between analyses.
 */
class ConcurrentAnalysisTest {
    @Test
    void sharedAnalyzerGivesSequentialResults() throws Exception {
        List<String> layouts;
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/fixtures"))) {
            layouts = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        Analyzer analyzer = Analyzer.withDefaultDetectors();
        Map<String, String> sequential = new LinkedHashMap<>();
        for (String l : layouts) {
            sequential.put(l, render(analyzer, l));
        }
        List<Callable<String[]>> jobs = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            for (String l : layouts) {
                jobs.add(() -> new String[] {l, render(analyzer, l)});
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<String[]> f : pool.invokeAll(jobs)) {
                String[] r = f.get();
                assertEquals(sequential.get(r[0]), r[1], r[0] + " analysed concurrently");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String render(Analyzer a, String layout) {
        Analysis r =
                a.analyze(
                        Path.of("src/test/resources/fixtures", layout),
                        new AnalyzeOptions(null, "fixtures/" + layout));
        return PlanCodec.toYaml(r.plan())
                + "\n---\n"
                + r.facts().facts()
                + "\n"
                + r.facts().problems();
    }
}
