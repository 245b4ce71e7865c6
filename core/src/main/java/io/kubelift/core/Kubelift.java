package io.kubelift.core;

import io.kubelift.analyzer.Analysis;
import io.kubelift.analyzer.AnalyzeOptions;
import io.kubelift.analyzer.Analyzer;
import io.kubelift.analyzer.AppFileTrees;
import io.kubelift.analyzer.AppSecrets;
import io.kubelift.analyzer.SecretFiles;
import io.kubelift.checker.CheckInput;
import io.kubelift.checker.CheckOptions;
import io.kubelift.checker.Checker;
import io.kubelift.checker.ManifestSource;
import io.kubelift.checker.Manifests;
import io.kubelift.checker.Report;
import io.kubelift.checker.ReportRenderers;
import io.kubelift.generator.GenerateOptions;
import io.kubelift.generator.Generator;
import io.kubelift.image.BuildResult;
import io.kubelift.image.ImageBuilder;
import io.kubelift.image.ImageOptions;
import io.kubelift.model.AppFiles;
import io.kubelift.model.AtomicWriter;
import io.kubelift.model.FileSet;
import io.kubelift.model.KubeliftException;
import io.kubelift.model.ManifestFiles;
import io.kubelift.model.MigrationPlan;
import io.kubelift.model.PlanCodec;
import io.kubelift.model.Problem;
import io.kubelift.model.ProjectDescriptor;
import io.kubelift.runner.LocalRunner;
import io.kubelift.runner.RunOptions;
import io.kubelift.runner.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one entry point both front ends (CLI, Maven plugin) call. Each method is one use case over
 * one of two sources: an installed app (a directory or archive: {@code analyze}, {@code generate},
 * {@code convert}, {@code check}, {@code build} by path or plan file) or a project a build tool
 * describes ({@link ProjectDescriptor}: the same use cases taking the descriptor, see {@link
 * ProjectSource}). It never prints and never exits: results are returned, progress goes to {@link
 * Progress}, user errors are {@link KubeliftException}s.
 */
public final class Kubelift {
    /**
     * Subtrees of an output directory that {@code generate} and {@code build} own (convert owns all
     * of it).
     */
    static final List<String> GENERATED_TREES =
            List.of(
                    "k8s/",
                    "scripts/",
                    "chart/",
                    "secrets/",
                    ".github/workflows/kubelift-",
                    ".tekton/kubelift-",
                    ".gitlab-ci.yml",
                    "argocd/");

    public static final String PLAN_FILE = "plan.yaml";
    public static final String REPORT_DIR = "report/";

    private final Supplier<Analyzer> analyzer;
    private final Supplier<Generator> generator;
    private final Supplier<Checker> checker;
    private final Progress progress;
    private final ProjectSource projects;

    /**
     * The default analyzer, generator and checker, each made when first needed: a build whose plan
     * and manifests are up to date loads none of them, {@code build} never loads the checker and
     * {@code up} none at all.
     */
    public Kubelift(Progress progress) {
        this(
                once(Analyzer::withDefaultDetectors),
                once(Generator::withDefaults),
                once(Checker::withDefaultChecks),
                progress);
    }

    /**
     * The default facade whose analyzer also reads the product profiles of {@code profileDirs}
     * (every {@code *.yaml} there, see docs/analyzer.md); none → the built-in profiles only.
     *
     * @throws KubeliftException BAD_INPUT when a directory or a profile in it cannot be read
     */
    public static Kubelift withProfiles(Progress progress, List<Path> profileDirs) {
        if (profileDirs == null || profileDirs.isEmpty()) {
            return new Kubelift(progress);
        }
        return new Kubelift(
                Analyzer.withProfiles(profileDirs),
                Generator.withDefaults(),
                Checker.withDefaultChecks(),
                progress);
    }

    public Kubelift(Analyzer analyzer, Generator generator, Checker checker, Progress progress) {
        this(() -> analyzer, () -> generator, () -> checker, progress);
    }

    private Kubelift(
            Supplier<Analyzer> analyzer,
            Supplier<Generator> generator,
            Supplier<Checker> checker,
            Progress progress) {
        this.analyzer = analyzer;
        this.generator = generator;
        this.checker = checker;
        this.progress = progress == null ? Progress.SILENT : progress;
        this.projects = new ProjectSource(analyzer, generator, checker, this.progress);
    }

