package io.kubelift.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelift.checker.Report;
import io.kubelift.checker.Topology;
import io.kubelift.model.Component;
import io.kubelift.model.Finding;
import io.kubelift.model.KubeliftException;
import io.kubelift.model.PlanCodec;
import io.kubelift.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Converts a portfolio: every app on its own (one failing app never stops the others), in parallel,
 * into {@code OUT/<app>/}, then writes {@code OUT/summary.json} and a self-contained {@code
 * OUT/index.html}.
 */
public final class BatchConverter {
    public static final String SUMMARY = "summary.json";
    public static final String INDEX = "index.html";

    /** How a batch runs. */
    public record Options(int jobs, boolean resume, boolean force, Batch.Shard shard) {
        public Options {
            if (jobs < 1) {
                throw KubeliftException.usage("--jobs takes a number >= 1, not " + jobs, null);
            }
            shard = shard == null ? Batch.Shard.ALL : shard;
        }
    }

    /**
     * What happened to one app. {@code status}: converted, unchanged (skipped by --resume) or
     * failed. {@code scores}: factor numeral → score after generate (-1: no applicable check);
     * {@code scoreBefore}/{@code scoreAfter}: the overall scores of the app as installed and as
     * generated; {@code topology}: the migrated app as the portfolio page draws it. All null or
     * empty for a failed app.
     */
    public record AppResult(
            String name,
            String source,
            String status,
            String message,
            List<String> components,
            Map<String, String> workloads,
            Map<String, Long> findingsByFactor,
            Map<String, Long> findingsBySeverity,
            String grade,
            String inputHash,
            Map<String, Integer> scores,
            Integer scoreBefore,
            Integer scoreAfter,
            Topology topology) {
        public AppResult {
            scores = scores == null ? Map.of() : scores;
        }

        public boolean ok() {
            return !status.equals("failed");
        }
    }

    /** Receives one event per finished app (for progress bars). */
    public interface Listener {
        void finished(AppResult result, int done, int total);
    }

    private final Supplier<Kubelift> kubelift;

    public BatchConverter(Supplier<Kubelift> kubelift) {
        this.kubelift = kubelift;
    }

    public List<AppResult> convert(
            List<Batch.App> apps, Path out, Options options, Listener listener) {
        List<Batch.App> mine = Batch.select(apps, options.shard());
        Map<String, AppResult> previous = options.resume() ? readSummary(out) : Map.of();
        ExecutorService pool =
                Executors.newFixedThreadPool(
                        Math.min(options.jobs(), Math.max(1, mine.size())),
                        r -> {
                            Thread t = new Thread(r, "kubelift-batch");
                            t.setDaemon(true);
                            return t;
                        });
        AtomicInteger done = new AtomicInteger();
        List<Future<AppResult>> futures = new ArrayList<>();
        for (Batch.App app : mine) {
            futures.add(
                    pool.submit(
                            () -> {
                                AppResult r =
                                        convertOne(app, out, options, previous.get(app.name()));
                                if (listener != null) {
                                    synchronized (listener) {
                                        listener.finished(r, done.incrementAndGet(), mine.size());
                                    }
                                }
                                return r;
                            }));
        }
        List<AppResult> results = new ArrayList<>();
        try {
            for (Future<AppResult> f : futures) {
                results.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubeliftException(KubeliftException.Kind.INTERNAL, "batch interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new KubeliftException(
                    KubeliftException.Kind.INTERNAL,
                    "batch worker failed: " + e.getCause(),
                    e.getCause());
        } finally {
            pool.shutdownNow();
        }
        results.sort(Comparator.comparing(AppResult::name));
        writeSummary(out, results);
        return results;
    }

    private AppResult convertOne(Batch.App app, Path out, Options options, AppResult before) {
        String hash = Batch.inputHash(app.path());
        Path target = out.resolve(app.name());
        if (before != null
                && before.ok()
                && hash.equals(before.inputHash())
                && Files.isDirectory(target)) {
            return new AppResult(
                    before.name(),
                    before.source(),
                    "unchanged",
                    before.message(),
                    before.components(),
                    before.workloads(),
                    before.findingsByFactor(),
                    before.findingsBySeverity(),
                    before.grade(),
                    hash,
                    before.scores(),
                    before.scoreBefore(),
                    before.scoreAfter(),
                    before.topology());
        }
        try {
            Kubelift.Conversion c =
                    kubelift.get().convert(app.path(), target, app.name(), options.force());
            Report report = c.report();
            Map<String, String> workloads = new TreeMap<>();
            List<String> components = new ArrayList<>();
            for (Component comp : c.analysis().plan().spec().components()) {
                components.add(comp.name());
                workloads.put(comp.name(), comp.workload().name());
            }
            Map<String, Long> byFactor = new TreeMap<>();
            Map<String, Long> bySeverity = new TreeMap<>();
            for (Finding f : report.findings()) {
                byFactor.merge(f.factor(), 1L, Long::sum);
                bySeverity.merge(f.severity().id(), 1L, Long::sum);
            }
            return new AppResult(
                    app.name(),
                    app.path().getFileName().toString(),
                    "converted",
                    "",
                    components,
                    workloads,
                    byFactor,
                    bySeverity,
                    report.overall().grade(),
                    hash,
                    factorScores(report),
                    report.overallBefore() == null ? null : report.overallBefore().score(),
                    report.overall().score(),
                    report.topology());
        } catch (KubeliftException e) {
            return failed(app, e.getMessage(), hash);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return failed(app, "internal error: " + e + " — a bug in kubelift", hash);
        }
    }

    private static AppResult failed(Batch.App app, String message, String hash) {
        return new AppResult(
                app.name(),
                app.path().getFileName().toString(),
                "failed",
                message,
                List.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                "-",
                hash,
                Map.of(),
                null,
                null,
                null);
    }

    private static Map<String, Integer> factorScores(Report report) {
        Map<String, Integer> m = new TreeMap<>();
        report.scores()
                .forEach(
                        (k, v) -> {
                            if (!k.equals("overall")) {
                                m.put(k, v.score());
                            }
                        });
        return m;
    }

    /**
     * Reads a previous {@code summary.json} (for --resume and merging); empty when absent or
     * unreadable.
     */
    public static Map<String, AppResult> readSummary(Path out) {
        Path file = out.resolve(SUMMARY);
        Map<String, AppResult> byName = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return byName;
        }
        try {
            JsonNode apps =
                    PlanCodec.json()
                            .readTree(Files.readString(file, StandardCharsets.UTF_8))
                            .path("apps");
            for (JsonNode a : apps) {
                AppResult r = PlanCodec.json().treeToValue(a, AppResult.class);
                byName.put(r.name(), r);
            }
        } catch (IOException | IllegalArgumentException e) {
            return Map.of();
        }
        return byName;
    }

