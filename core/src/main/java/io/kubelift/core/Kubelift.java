package io.kubelift.core;

import io.kubelift.analyzer.AnalyzeOptions;
import io.kubelift.analyzer.Analysis;
import io.kubelift.analyzer.Analyzer;
import io.kubelift.analyzer.AppFileTrees;
import io.kubelift.analyzer.AppSecrets;
import io.kubelift.checker.CheckInput;
import io.kubelift.checker.CheckOptions;
import io.kubelift.checker.Checker;
import io.kubelift.checker.ManifestSource;
import io.kubelift.checker.Manifests;
import io.kubelift.checker.Report;
import io.kubelift.checker.ReportRenderers;
import io.kubelift.generator.GenerateOptions;
import io.kubelift.generator.Generator;
import io.kubelift.generator.image.BuildResult;
import io.kubelift.generator.image.ImageBuilder;
import io.kubelift.generator.image.ImageOptions;
import io.kubelift.generator.run.LocalRunner;
import io.kubelift.generator.run.RunOptions;
import io.kubelift.generator.run.RunResult;
import io.kubelift.model.AppFiles;
import io.kubelift.model.AtomicWriter;
import io.kubelift.model.FileSet;
import io.kubelift.model.KubeliftException;
import io.kubelift.model.MigrationPlan;
import io.kubelift.model.PlanCodec;
import io.kubelift.model.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one entry point both front ends (CLI, Maven plugin) call. Each method is one use case; it never prints
 * and never exits: results are returned, progress goes to {@link Progress}, user errors are
 * {@link KubeliftException}s.
 */
public final class Kubelift {
    /** Subtrees of an output directory that {@code generate} and {@code build} own (convert owns all of it). */
    static final List<String> GENERATED_TREES = List.of("k8s/", "scripts/");
    public static final String PLAN_FILE = "plan.yaml";
    public static final String REPORT_DIR = "report/";

    private final Analyzer analyzer;
    private final Generator generator;
    private final Checker checker;
    private final Progress progress;

    public Kubelift(Progress progress) {
        this(Analyzer.withDefaultDetectors(), Generator.withDefaults(), Checker.withDefaultChecks(), progress);
    }

    public Kubelift(Analyzer analyzer, Generator generator, Checker checker, Progress progress) {
        this.analyzer = analyzer;
        this.generator = generator;
        this.checker = checker;
        this.progress = progress == null ? Progress.SILENT : progress;
    }

    /**
     * The same facade with the rule files below {@code rulesDir} added to the checks ({@code --rules DIR}); rules
     * whose conditions kubelift does not evaluate are skipped and named through the progress listener.
     */
    public Kubelift withRules(Path rulesDir) {
        if (rulesDir == null) {
            return this;
        }
        io.kubelift.checker.rules.RuleFiles.Loaded loaded = io.kubelift.checker.rules.RuleFiles.load(rulesDir);
        loaded.skipped().forEach(s -> progress.step(s));
        List<io.kubelift.checker.Check> checks = new ArrayList<>(io.kubelift.checker.DefaultChecks.all());
        checks.addAll(loaded.checks());
        return new Kubelift(analyzer, generator, new Checker(checks), progress);
    }

    /** Analyses {@code app} and, when {@code planFile} is given, writes the plan there atomically. */
    public Analysis analyze(Path app, Path planFile, String planName) {
        requireExists(app, "the app to analyse");
        Path planDir = planFile == null ? Path.of("") : planFile.toAbsolutePath().getParent();
        progress.step("analysing " + app);
        Analysis analysis = analyzer.analyze(app, new AnalyzeOptions(planName, AppPaths.sourcePathFor(app, planDir)));
        if (planFile != null) {
            writeSingleFile(planFile, PlanCodec.toYaml(analysis.plan()));
        }
        return analysis;
    }

    /** Generates k8s/ and scripts/ into {@code outDir} from a plan file. */
    public FileSet generate(Path planFile, Path outDir, boolean force) {
        MigrationPlan plan = PlanCodec.read(planFile);
        if (plan.spec().components().isEmpty()) {
            throw KubeliftException.badInput(planFile.toString(), "has no components, so there is nothing to generate",
                    "add a component to spec.components (docs/plan-format.md)");
        }
        AppFiles app = AppFileTrees.open(AppPaths.appOf(plan, planFile));
        progress.step("generating " + plan.metadata().name() + " into " + outDir);
        FileSet files = generator.generate(plan, app, AppSecrets.of(app), GenerateOptions.defaults());
        AtomicWriter.write(outDir, files, force, GENERATED_TREES);
        return files;
    }