    /**
     * Generation options (layout, secrets mode) and the organisation defaults file for the
     * build-project source's {@code convert} and {@code build}; without a file, {@code
     * kubelift.yaml} in the project's directory is used when present. (The installed-app methods
     * take them per call.)
     */
    public Kubelift withGenerateOptions(GenerateOptions options, Path defaults) {
        projects.withGenerateOptions(options, defaults);
        return this;
    }

    /** A supplier that makes its value on the first call and returns the same one afterwards. */
    private static <T> Supplier<T> once(Supplier<T> make) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = make.get();
                }
                return value;
            }
        };
    }

    /**
     * The same facade with the rule files below {@code rulesDir} added to the checks ({@code
     * --rules DIR}); rules whose conditions kubelift does not evaluate are skipped and named
     * through the progress listener.
     */
    public Kubelift withRules(Path rulesDir) {
        if (rulesDir == null) {
            return this;
        }
        io.kubelift.checker.rules.RuleFiles.Loaded loaded =
                io.kubelift.checker.rules.RuleFiles.load(rulesDir);
        loaded.skipped().forEach(s -> progress.step(s));
        List<io.kubelift.checker.Check> checks =
                new ArrayList<>(io.kubelift.checker.DefaultChecks.all());
        checks.addAll(loaded.checks());
        Checker withRules = new Checker(checks);
        return new Kubelift(analyzer, generator, () -> withRules, progress);
    }

    /**
     * Analyses {@code app} and, when {@code planFile} is given, writes the plan there atomically; a
     * plan there that a person edited (or kubelift did not write) is not overwritten.
     */
    public Analysis analyze(Path app, Path planFile, String planName) {
        return analyze(app, planFile, planName, false, false);
    }

    /**
     * As above; {@code force} overwrites an edited plan, {@code merge} keeps the person's edits and
     * adds what the analysis finds (the returned analysis then holds the merged plan).
     */
    public Analysis analyze(
            Path app, Path planFile, String planName, boolean force, boolean merge) {
        return analyze(app, planFile, planName, force, merge, false);
    }

    /**
     * As above; {@code fullEvidence} writes evidence as {file, line, text} objects instead of one
     * line per fact.
     */
    public Analysis analyze(
            Path app,
            Path planFile,
            String planName,
            boolean force,
            boolean merge,
            boolean fullEvidence) {
        if (force && merge) {
            throw KubeliftException.usage(
                    "--force and --merge exclude each other",
                    "--merge keeps your edits, --force drops them");
        }
        if (planName != null) {
            io.kubelift.model.Names.requireDnsLabel(planName, "the plan name"); // before any work
        }
        PlanFiles.Mode mode =
                merge
                        ? PlanFiles.Mode.MERGE
                        : force ? PlanFiles.Mode.FORCE : PlanFiles.Mode.PROTECT;
        if (planFile != null) {
            PlanFiles.check(planFile, mode); // before the analysis: an edited plan fails at once
        }
        requireExists(app, "the app to analyse");
        Path planDir = planFile == null ? Path.of("") : planFile.toAbsolutePath().getParent();
        progress.step("analysing " + app);
        Analysis analysis =
                analyzer.get()
                        .analyze(
                                app,
                                new AnalyzeOptions(planName, AppPaths.sourcePathFor(app, planDir)));
        if (planFile != null) {
            MigrationPlan plan = PlanFiles.planToWrite(planFile, analysis.plan(), mode);
            PlanFiles.write(
                    planFile,
                    masked(
                            analysis.secretMask(),
                            PlanCodec.toPlanYaml(plan, PlanCodec.SCHEMA_FILE, fullEvidence),
                            planFile.toString()),
                    mode);
            analysis =
                    new Analysis(analysis.facts(), plan, analysis.files(), analysis.secretValues());
        }
        return analysis;
    }

    /**
     * A person's edit made by command ({@code kubelift override}): sets {@code key} of the config
     * file {@code file} of {@code component} in the plan to {@code value}, with {@code reason}, as
     * a {@code configOverrides} entry. {@code generate} (or {@code build}) then writes it into the
     * component's ConfigMap. The plan counts as edited by a person afterwards.
     */
    public MigrationPlan override(
            Path planFile, String component, String file, String key, String value, String reason) {
        requireExists(planFile, "the plan");
        return PlanEdits.override(planFile, component, file, key, value, reason);
    }

    /** Generates k8s/ and scripts/ into {@code outDir} from a plan file. */
    public FileSet generate(Path planFile, Path outDir, boolean force) {
        return generate(planFile, outDir, force, GenerateOptions.defaults(), null);
    }

    /**
     * Generates into {@code outDir} with {@code options} (layout, secrets mode); the organisation
     * defaults come from {@code config}, else {@code kubelift.yaml} in the app or the working
     * directory.
     */
    public FileSet generate(
            Path planFile, Path outDir, boolean force, GenerateOptions options, Path config) {
        MigrationPlan plan = PlanCodec.read(planFile);
        if (plan.spec().components().isEmpty()) {
            throw KubeliftException.badInput(
                    planFile.toString(),
                    "has no components, so there is nothing to generate",
                    "add a component to spec.components (docs/plan-format.md)");
        }
        AppFiles app = AppFileTrees.open(AppPaths.appOf(plan, planFile));
        progress.step("generating " + plan.metadata().name() + " into " + outDir);
        Path appDir = AppPaths.appOf(plan, planFile);
        GenerateOptions opts =
                options.withOrg(
                        io.kubelift.generator.defaults.DefaultsReader.find(
                                config,
                                java.nio.file.Files.isDirectory(appDir) ? appDir : null,
                                Path.of("").toAbsolutePath()));
        AppSecrets secrets = AppSecrets.of(app);
        FileSet files =
                masked(
                        planMask(plan, app, secrets),
                        generator.get().generate(plan, app, secrets, opts));
        AtomicWriter.write(outDir, files, force, GENERATED_TREES);
        return files;
    }

    /**
     * One apply-ready YAML for environment {@code env}, from a plan file or an output directory
     * holding {@code plan.yaml} (what {@code convert} writes); written atomically to {@code output}
     * when given. Holds no secret value (docs/deploy.md).
     */
    public String render(
            Path planOrOut, String env, Path output, GenerateOptions options, Path config) {
        requireExists(planOrOut, "the plan or output directory to render");
        Path planFile = Files.isDirectory(planOrOut) ? planOrOut.resolve(PLAN_FILE) : planOrOut;
        if (!Files.isRegularFile(planFile)) {
            throw KubeliftException.badInput(
                    planOrOut.toString(),
                    "holds no " + PLAN_FILE,
                    "give the plan file, or the output directory of 'kubelift convert'");
        }
        MigrationPlan plan = PlanCodec.read(planFile);
        Path appDir = AppPaths.appOf(plan, planFile);
        AppFiles app = AppFileTrees.open(appDir);
        GenerateOptions opts =
                options.withOrg(
                        io.kubelift.generator.defaults.DefaultsReader.find(
                                config,
                                Files.isDirectory(appDir) ? appDir : null,
                                Path.of("").toAbsolutePath()));
        progress.step("rendering " + plan.metadata().name() + " for " + env);
        AppSecrets secrets = AppSecrets.of(app);
        String text =
                masked(
                        planMask(plan, app, secrets),
                        generator.get().render(plan, app, secrets, opts, env),
                        output == null ? "the rendered YAML" : output.toString());
        if (output != null) {
            try {
                Path abs = output.toAbsolutePath();
                Files.createDirectories(abs.getParent());
                PlanFiles.replace(abs, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw KubeliftException.badInput(
                        output.toString(),
                        "cannot write: " + e.getMessage(),
                        "check the directory is writable and the disk has space");
            }
        }
        return text;
    }

    /** The result of a conversion: the analysis, what was written, and the compliance report. */
    public record Conversion(Analysis analysis, FileSet files, Report report, Path outDir) {}

    /**
     * analyze → plan.yaml → generate → check, written to {@code outDir} as one atomic set:
     * plan.yaml, k8s/, scripts/ and report/ (every report format). The report covers the app's
     * facts, the plan and the generated manifests, so it shows both the legacy violations and that
     * the output fixes them.
     */
    public Conversion convert(Path app, Path outDir, String planName, boolean force) {
        return convert(app, outDir, planName, force, GenerateOptions.defaults(), null, false);
    }

    /**
     * As above; {@code fullEvidence} writes the plan's evidence as objects instead of one line per
     * fact.
     */
    public Conversion convert(
            Path app, Path outDir, String planName, boolean force, boolean fullEvidence) {
        return convert(
                app, outDir, planName, force, GenerateOptions.defaults(), null, fullEvidence);
    }

    /**
     * {@link #convert(Path, Path, String, boolean)} with generation options and a defaults file
     * (see {@link #generate(Path, Path, boolean, GenerateOptions, Path)}); {@code fullEvidence}
     * writes the plan's evidence as objects instead of one line per fact.
     */
    public Conversion convert(
            Path app,
            Path outDir,
            String planName,
            boolean force,
            GenerateOptions options,
            Path config,
            boolean fullEvidence) {
        if (planName != null) {
            io.kubelift.model.Names.requireDnsLabel(planName, "the plan name"); // before any work
        }
        requireExists(app, "the app to convert");
        progress.step("analysing " + app);
        Analysis analysis =
                analyzer.get()
                        .analyze(
                                app,
                                new AnalyzeOptions(planName, AppPaths.sourcePathFor(app, outDir)));
        requireComponents(app, analysis);
        progress.step("generating " + analysis.plan().metadata().name());
        GenerateOptions opts =
                options.withOrg(
                        io.kubelift.generator.defaults.DefaultsReader.find(
                                config,
                                java.nio.file.Files.isDirectory(app) ? app : null,
                                Path.of("").toAbsolutePath()));
        FileSet generated =
                generator
                        .get()
                        .generate(
                                analysis.plan(),
                                analysis.files(),
                                AppSecrets.of(analysis.files()),
                                opts);
        progress.step("checking");
        Report report =
                checker.get()
                        .check(
                                CheckInput.ofConversion(
                                        app.getFileName() == null
                                                ? app.toString()
                                                : app.getFileName().toString(),
                                        analysis.files(),
                                        analysis.facts(),
                                        analysis.plan(),
                                        generatedSources(generated)),
                                CheckOptions.defaults());
        FileSet all = planFiles(analysis.plan(), fullEvidence);
        all.addAll("", generated);
        all.addAll(REPORT_DIR, renderAll(report));
        all = masked(analysis.secretMask(), all);
        progress.step("writing " + outDir);
        AtomicWriter.write(outDir, all, force);
        return new Conversion(analysis, all, report, outDir);
    }

    /**
     * A plan as written to disk: {@code plan.yaml} (schema line, compact evidence unless {@code
     * fullEvidence}, block scalars) and the schema its first line points editors at ({@link
     * PlanCodec#SCHEMA_FILE}).
     */
    public static FileSet planFiles(MigrationPlan plan, boolean fullEvidence) {
        return new FileSet()
                .add(PLAN_FILE, PlanCodec.toPlanYaml(plan, PlanCodec.SCHEMA_FILE, fullEvidence))
                .add(PlanCodec.SCHEMA_FILE, io.kubelift.model.PlanSchema.generate());
    }

    /** The generated manifests and scripts, for the checker's before → after comparison. */
    static List<ManifestSource> generatedSources(FileSet generated) {
        List<ManifestSource> out = new ArrayList<>();
        generated
                .files()
                .forEach(
                        (path, entry) -> {
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

    /**
     * Every report format; SARIF and HTML link the check pages under {@code docsUrl} when it is
     * given.
     */
    public static FileSet renderAll(Report report, String docsUrl) {
        FileSet files = new FileSet();
        for (String format : ReportRenderers.formats()) {
            files.add(
                    ReportRenderers.fileName(format),
                    ReportRenderers.forFormat(format, docsUrl).render(report));
        }
        return files;
    }

    /** What {@code check} looked at and found. */
    public record CheckRun(Report report, boolean manifestsOnly) {}

    /**
     * Checks an app (directory or archive: analysed first) or Kubernetes YAML (a file, or a
     * directory holding only manifests). {@code manifests} forces the latter reading of a
     * directory.
     */
    public CheckRun check(Path target, CheckOptions options, boolean manifests) {
        requireExists(target, "the path to check");
        String rootName =
                target.getFileName() == null ? target.toString() : target.getFileName().toString();
        if (manifests || ManifestFiles.looksLikeManifests(target)) {
            progress.step("checking Kubernetes manifests in " + target);
            List<ManifestSource> docs = Manifests.load(target);
            return new CheckRun(
                    checker.get().check(new CheckInput(rootName, null, null, null, docs), options),
                    true);
        }
        progress.step("analysing " + target);
        Analysis analysis =
                analyzer.get().analyze(target, new AnalyzeOptions(null, target.toString()));
        progress.step("checking");
        // The app as installed and what generate would write for it (in memory): before → after
        // scores.
        List<ManifestSource> generated = List.of();
        if (!analysis.plan().spec().components().isEmpty()) {
            try {
                generated =
                        generatedSources(
                                generator
                                        .get()
                                        .generate(
                                                analysis.plan(),
                                                analysis.files(),
                                                AppSecrets.of(analysis.files()),
                                                GenerateOptions.defaults()));
            } catch (io.kubelift.model.KubeliftException e) {
                progress.step(
                        "not comparing before → after: the inferred plan does not generate ("
                                + e.getMessage()
                                + ")");
            }
        }
        Report report =
                checker.get()
                        .check(
                                CheckInput.ofConversion(
                                        rootName,
                                        analysis.files(),
                                        analysis.facts(),
                                        analysis.plan(),
                                        generated),
                                options);
        return new CheckRun(report, false);
    }

    /**
     * Builds one image per component with Jib, then regenerates k8s/ so the workloads reference the
     * images by digest. {@code outDir} is where the manifests live (default: the plan file's
     * directory).
     */
    public BuildResult build(Path planFile, ImageOptions options, Path outDir) {
        MigrationPlan plan = PlanCodec.read(planFile);
        if (plan.spec().components().isEmpty()) {
            throw KubeliftException.badInput(
                    planFile.toString(),
                    "has no components, so there is nothing to generate",
                    "add a component to spec.components (docs/plan-format.md)");
        }
        AppFiles app = AppFileTrees.open(AppPaths.appOf(plan, planFile));
        FileSet generated =
                generator.get().generate(plan, app, AppSecrets.of(app), GenerateOptions.defaults());
        progress.step("building images for " + plan.metadata().name() + " → " + options.target());
        // A safety net beside the plan's secrets: every file a parser sees a secret in stays out of
        // the image layers,
        // even when the (possibly edited) plan attaches that secret to no component. Only the
        // secret rules run.
        BuildResult result =
                new ImageBuilder(options)
                        .build(
                                plan,
                                AppWithHomes.of(app, plan, planFile),
                                generated,
                                SecretFiles.of(app));
        Path out = outDir != null ? outDir : planFile.toAbsolutePath().getParent();
        GenerateOptions withImages =
                new GenerateOptions(
                        GenerateOptions.defaults().environments(), Map.copyOf(result.images()));
        AppSecrets appSecrets = AppSecrets.of(app);
        FileSet pinned =
                masked(
                        planMask(plan, app, appSecrets),
                        generator.get().generate(plan, app, appSecrets, withImages));
        progress.step("writing image references into " + out.resolve("k8s"));
        AtomicWriter.write(out, pinned, false, GENERATED_TREES);
        return result;
    }

    /**
     * The plan of a build project, written to {@code outDir/plan.yaml} when the project is
     * runnable.
     *
     * @param userPlan a plan kept with the project; used instead of the inferred one when the file
     *     exists
     * @param planName the plan's name (default: the artifactId)
     */
    public ProjectPlan analyze(
            ProjectDescriptor project, Path userPlan, String planName, Path outDir) {
        return projects.analyze(project, userPlan, planName, outDir);
    }

    /**
     * A build project's plan → generate → check, written to {@code outDir} as one set (plan.yaml,
     * k8s/, scripts/, report/). Nothing is written for a project that is not runnable; its
     * conversion has no report. The reports link the check pages published at {@code docsUrl}
     * (SARIF {@code helpUri}, HTML links); null: no links.
     */
    public ProjectConversion convert(
            ProjectDescriptor project,
            Path userPlan,
            String planName,
            Path outDir,
            CheckOptions checks,
            String docsUrl) {
        return projects.convert(project, userPlan, planName, outDir, checks, docsUrl);
    }

    /**
     * Builds one image per component of a build project from the project's own output, then writes
     * plan.yaml, k8s/ and scripts/ to {@code outDir} with the workloads referencing the images by
     * digest; incremental (see {@link ProjectSource#build}).
     */
    public ProjectBuild build(
            ProjectDescriptor project,
            Path userPlan,
            String planName,
            Path outDir,
            ImageOptions options) {
        return projects.build(project, userPlan, planName, outDir, options);
    }

    /** Plays the generated manifests locally with podman (a smoke-test runner, not a cluster). */
    public RunResult up(Path outDir, String runtime) {
        requireExists(outDir.resolve("k8s"), "the generated k8s/ directory");
        progress.step("starting " + outDir + " with " + runtime);
        return new LocalRunner(new RunOptions(runtime, null, null)).up(outDir);
    }

    public void down(Path outDir, String runtime) {
        down(outDir, runtime, false);
    }

    /**
     * Removes what {@code up} started; the volumes of PersistentVolumeClaims stay (as on a cluster)
     * unless {@code removeClaims}.
     */
    public void down(Path outDir, String runtime, boolean removeClaims) {
        requireExists(outDir, "the output directory");
        progress.step("stopping " + outDir);
        new LocalRunner(new RunOptions(runtime, null, null)).down(outDir, removeClaims);
    }

    /**
     * An app in which nothing runnable was found is not converted (an empty namespace would look
     * like success); the error names the first files that could not be parsed, the usual reason.
     */
    private static void requireComponents(Path app, Analysis analysis) {
        if (!analysis.plan().spec().components().isEmpty()) {
            return;
        }
        List<Problem> broken =
                analysis.facts().problems().stream()
                        .filter(p -> p.kind() == Problem.Kind.PARSE_ERROR)
                        .toList();
        String why =
                broken.isEmpty()
                        ? ""
                        : "; "
                                + broken.size()
                                + " file(s) could not be parsed: "
                                + broken.stream()
                                        .limit(3)
                                        .map(Problem::describe)
                                        .collect(java.util.stream.Collectors.joining("; "))
                                + (broken.size() > 3 ? "; …" : "");
        throw KubeliftException.badInput(
                app.toString(),
                "no component to run was found (no start script, launcher, main class or web app kubelift recognises)"
                        + why,
                "fix the files named, or write the plan by hand: kubelift analyze APP -o plan.yaml, add a component "
                        + "(docs/plan-format.md), then kubelift generate plan.yaml -o OUT");
    }

    /**
     * The one masking step before anything is written: every secret value the run knows, in every
     * form, is replaced by {@code ****} in every file but the Secret inputs. A value it still finds
     * is a place the plan does not wire to the Secret: the run says where, so the user can list it
     * in the plan's secrets.
     */
    private FileSet masked(io.kubelift.model.SecretMask mask, FileSet files) {
        io.kubelift.model.SecretMask.Masked m = mask.maskFiles(files);
        // reports quote the app's own lines (a secret's line among them): masking there is the
        // normal path; anywhere
        // else a masked value is a place the plan does not wire to the Secret, and the user should
        // know
        List<String> unwired =
                m.maskedPaths().stream().filter(p -> !p.startsWith(REPORT_DIR)).toList();
        if (!unwired.isEmpty()) {
            progress.step(
                    "masked secret values (****) in "
                            + String.join(", ", unwired)
                            + ": the plan does not move them to the Secret there; list them in the plan's secrets or review those files");
        }
        return m.files();
    }

    /** A YAML text (the plan, rendered YAML) masked and still valid YAML. */
    private String masked(io.kubelift.model.SecretMask mask, String text, String where) {
        String out = mask.maskYaml(text);
        if (!out.equals(text)) {
            progress.step("masked secret values (****) in " + where);
        }
        return out;
    }

    /**
     * The mask of the values of every secret a plan names (for generate and build, which have no
     * analysis).
     */
    private static io.kubelift.model.SecretMask planMask(
            MigrationPlan plan, AppFiles app, io.kubelift.model.SecretSource secrets) {
        List<io.kubelift.model.SecretValue> values = new ArrayList<>();
        plan.spec()
                .components()
                .forEach(c -> c.secrets().forEach(r -> secrets.valueOf(r).ifPresent(values::add)));
        java.util.Set<String> publicWords =
                io.kubelift.model.SecretMask.publicWords(plan, app.list());
        io.kubelift.model.SecretMask.rememberPublic(publicWords); // the console: the same rule
        return io.kubelift.model.SecretMask.of(values, publicWords);
    }

    private static void requireExists(Path p, String what) {
        if (p.toString().isBlank()) {
            // Path.of("") is the current directory: an empty argument (an unset shell variable)
            // must not analyse it
            throw KubeliftException.badInput("\"\"", "is an empty path", "pass " + what);
        }
        if (!Files.exists(p)) {
            throw KubeliftException.badInput(p.toString(), "does not exist", "pass " + what);
        }
    }
}
