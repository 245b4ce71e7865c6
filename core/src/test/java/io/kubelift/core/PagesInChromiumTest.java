package io.kubelift.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report and the batch portfolio page as a person sees them: converted by a real batch
 * run, opened in headless Chromium, with and without scripts. The topology pictures must be laid
 * out (non-zero boxes for the SVG and each component), the portfolio must sort (by script and by
 * its no-script links), failed apps must show blanks, and every report link must open a file.
 * Screenshots are kept in {@code target/} (and in {@code -Dkubelift.screenshots=DIR} when given).
 */
class PagesInChromiumTest {
    private static final Path FIXTURES = Path.of("../analyzer/src/test/resources/fixtures");

    @TempDir Path tmp;

    /** Sizes of every topology SVG and of its component boxes, and its accessible title. */
    private static final String PICTURES =
            "JSON.stringify(Array.from(document.querySelectorAll('svg.topology')).map(function(s){"
                    + "var b=s.getBoundingClientRect();return {w:b.width,h:b.height,"
                    + "title:(s.querySelector('title')||{}).textContent||'',"
                    + "desc:(s.querySelector('desc')||{}).textContent||'',"
                    + "labelled:s.getAttribute('aria-labelledby')||'',"
                    + "components:Array.from(s.querySelectorAll('g.component')).map(function(g){"
                    + "var r=g.getBBox();return [r.width,r.height];}),"
                    + "texts:Array.from(s.querySelectorAll('text')).filter(function(t){return t.getBBox().width>0;}).length};}))";

    private static final String VISIBLE_ROWS =
            "JSON.stringify(Array.from(document.querySelectorAll('#apps tbody')).filter(function(b){"
                    + "return b.getBoundingClientRect().height>0;}).map(function(b){return {id:b.id,"
                    + "rows:Array.from(b.rows).map(function(r){return Array.from(r.cells).map(function(c){"
                    + "return c.getAttribute('data-v');});})};}))";

    @Test
    void reportAndPortfolioRenderTheirPicturesAndThePortfolioSorts() throws Exception {
        Path dir = tmp.resolve("portfolio");
        for (String app : List.of("zookeeper", "tomcat", "kafka")) {
            copyTree(FIXTURES.resolve(app), dir.resolve(app));
        }
        Files.write(
                dir.resolve("broken.tar.gz"),
                new byte[] {0x1f, (byte) 0x8b, 8, 0, 'n', 'o', 't', ' ', 'g', 'z'});
        Path out = tmp.resolve("out");
        new BatchConverter(() -> new Kubelift(Progress.SILENT))
                .convert(
                        Batch.discover(dir),
                        out,
                        new BatchConverter.Options(1, false, false, null),
                        null);

        try (HeadlessChromium chromium = HeadlessChromium.startOrSkip()) {
            // the report of one app
            Path report = out.resolve("kafka/report/report.html");
            String s = chromium.open(report, null, false);
            JsonNode pics = json(chromium.eval(s, PICTURES));
            assertEquals(1, pics.size(), "one picture in the report: " + pics);
            assertPictureRendered(pics.get(0));
            screenshot(chromium, s, "report-page.png");

            // the portfolio, with scripts
            Path index = out.resolve(BatchConverter.INDEX);
            s = chromium.open(index, null, true);
            pics = json(chromium.eval(s, PICTURES));
            assertEquals(3, pics.size(), "a picture per converted app: " + pics);
            for (JsonNode p : pics) {
                assertPictureRendered(p);
            }
            JsonNode tables = json(chromium.eval(s, VISIBLE_ROWS));
            assertEquals(1, tables.size(), "the script keeps one table body: " + tables);
            assertEquals(
                    List.of("broken", "kafka", "tomcat", "zookeeper"),
                    column(tables.get(0), 0),
                    "by name first");
            JsonNode brokenRow = tables.get(0).get("rows").get(0);
            int errorsCol = columnIndex(chromium, s, "errors");
            int afterCol = columnIndex(chromium, s, "after");
            assertEquals("", brokenRow.get(errorsCol).asText(), "a failed app has no error count");
            assertEquals("", brokenRow.get(afterCol).asText(), "a failed app has no score");
            String brokenText =
                    chromium.eval(
                                    s,
                                    "Array.from(document.querySelectorAll('#apps tbody tr.failed td'))"
                                            + ".slice(2).map(function(c){return c.textContent;}).join('|')")
                            .asText();
            assertFalse(brokenText.matches(".*\\b0\\b.*"), "blanks, not zeros: " + brokenText);

            chromium.eval(s, "document.querySelector('th[data-sort=after]').click()");
            List<String> afterDesc = column(json(chromium.eval(s, VISIBLE_ROWS)).get(0), afterCol);
            assertSorted(afterDesc, true);
            chromium.eval(s, "document.querySelector('th[data-sort=after]').click()");
            List<String> afterAsc = column(json(chromium.eval(s, VISIBLE_ROWS)).get(0), afterCol);
            assertSorted(afterAsc, false);
            assertEquals(
                    "ascending",
                    chromium.eval(
                                    s,
                                    "document.querySelector('th[data-sort=after]').getAttribute('aria-sort')")
                            .asText());
            screenshot(chromium, s, "portfolio-page.png");

            // every report link opens a file
            JsonNode links =
                    json(
                            chromium.eval(
                                    s,
                                    "JSON.stringify(Array.from(document.querySelectorAll('a[href$=\"report.html\"]'))"
                                            + ".map(function(a){return a.href;}))"));
            assertEquals(
                    6,
                    links.size(),
                    "a report link per converted app, in the table and under its picture");
            for (JsonNode l : links) {
                assertTrue(
                        Files.isRegularFile(Path.of(URI.create(l.asText()))), "broken link " + l);
            }

            // the portfolio without scripts: the sort links still sort
            s = chromium.open(index, "by-errors", false);
            tables = json(chromium.eval(s, VISIBLE_ROWS));
            assertEquals(1, tables.size(), "one visible table body: " + tables);
            assertEquals("by-errors", tables.get(0).get("id").asText());
            assertSorted(column(tables.get(0), errorsCol), true);
            s = chromium.open(index, null, false);
            tables = json(chromium.eval(s, VISIBLE_ROWS));
            assertEquals("by-app", tables.get(0).get("id").asText(), "by name without a link");
            pics = json(chromium.eval(s, PICTURES));
            assertEquals(3, pics.size());
        }
    }

