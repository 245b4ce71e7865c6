package io.kubelift.analyzer.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.kubelift.analyzer.Analysis;
import io.kubelift.analyzer.AnalyzeOptions;
import io.kubelift.analyzer.Analyzer;
import io.kubelift.model.KubeliftException;
import io.kubelift.model.MigrationPlan;
import io.kubelift.model.PlanCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Coverage-guided fuzzing of every analyzer parser through the public entry point: the first byte
 * picks a file name (and so the parsers that accept it: Hadoop XML, XML, properties, INI, YAML,
 * JSON, .env, JAAS, shell, Windows scripts, MANIFEST.MF, pom.xml, Java), the rest is the file.
 * Oracle: the analysis finishes, any problem it reports names that file, and the plan it infers is
 * a valid plan that survives its own YAML; or the analyzer refuses the app with a one-line
 * bad-input error. Seeds: {@code AnalyzerFuzzTestInputs/}; run long with {@code JAZZER_FUZZ=1}
 * (docs/security.md).
 */
class AnalyzerFuzzTest {
    static final List<String> NAMES =
            List.of(
                    "etc/hadoop/yarn-site.xml",
                    "conf/logback.xml",
                    "conf/app.properties",
                    "conf/settings.ini",
                    "conf/application.yaml",
                    "conf/config.json",
                    ".env",
                    "conf/kafka_jaas.conf",
                    "bin/start.sh",
                    "bin/start.bat",
                    "META-INF/MANIFEST.MF",
                    "pom.xml",
                    "src/main/java/a/Main.java",
                    "sbin/yarn-daemon.sh",
                    "etc/hadoop/hadoop-env.sh",
                    "conf/log4j.properties");
    private static Path root;

    @FuzzTest(maxDuration = "60s")
    void analyzeOneFile(byte[] data) throws IOException {
        if (data.length == 0) {
            return;
        }
        String name = NAMES.get(Math.floorMod(data[0], NAMES.size()));
        Path app = freshApp();
        Path file = app.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, java.util.Arrays.copyOfRange(data, 1, data.length));
        Analysis analysis;
        try {
            analysis = Analyzer.withDefaultDetectors().analyze(app, AnalyzeOptions.defaults());
        } catch (KubeliftException e) {
            assertEquals(KubeliftException.Kind.BAD_INPUT, e.kind(), e.getMessage());
            assertTrue(e.getMessage().indexOf('\n') < 0, e.getMessage());
            return;
        }
        analysis.facts()
                .problems()
                .forEach(p -> assertEquals(name, p.file(), "a problem names the file: " + p));
        MigrationPlan plan = analysis.plan();
        String yaml = PlanCodec.toYaml(plan);
        assertEquals(
                plan,
                PlanCodec.read(yaml, "inferred-plan.yaml", false),
                "the inferred plan is a valid plan");
    }

    private static Path freshApp() throws IOException {
        if (root == null) {
            root = Files.createTempDirectory("kubelift-fuzz-");
            root.toFile().deleteOnExit();
        }
        Path app = root.resolve("app");
        if (Files.exists(app)) {
            try (Stream<Path> s = Files.walk(app)) {
                s.sorted(Comparator.reverseOrder())
                        .forEach(
                                p -> {
                                    try {
                                        Files.delete(p);
                                    } catch (IOException e) {
                                        throw new UncheckedIOException(e);
                                    }
                                });
            }
        }
        Files.createDirectories(app);
        return app;
    }
}