    /** Writes summary.json and index.html for {@code results} (sorted, deterministic). */
    public static void writeSummary(Path out, List<AppResult> results) {
        writeSummary(out, results, r -> r.name() + "/");
    }

    /**
     * As above; {@code appDir} gives each app's output directory relative to {@code out} (the
     * report links).
     */
    static void writeSummary(
            Path out,
            List<AppResult> results,
            java.util.function.Function<AppResult, String> appDir) {
        Map<String, Object> doc = new TreeMap<>();
        doc.put("apps", results);
        doc.put("converted", results.stream().filter(AppResult::ok).count());
        doc.put("failed", results.stream().filter(r -> !r.ok()).count());
        doc.put("total", results.size());
        doc.put("kubeliftVersion", Version.get());
        try {
            Files.createDirectories(out);
            writeAtomically(out.resolve(SUMMARY), PlanCodec.toJson(doc));
            writeAtomically(out.resolve(INDEX), PortfolioPage.render(results, appDir));
        } catch (IOException e) {
            throw KubeliftException.badInput(
                    out.toString(), "cannot write the summary: " + e.getMessage(), null);
        }
    }

    /** Merges the summaries of shard output directories into {@code out}. */
    public static List<AppResult> merge(List<Path> shardOuts, Path out) {
        Map<String, AppResult> all = new TreeMap<>();
        Map<String, Path> shardOf = new TreeMap<>();
        for (Path p : shardOuts) {
            if (!Files.isRegularFile(p.resolve(SUMMARY))) {
                throw KubeliftException.badInput(
                        p.toString(),
                        "has no " + SUMMARY,
                        "pass the -o directories of the shard runs");
            }
            readSummary(p)
                    .forEach(
                            (name, r) -> {
                                if (all.putIfAbsent(name, r) == null) {
                                    shardOf.put(name, p);
                                }
                            });
        }
        List<AppResult> results = new ArrayList<>(all.values());
        // Each app's report stays in its shard's directory: link there, relative to the merged
        // page.
        Path base = out.toAbsolutePath().normalize();
        writeSummary(
                out,
                results,
                r ->
                        base.relativize(
                                                shardOf.get(r.name())
                                                        .toAbsolutePath()
                                                        .normalize()
                                                        .resolve(r.name()))
                                        .toString()
                                        .replace('\\', '/')
                                + "/");
        return results;
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(
                    tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Severity counts, in the order people read them. */
    static long count(AppResult r, Severity s) {
        return r.findingsBySeverity().getOrDefault(s.id(), 0L);
    }
}