    private static void assertPictureRendered(JsonNode p) {
        assertTrue(p.get("w").asDouble() > 100 && p.get("h").asDouble() > 50, "svg box " + p);
        assertTrue(p.get("title").asText().startsWith("Topology of "), p.toString());
        assertFalse(p.get("desc").asText().isBlank(), p.toString());
        assertTrue(p.get("labelled").asText().contains("-title"), p.toString());
        assertTrue(p.get("components").size() > 0, "components drawn " + p);
        for (JsonNode c : p.get("components")) {
            assertTrue(c.get(0).asDouble() > 0 && c.get(1).asDouble() > 0, "component box " + p);
        }
        assertTrue(p.get("texts").asInt() >= 4, "labels laid out " + p);
    }

    private static int columnIndex(HeadlessChromium c, String session, String sort)
            throws Exception {
        return c.eval(session, "document.querySelector('th[data-sort=" + sort + "]').cellIndex")
                .asInt();
    }

    /** Blanks last in both directions. */
    private static void assertSorted(List<String> values, boolean descending) {
        List<Double> nums = new ArrayList<>();
        boolean blank = false;
        for (String v : values) {
            if (v.isEmpty()) {
                blank = true;
                continue;
            }
            assertFalse(blank, "blanks come last: " + values);
            nums.add(Double.parseDouble(v));
        }
        for (int i = 1; i < nums.size(); i++) {
            assertTrue(
                    descending ? nums.get(i - 1) >= nums.get(i) : nums.get(i - 1) <= nums.get(i),
                    (descending ? "descending: " : "ascending: ") + values);
        }
    }

    private static List<String> column(JsonNode table, int col) {
        List<String> out = new ArrayList<>();
        table.get("rows").forEach(r -> out.add(r.get(col).asText()));
        return out;
    }

    private static JsonNode json(JsonNode stringValue) throws IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(stringValue.asText());
    }

    private static void screenshot(HeadlessChromium c, String session, String name)
            throws Exception {
        c.screenshot(session, Path.of("target", name));
        String extra = System.getProperty("kubelift.screenshots");
        if (extra != null && !extra.isBlank()) {
            Files.createDirectories(Path.of(extra));
            Files.copy(
                    Path.of("target", name),
                    Path.of(extra, name),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
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
}
