package io.kubelift.core;

import io.kubelift.analyzer.Analysis;
import io.kubelift.analyzer.AnalyzeOptions;
import io.kubelift.analyzer.Analyzer;
import io.kubelift.analyzer.AppFileTrees;
import io.kubelift.analyzer.AppSecrets;
import io.kubelift.analyzer.project.MavenProjectDetector;
import io.kubelift.checker.CheckInput;
import io.kubelift.checker.CheckOptions;
import io.kubelift.checker.Checker;
import io.kubelift.checker.Report;
import io.kubelift.generator.GenerateOptions;
import io.kubelift.generator.Generator;
import io.kubelift.image.ImageBuilder;
import io.kubelift.image.ImageOptions;
import io.kubelift.image.ProjectImage;
import io.kubelift.model.AppFiles;
import io.kubelift.model.AtomicWriter;
import io.kubelift.model.Component;
import io.kubelift.model.Facts;
import io.kubelift.model.FileSet;
import io.kubelift.model.KubeliftException;
import io.kubelift.model.MigrationPlan;
import io.kubelift.model.PlanCodec;
import io.kubelift.model.PlanSpec;
import io.kubelift.model.ProjectDescriptor;
import io.kubelift.model.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The build-project source behind {@link Kubelift}: a project a build tool describes ({@link
 * ProjectDescriptor}) instead of an installed app. The project directory is analysed like any app,
 * with the build's description handed to the analyzer ({@link MavenProjectDetector} completes the
 * plan with what the build states); a plan the user keeps with the project replaces the inferred
 * one. Never prints, never exits.
 */
final class ProjectSource {
    private final Supplier<Analyzer> analyzer;
    private final Supplier<Generator> generator;
    private final Supplier<Checker> checker;
    private final Progress progress;
    private GenerateOptions generateOptions = GenerateOptions.defaults();
    private Path defaultsFile;

    ProjectSource(
            Supplier<Analyzer> analyzer,
            Supplier<Generator> generator,
            Supplier<Checker> checker,
            Progress progress) {
        this.analyzer = analyzer;
        this.generator = generator;
        this.checker = checker;
        this.progress = progress;
    }

    /**
     * Generation options (layout, secrets mode) and the organisation defaults file for {@code
     * convert} and {@code build}; without a file, {@code kubelift.yaml} in the project's directory
     * is used when present.
     */
    ProjectSource withGenerateOptions(GenerateOptions options, Path defaults) {
        this.generateOptions = options == null ? GenerateOptions.defaults() : options;
        this.defaultsFile = defaults;
        return this;
    }

    private GenerateOptions generateOptions(ProjectDescriptor project) {
        return generateOptions.withOrg(
                io.kubelift.generator.defaults.DefaultsReader.find(
                        defaultsFile, project.baseDir(), null));
    }

    /**
     * The project's plan, written to {@code outDir/plan.yaml} when the project is runnable.
     *
     * @param userPlan a plan kept with the project; used instead of the inferred one when the file
     *     exists
     * @param planName the plan's name (default: the artifactId)
     */
    ProjectPlan analyze(ProjectDescriptor project, Path userPlan, String planName, Path outDir) {
        ProjectPlan plan = plan(project, userPlan, planName, outDir);
        if (plan.runnable()) {
            progress.step("writing " + outDir.resolve(Kubelift.PLAN_FILE));
            AtomicWriter.write(
                    outDir,
                    Kubelift.planFiles(plan.plan(), false),
                    true,
                    List.of(Kubelift.PLAN_FILE, PlanCodec.SCHEMA_FILE));
        }
        return plan;
    }

