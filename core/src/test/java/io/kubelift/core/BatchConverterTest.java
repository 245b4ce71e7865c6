package io.kubelift.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A portfolio of real fixture layouts plus one broken archive, converted in parallel. */
class BatchConverterTest {
    private static final Path FIXTURES = Path.of("../analyzer/src/test/resources/fixtures");

    @TempDir Path tmp;

    private Path portfolio() throws IOException {
        Path dir = tmp.resolve("portfolio");
        for (String app : List.of("plain-java", "zookeeper", "kafka", "spring-boot", "tomcat")) {
            copyTree(FIXTURES.resolve(app), dir.resolve(app));
        }
        Files.write(
                dir.resolve("broken.tar.gz"),
                new byte[] {0x1f, (byte) 0x8b, 8, 0, 'n', 'o', 't', ' ', 'g', 'z'});
        Files.createDirectories(dir.resolve(".hidden"));
        Files.writeString(dir.resolve("notes.txt"), "not an app");
        return dir;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static Map<String, String> statuses(List<BatchConverter.AppResult> results) {
        return results.stream()
                .collect(
                        Collectors.toMap(
                                BatchConverter.AppResult::name, BatchConverter.AppResult::status));
    }

    @Test
    void convertsTheGoodAppsReportsTheBrokenOneAndWritesThePortfolio() throws IOException {
        Path dir = portfolio();
        List<Batch.App> apps = Batch.discover(dir);
        assertEquals(
                List.of("broken", "kafka", "plain-java", "spring-boot", "tomcat", "zookeeper"),
                apps.stream().map(Batch.App::name).toList());
        Path out = tmp.resolve("out");
        BatchConverter batch = new BatchConverter(() -> new Kubelift(Progress.SILENT));
        List<BatchConverter.AppResult> results =
                batch.convert(apps, out, new BatchConverter.Options(2, false, false, null), null);

        assertEquals(
                Map.of(
                        "broken",
                        "failed",
                        "kafka",
                        "converted",
                        "plain-java",
                        "converted",
                        "spring-boot",
                        "converted",
                        "tomcat",
                        "converted",
                        "zookeeper",
                        "converted"),
                statuses(results));
        BatchConverter.AppResult broken = results.get(0);
        assertTrue(broken.message().contains("broken.tar.gz"), broken.message());
        for (String ok : List.of("kafka", "plain-java", "spring-boot", "tomcat", "zookeeper")) {
            assertTrue(Files.isRegularFile(out.resolve(ok).resolve("plan.yaml")), ok);
            assertTrue(Files.isRegularFile(out.resolve(ok).resolve("report/report.html")), ok);
        }
        String summary = Files.readString(out.resolve(BatchConverter.SUMMARY));
        assertTrue(summary.contains("\"failed\" : 1"), summary);
        String index = Files.readString(out.resolve(BatchConverter.INDEX));
        assertTrue(index.contains("5 of 6 apps converted"), index);
        // self-contained: the one inline script (sorting) is allowed by its hash, nothing is
        // loaded
        assertTrue(
                !index.contains("<script src")
                        && !index.contains("src=\"http")
                        && !index.contains("href=\"http")
                        && index.contains("script-src 'sha256-"),
                "self-contained");

        // --resume: unchanged apps are skipped, the failed one is tried again, a changed one is
        // redone
        Files.writeString(
                dir.resolve("kafka/config/server.properties"),
                "\nnum.network.threads=5\n",
                java.nio.file.StandardOpenOption.APPEND);
        List<BatchConverter.AppResult> again =
                batch.convert(
                        Batch.discover(dir),
                        out,
                        new BatchConverter.Options(2, true, false, null),
                        null);
        assertEquals(
                Map.of(
                        "broken",
                        "failed",
                        "kafka",
                        "converted",
                        "plain-java",
                        "unchanged",
                        "spring-boot",
                        "unchanged",
                        "tomcat",
                        "unchanged",
                        "zookeeper",
                        "unchanged"),
                statuses(again));
    }

    @Test
    void shardsSplitThePortfolioAndMergeBack() throws IOException {
        Path dir = portfolio();
        List<Batch.App> apps = Batch.discover(dir);
        BatchConverter batch = new BatchConverter(() -> new Kubelift(Progress.SILENT));
        List<BatchConverter.AppResult> s0 =
                batch.convert(
                        apps,
                        tmp.resolve("s0"),
                        new BatchConverter.Options(1, false, false, new Batch.Shard(0, 2)),
                        null);
        List<BatchConverter.AppResult> s1 =
                batch.convert(
                        apps,
                        tmp.resolve("s1"),
                        new BatchConverter.Options(1, false, false, new Batch.Shard(1, 2)),
                        null);
        assertEquals(
                List.of("broken", "plain-java", "tomcat"),
                s0.stream().map(BatchConverter.AppResult::name).toList());
        assertEquals(
                List.of("kafka", "spring-boot", "zookeeper"),
                s1.stream().map(BatchConverter.AppResult::name).toList());
        List<BatchConverter.AppResult> merged =
                BatchConverter.merge(
                        List.of(tmp.resolve("s0"), tmp.resolve("s1")), tmp.resolve("all"));
        assertEquals(6, merged.size());
        String page = Files.readString(tmp.resolve("all").resolve(BatchConverter.INDEX));
        assertTrue(page.contains("5 of 6 apps converted"));
        // Every app's report link on the merged page opens that app's report, which stays in its
        // shard's directory.
        List<String> links =
                java.util.regex.Pattern.compile("href=\"([^\"]+)\"")
                        .matcher(page)
                        .results()
                        .map(m -> m.group(1))
                        .filter(l -> l.endsWith("report.html"))
                        .distinct()
                        .toList();
        assertEquals(5, links.size(), page);
        for (String link : links) {
            assertTrue(
                    Files.isRegularFile(tmp.resolve("all").resolve(link)), "broken link " + link);
        }
        assertTrue(links.contains("../s1/kafka/report/report.html"), links.toString());
    }

    @Test
    void anAppInWhichNothingRunsFailsAndNamesTheFileThatDidNotParse() throws IOException {
        Path dir = tmp.resolve("mixed");
        copyTree(FIXTURES.resolve("plain-java"), dir.resolve("plain-java"));
        Files.createDirectories(dir.resolve("half-migrated/conf"));
        Files.writeString(
                dir.resolve("half-migrated/conf/site.xml"),
                "<?xml version=\"1.0\"?>\n<configuration>\n  <property><name>a</name>\n</configuration\n");
        Path out = tmp.resolve("mixed-out");
        List<BatchConverter.AppResult> results =
                new BatchConverter(() -> new Kubelift(Progress.SILENT))
                        .convert(
                                Batch.discover(dir),
                                out,
                                new BatchConverter.Options(2, false, false, null),
                                null);

        assertEquals(
                Map.of("half-migrated", "failed", "plain-java", "converted"), statuses(results));
        String message = results.get(0).message();
        assertTrue(message.contains("no component to run was found"), message);
        assertTrue(
                message.contains("conf/site.xml:4"),
                "names the file and line that did not parse: " + message);
        assertTrue(!Files.exists(out.resolve("half-migrated")), "nothing is written for it");
        assertTrue(
                Files.readString(out.resolve(BatchConverter.INDEX))
                        .contains("1 of 2 apps converted"));
    }
}
