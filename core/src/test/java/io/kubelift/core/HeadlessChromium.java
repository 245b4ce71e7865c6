package io.kubelift.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless {@code chromium}, driven over the DevTools protocol with the JDK's own
 * WebSocket client (no browser-automation library): open a page, run an expression in it, take a
 * screenshot. Without chromium a test fails when {@code CI=true} (CI installs it with apt) and is
 * skipped with a message otherwise, as {@code HtmlReportChromiumTest} in the checker does.
 */
final class HeadlessChromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private final StringBuilder log = new StringBuilder();

    /** Starts chromium, or fails/skips the test when it is not installed. */
    static HeadlessChromium startOrSkip() throws Exception {
        String chromium = find();
        if (chromium == null) {
            String msg =
                    "chromium is not installed (apt-get install -y chromium); the HTML pages were not rendered";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(msg);
            }
            System.err.println("SKIPPED: " + msg);
            Assumptions.abort(msg);
        }
        return new HeadlessChromium(chromium);
    }

    private HeadlessChromium(String chromium) throws Exception {
        profile = Files.createTempDirectory("kubelift-chromium");
        process =
                new ProcessBuilder(
                                List.of(
                                        chromium,
                                        "--headless",
                                        "--no-sandbox",
                                        "--disable-gpu",
                                        "--disable-background-networking",
                                        "--disable-component-update",
                                        "--no-first-run",
                                        "--remote-debugging-port=0",
                                        "--user-data-dir=" + profile,
                                        "--window-size=1280,1600",
                                        "about:blank"))
                        .redirectErrorStream(true)
                        .start();
        CompletableFuture<String> endpoint = new CompletableFuture<>();
        Thread reader =
                new Thread(
                        () -> {
                            try (BufferedReader r =
                                    new BufferedReader(
                                            new InputStreamReader(
                                                    process.getInputStream(),
                                                    StandardCharsets.UTF_8))) {
                                String line;
                                while ((line = r.readLine()) != null) {
                                    synchronized (log) {
                                        log.append(line).append('\n');
                                    }
                                    int i = line.indexOf("ws://");
                                    if (line.contains("DevTools listening on") && i >= 0) {
                                        endpoint.complete(line.substring(i).strip());
                                    }
                                }
                            } catch (IOException e) {
                                endpoint.completeExceptionally(e);
                            }
                            endpoint.completeExceptionally(
                                    new IllegalStateException("chromium exited"));
                        },
                        "chromium-log");
        reader.setDaemon(true);
        reader.start();
        String ws;
        try {
            ws = endpoint.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not start: " + e + "\n" + log(), e);
        }
        socket =
                HttpClient.newHttpClient()
                        .newWebSocketBuilder()
                        .buildAsync(URI.create(ws), new Listener())
                        .get(30, TimeUnit.SECONDS);
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder parts = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            parts.append(data);
            if (last) {
                try {
                    JsonNode msg = JSON.readTree(parts.toString());
                    if (msg.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
                        if (f != null) {
                            f.complete(msg);
                        }
                    } else {
                        events.add(msg);
                    }
                } catch (IOException e) {
                    // a message we cannot read is not one we wait for
                }
                parts.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }

    String log() {
        synchronized (log) {
            return log.toString();
        }
    }

    /** Sends a command (to the page session when {@code session} is not null) and waits. */
    JsonNode send(String session, String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode();
        msg.put("id", id);
        msg.put("method", method);
        msg.set("params", JSON.valueToTree(params == null ? Map.of() : params));
        if (session != null) {
            msg.put("sessionId", session);
        }
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        socket.sendText(JSON.writeValueAsString(msg), true).get(30, TimeUnit.SECONDS);
        JsonNode reply = f.get(60, TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new AssertionError(method + " failed: " + reply.get("error"));
        }
        return reply.path("result");
    }

    /** A new tab showing {@code page}, scripts on or off; returns its session id once loaded. */
    String open(Path page, String fragment, boolean scripts) throws Exception {
        String target =
                send(null, "Target.createTarget", Map.of("url", "about:blank"))
                        .path("targetId")
                        .asText();
        String session =
                send(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                        .path("sessionId")
                        .asText();
        send(session, "Page.enable", null);
        send(session, "Runtime.enable", null);
        if (!scripts) {
            send(session, "Emulation.setScriptExecutionDisabled", Map.of("value", true));
        }
        events.clear();
        String url = page.toUri() + (fragment == null ? "" : "#" + fragment);
        send(session, "Page.navigate", Map.of("url", url));
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode e = events.poll(1, TimeUnit.SECONDS);
            if (e != null
                    && "Page.loadEventFired".equals(e.path("method").asText())
                    && session.equals(e.path("sessionId").asText())) {
                return session;
            }
            if (e != null && "Runtime.exceptionThrown".equals(e.path("method").asText())) {
                throw new AssertionError("script error on " + url + ": " + e);
            }
        }
        throw new AssertionError("page did not load: " + url + "\n" + log());
    }

    /** The value of a JavaScript expression in the page (JSON-able). */
    JsonNode eval(String session, String expression) throws Exception {
        JsonNode r =
                send(
                        session,
                        "Runtime.evaluate",
                        Map.of("expression", expression, "returnByValue", true));
        if (r.has("exceptionDetails")) {
            throw new AssertionError(
                    "evaluation failed: " + r.get("exceptionDetails") + " for " + expression);
        }
        return r.path("result").path("value");
    }

    /** A full-page PNG screenshot written to {@code file}. */
    void screenshot(String session, Path file) throws Exception {
        String data =
                send(
                                session,
                                "Page.captureScreenshot",
                                Map.of("format", "png", "captureBeyondViewport", true))
                        .path("data")
                        .asText();
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(data));
    }

    @Override
    public void close() throws Exception {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing anyway
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        try (var s = Files.walk(profile)) {
            s.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    private static String find() {
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