    /**
     * plan → generate → check, written to {@code outDir} as one set (plan.yaml, k8s/, scripts/,
     * report/), like {@link Kubelift#convert(Path, Path, String, boolean)}. Nothing is written for
     * a project that is not runnable; its conversion has no report. The reports link the check
     * pages at {@code docsUrl} (null: no links).
     */
    ProjectConversion convert(
            ProjectDescriptor project,
            Path userPlan,
            String planName,
            Path outDir,
            CheckOptions checks,
            String docsUrl) {
        ProjectPlan plan = plan(project, userPlan, planName, outDir);
        if (!plan.runnable()) {
            return new ProjectConversion(plan, new FileSet(), null, outDir);
        }
        progress.step("generating " + plan.plan().metadata().name());
        FileSet generated =
                generator
                        .get()
                        .generate(
                                plan.plan(),
                                plan.files(),
                                AppSecrets.of(plan.files()),
                                generateOptions(project));
        progress.step("checking " + project.artifactId());
        Report report =
                checker.get()
                        .check(
                                CheckInput.ofConversion(
                                        project.artifactId(),
                                        plan.files(),
                                        plan.facts(),
                                        plan.plan(),
                                        Kubelift.generatedSources(generated)),
                                checks);
        FileSet all = Kubelift.planFiles(plan.plan(), false);
        all.addAll("", generated);
        if (!project.isAggregator()) {
            // the plan is current, the images are not built yet: a following kubelift:build pins
            // them without a new analysis
            String inputs =
                    ProjectBuildState.inputs(
                            project, userPlan, planName, sourcePath(project.baseDir(), outDir));
            all.add(
                    ProjectBuildState.FILE,
                    ProjectBuildState.of(inputs, Map.of(), secretResources(plan), all).toJson());
        }
        all.addAll(Kubelift.REPORT_DIR, Kubelift.renderAll(report, docsUrl));
        progress.step("writing " + outDir);
        AtomicWriter.write(outDir, all, true);
        return new ProjectConversion(plan, all, report, outDir);
    }

    /**
     * Builds one image per component from the project's own output ({@link ImageBuilder}), then
     * writes plan.yaml, k8s/ and scripts/ to {@code outDir} with the workloads referencing the
     * images by digest.
     *
     * <p>Incremental: the output records a hash of the plan's inputs ({@link ProjectBuildState}).
     * When the project's files, the build's description of it, the kept plan and kubelift are
     * unchanged, and the output is as it was written, the project is not analysed again: the images
     * are built from the recorded plan. When, in addition, the images come out with the recorded
     * references, nothing is regenerated or written. A changed class therefore means a new image
     * and manifests pinned to it; a changed source, resource or POM a new analysis as well. {@link
     * #convert} records the same state without images, so a build right after {@code
     * kubelift:generate} pins the images without analysing again.
     */
    ProjectBuild build(
            ProjectDescriptor project,
            Path userPlan,
            String planName,
            Path outDir,
            ImageOptions options) {
        String inputs =
                project.isAggregator()
                        ? null
                        : ProjectBuildState.inputs(
                                project, userPlan, planName, sourcePath(project.baseDir(), outDir));
        ProjectBuildState previous = inputs == null ? null : ProjectBuildState.read(outDir);
        boolean analysisUpToDate = previous != null && previous.inputs().equals(inputs);
        ProjectPlan plan;
        Set<String> secretResources;
        if (analysisUpToDate) {
            progress.step(
                    "plan up to date (project unchanged since the last kubelift:build or kubelift:generate): "
                            + outDir.resolve(Kubelift.PLAN_FILE));
            plan =
                    new ProjectPlan(
                            PlanCodec.read(outDir.resolve(Kubelift.PLAN_FILE)),
                            null,
                            null,
                            userPlan != null && Files.isRegularFile(userPlan),
                            outDir.resolve(Kubelift.PLAN_FILE));
            secretResources = previous.secretResources();
        } else {
            plan = plan(project, userPlan, planName, outDir);
            if (!plan.runnable()) {
                return new ProjectBuild(plan, List.of(), new FileSet(), outDir, true, false);
            }
            secretResources = secretResources(plan);
        }
        ImageBuilder images = new ImageBuilder(options);
        List<ProjectImage> built = new ArrayList<>();
        Map<String, String> refs = new TreeMap<>();
        List<Component> components = plan.plan().spec().components();
        for (Component c : components) {
            progress.step("building the image of " + c.name() + " → " + options.target());
            ProjectImage image = images.build(project, c, components.size() == 1, secretResources);
            built.add(image);
            refs.put(c.name(), image.reference());
        }
        if (analysisUpToDate && previous.images().equals(refs)) {
            progress.step(
                    "plan.yaml, k8s/ and scripts/ up to date (same inputs, same image digests): "
                            + outDir);
            return new ProjectBuild(plan, built, new FileSet(), outDir, false, false);
        }
        AppFiles files = plan.files();
        if (files == null) { // the plan was reused, the files it was made from are needed for the
            // manifests
            files = AppFileTrees.open(ProjectSnapshot.stage(project));
        }
        GenerateOptions withImages = generateOptions(project).withImages(Map.copyOf(refs));
        FileSet pinned =
                generator.get().generate(plan.plan(), files, AppSecrets.of(files), withImages);
        FileSet all = Kubelift.planFiles(plan.plan(), false);
        all.addAll("", pinned);
        all.add(
                ProjectBuildState.FILE,
                ProjectBuildState.of(inputs, refs, secretResources, all).toJson());
        progress.step("writing image references into " + outDir.resolve("k8s"));
        List<String> owned = new ArrayList<>(Kubelift.GENERATED_TREES);
        owned.add(Kubelift.PLAN_FILE);
        owned.add(ProjectBuildState.FILE);
        AtomicWriter.write(outDir, all, true, owned);
        return new ProjectBuild(plan, built, all, outDir, !analysisUpToDate, true);
    }