    /** The result of a conversion: the analysis, what was written, and the compliance report. */
    public record Conversion(Analysis analysis, FileSet files, Report report, Path outDir) {
    }

    /**
     * analyze → plan.yaml → generate → check, written to {@code outDir} as one atomic set: plan.yaml, k8s/,
     * scripts/ and report/ (every report format). The report covers the app's facts, the plan and the generated
     * manifests, so it shows both the legacy violations and that the output fixes them.
     */
    public Conversion convert(Path app, Path outDir, String planName, boolean force) {
        requireExists(app, "the app to convert");
        progress.step("analysing " + app);
        Analysis analysis = analyzer.analyze(app, new AnalyzeOptions(planName, AppPaths.sourcePathFor(app, outDir)));
        requireComponents(app, analysis);
        progress.step("generating " + analysis.plan().metadata().name());
        FileSet generated = generator.generate(analysis.plan(), analysis.files(), AppSecrets.of(analysis.files()),
                GenerateOptions.defaults());
        progress.step("checking");
        Report report = checker.check(CheckInput.ofConversion(app.getFileName() == null ? app.toString()
                : app.getFileName().toString(), analysis.files(), analysis.facts(), analysis.plan(), generatedSources(generated)),
                CheckOptions.defaults());
        FileSet all = new FileSet().add(PLAN_FILE, PlanCodec.toYaml(analysis.plan()));
        all.addAll("", generated);
        all.addAll(REPORT_DIR, renderAll(report));
        progress.step("writing " + outDir);
        AtomicWriter.write(outDir, all, force);
        return new Conversion(analysis, all, report, outDir);
    }

    /** The generated manifests and scripts, for the checker's before → after comparison. */
    static List<ManifestSource> generatedSources(FileSet generated) {
        List<ManifestSource> out = new ArrayList<>();
        generated.files().forEach((path, entry) -> {
            if (path.startsWith("k8s/") || path.startsWith("scripts/")) {
                out.add(new ManifestSource(path, entry.text()));
            }
        });
        return out;
    }

    /** Every report format, named by {@link ReportRenderers#fileName}. */
    public static FileSet renderAll(Report report) {
        return renderAll(report, null);
    }

    /** Every report format; SARIF and HTML link the check pages under {@code docsUrl} when it is given. */
    public static FileSet renderAll(Report report, String docsUrl) {
        FileSet files = new FileSet();
        for (String format : ReportRenderers.formats()) {
            files.add(ReportRenderers.fileName(format), ReportRenderers.forFormat(format, docsUrl).render(report));
        }
        return files;
    }

    /** What {@code check} looked at and found. */
    public record CheckRun(Report report, boolean manifestsOnly) {
    }

    /**
     * Checks an app (directory or archive: analysed first) or Kubernetes YAML (a file, or a directory holding
     * only manifests). {@code manifests} forces the latter reading of a directory.
     */
    public CheckRun check(Path target, CheckOptions options, boolean manifests) {
        requireExists(target, "the path to check");
        String rootName = target.getFileName() == null ? target.toString() : target.getFileName().toString();
        if (manifests || ManifestDetection.looksLikeManifests(target)) {
            progress.step("checking Kubernetes manifests in " + target);
            List<ManifestSource> docs = Manifests.load(target);
            return new CheckRun(checker.check(new CheckInput(rootName, null, null, null, docs), options), true);
        }
        progress.step("analysing " + target);
        Analysis analysis = analyzer.analyze(target, new AnalyzeOptions(null, target.toString()));
        progress.step("checking");
        // The app as installed and what generate would write for it (in memory): before → after scores.
        List<ManifestSource> generated = List.of();
        if (!analysis.plan().spec().components().isEmpty()) {
            try {
                generated = generatedSources(generator.generate(analysis.plan(), analysis.files(),
                        AppSecrets.of(analysis.files()), GenerateOptions.defaults()));
            } catch (io.kubelift.model.KubeliftException e) {
                progress.step("not comparing before → after: the inferred plan does not generate (" + e.getMessage() + ")");
            }
        }
        Report report = checker.check(CheckInput.ofConversion(rootName, analysis.files(), analysis.facts(),
                analysis.plan(), generated), options);
        return new CheckRun(report, false);
    }

