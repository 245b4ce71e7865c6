package io.kubelift.checker;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Renders the HTML report in headless Chromium (Debian's {@code chromium}) and checks the
 * screenshot is produced and not blank. Without chromium the test fails when {@code CI=true} and is
 * skipped (with a message) otherwise. The screenshot is kept at {@code target/html-report.png} for
 * a person to look at.
 */
class HtmlReportChromiumTest {
    @Test
    void htmlReportRendersInHeadlessChromium() throws Exception {
        String chromium = findChromium();
        if (chromium == null) {
            String msg =
                    "chromium is not installed (apt-get install -y chromium); the HTML report was not rendered";
            if ("true".equals(System.getenv("CI"))) {
                fail(msg);
            }
            System.err.println("SKIPPED: " + msg);
            Assumptions.abort(msg);
        }
        String html =
                ReportRenderers.forFormat("html")
                        .render(SampleReport.report(Set.of("TF12-K8S-JOB-NO-TTL")));
        assertTrue(
                !html.contains("http://") || !html.matches("(?s).*(src|href)=\"http://.*"),
                "no network resources");
        assertTrue(!html.contains("<script"), "no scripts");
        Path dir = Files.createTempDirectory("kubelift-html");
        Path page = dir.resolve("report.html");
        Files.writeString(page, html, StandardCharsets.UTF_8);
        Path shot = Path.of("target/html-report.png").toAbsolutePath();
        Files.deleteIfExists(shot);
        Path profile = Files.createDirectory(dir.resolve("profile"));
        Process p =
                new ProcessBuilder(
                                List.of(
                                        chromium,
                                        "--headless",
                                        "--no-sandbox",
                                        "--disable-gpu",
                                        "--disable-background-networking",
                                        "--disable-component-update",
                                        "--no-first-run",
                                        "--user-data-dir=" + profile,
                                        "--screenshot=" + shot,
                                        "--window-size=1280,2000",
                                        page.toUri().toString()))
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("chromium.log").toFile())
                        .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish; log: " + Files.readString(dir.resolve("chromium.log")));
        }
        assertTrue(
                Files.exists(shot),
                "no screenshot; chromium log: " + Files.readString(dir.resolve("chromium.log")));
        BufferedImage img = ImageIO.read(shot.toFile());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 7) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertTrue(
                colours.size() > 20, "the screenshot looks blank (" + colours.size() + " colours)");
    }

    private static String findChromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir :
                    System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
                File f = new File(dir, name);
                if (f.canExecute()) {
                    return f.getAbsolutePath();
                }
            }
        }
        return null;
    }
}