    /**
     * Resource paths (relative to the classes directory) of every file the analysis saw a secret
     * in.
     */
    static Set<String> secretResources(ProjectPlan plan) {
        Set<String> files = new TreeSet<>();
        plan.plan().spec().components().forEach(c -> c.secrets().forEach(s -> files.add(s.file())));
        if (plan.facts() != null) {
            plan.facts()
                    .of(io.kubelift.model.FactKind.SECRET)
                    .forEach(f -> files.add(f.evidence().file()));
        }
        Set<String> resources = new TreeSet<>();
        for (String f : files) {
            int at = f.indexOf("src/main/resources/");
            resources.add(at >= 0 ? f.substring(at + "src/main/resources/".length()) : f);
        }
        return resources;
    }

    private ProjectPlan plan(
            ProjectDescriptor project, Path userPlan, String planName, Path outDir) {
        String sourcePath = sourcePath(project.baseDir(), outDir);
        if (project.isAggregator()) {
            return new ProjectPlan(
                    MavenProjectDetector.empty(project, planName, sourcePath),
                    new Facts(List.of(), List.of()),
                    null,
                    false,
                    null);
        }
        if (!Files.isDirectory(project.baseDir())) {
            throw KubeliftException.badInput(
                    project.baseDir().toString(),
                    "the project directory does not exist",
                    "run from the project's directory");
        }
        progress.step("analysing " + project.baseDir());
        Path snapshot = ProjectSnapshot.stage(project);
        Analysis analysis =
                analyzer.get()
                        .analyze(
                                snapshot,
                                new AnalyzeOptions(
                                        planName != null
                                                ? planName
                                                : io.kubelift.model.Names.dnsLabel(
                                                        project.artifactId()),
                                        sourcePath,
                                        project));
        Path planFile = outDir.resolve(Kubelift.PLAN_FILE);
        if (userPlan != null && Files.isRegularFile(userPlan)) {
            progress.step("using the plan " + userPlan);
            MigrationPlan kept = PlanCodec.read(userPlan);
            MigrationPlan moved =
                    new MigrationPlan(
                            kept.apiVersion(),
                            kept.kind(),
                            kept.metadata(),
                            new PlanSpec(
                                    new Source(sourcePath, kept.spec().source().detectors()),
                                    kept.spec().components()));
            return new ProjectPlan(moved, analysis.facts(), analysis.files(), true, planFile);
        }
        MigrationPlan completed =
                analysis.plan(); // completed by the analyzer's MavenProjectDetector
        MigrationPlan named =
                planName == null
                        ? completed
                        : new MigrationPlan(
                                completed.apiVersion(),
                                completed.kind(),
                                new io.kubelift.model.PlanMetadata(
                                        io.kubelift.model.Names.dnsLabel(planName)),
                                completed.spec());
        ProjectPlan result =
                new ProjectPlan(
                        new MigrationPlan(
                                named.apiVersion(),
                                named.kind(),
                                named.metadata(),
                                new PlanSpec(
                                        new Source(sourcePath, named.spec().source().detectors()),
                                        named.spec().components())),
                        analysis.facts(),
                        analysis.files(),
                        false,
                        planFile);
        return result.runnable()
                ? result
                : new ProjectPlan(result.plan(), result.facts(), result.files(), false, null);
    }

    /**
     * The plan's {@code spec.source.path}: the project directory relative to where the plan is
     * written.
     */
    static String sourcePath(Path baseDir, Path outDir) {
        Path a = baseDir.toAbsolutePath().normalize();
        Path d = outDir.toAbsolutePath().normalize();
        try {
            String rel = d.relativize(a).toString().replace('\\', '/');
            return rel.isEmpty() ? "." : rel;
        } catch (IllegalArgumentException e) {
            return a.toString();
        }
    }
}