    /**
     * Builds one image per component with Jib, then regenerates k8s/ so the workloads reference the images by
     * digest. {@code outDir} is where the manifests live (default: the plan file's directory).
     */
    public BuildResult build(Path planFile, ImageOptions options, Path outDir) {
        MigrationPlan plan = PlanCodec.read(planFile);
        if (plan.spec().components().isEmpty()) {
            throw KubeliftException.badInput(planFile.toString(), "has no components, so there is nothing to generate",
                    "add a component to spec.components (docs/plan-format.md)");
        }
        AppFiles app = AppFileTrees.open(AppPaths.appOf(plan, planFile));
        FileSet generated = generator.generate(plan, app, AppSecrets.of(app), GenerateOptions.defaults());
        progress.step("building images for " + plan.metadata().name() + " → " + options.target());
        // A safety net beside the plan: every file the analyzer sees a secret in stays out of the image layers,
        // even when the (possibly edited) plan attaches that secret to no component.
        java.util.Set<String> secretFiles = new java.util.TreeSet<>();
        analyzer.analyze(AppPaths.appOf(plan, planFile), AnalyzeOptions.defaults()).facts()
                .of(io.kubelift.model.FactKind.SECRET).forEach(f -> secretFiles.add(f.evidence().file()));
        BuildResult result = new ImageBuilder(options).build(plan, app, generated, secretFiles);
        Path out = outDir != null ? outDir : planFile.toAbsolutePath().getParent();
        GenerateOptions withImages = new GenerateOptions(GenerateOptions.defaults().environments(), Map.copyOf(result.images()));
        FileSet pinned = generator.generate(plan, app, AppSecrets.of(app), withImages);
        progress.step("writing image references into " + out.resolve("k8s"));
        AtomicWriter.write(out, pinned, false, GENERATED_TREES);
        return result;
    }

    /** Plays the generated manifests locally with podman (a smoke-test runner, not a cluster). */
    public RunResult up(Path outDir, String runtime) {
        requireExists(outDir.resolve("k8s"), "the generated k8s/ directory");
        progress.step("starting " + outDir + " with " + runtime);
        return new LocalRunner(new RunOptions(runtime, null, null)).up(outDir);
    }

    public void down(Path outDir, String runtime) {
        requireExists(outDir, "the output directory");
        progress.step("stopping " + outDir);
        new LocalRunner(new RunOptions(runtime, null, null)).down(outDir);
    }

    /**
     * An app in which nothing runnable was found is not converted (an empty namespace would look like success); the
     * error names the first files that could not be parsed, the usual reason.
     */
    private static void requireComponents(Path app, Analysis analysis) {
        if (!analysis.plan().spec().components().isEmpty()) {
            return;
        }
        List<Problem> broken = analysis.facts().problems().stream().filter(p -> p.kind() == Problem.Kind.PARSE_ERROR).toList();
        String why = broken.isEmpty() ? ""
                : "; " + broken.size() + " file(s) could not be parsed: " + broken.stream().limit(3).map(Problem::describe)
                        .collect(java.util.stream.Collectors.joining("; ")) + (broken.size() > 3 ? "; …" : "");
        throw KubeliftException.badInput(app.toString(),
                "no component to run was found (no start script, launcher, main class or web app kubelift recognises)" + why,
                "fix the files named, or write the plan by hand: kubelift analyze APP -o plan.yaml, add a component "
                        + "(docs/plan-format.md), then kubelift generate plan.yaml -o OUT");
    }

    private static void requireExists(Path p, String what) {
        if (!Files.exists(p)) {
            throw KubeliftException.badInput(p.toString(), "does not exist", "pass " + what);
        }
    }

    private static void writeSingleFile(Path file, String text) {
        try {
            Path abs = file.toAbsolutePath();
            Files.createDirectories(abs.getParent());
            Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
            try {
                Files.writeString(tmp, text);
                Files.move(tmp, abs, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (java.io.IOException e) {
            throw KubeliftException.badInput(file.toString(), "cannot write: " + e.getMessage(), null);
        }
    }
}
