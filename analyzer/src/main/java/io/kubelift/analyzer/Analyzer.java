package io.kubelift.analyzer;

import io.kubelift.analyzer.detect.DetectionContext;
import io.kubelift.analyzer.detect.Detector;
import io.kubelift.analyzer.detect.Detectors;
import io.kubelift.analyzer.jvm.ContainerJvmOptions;
import io.kubelift.analyzer.project.MavenProjectDetector;
import io.kubelift.analyzer.scan.FileTree;
import io.kubelift.analyzer.scan.ScanLimits;
import io.kubelift.model.Component;
import io.kubelift.model.Fact;
import io.kubelift.model.Facts;
import io.kubelift.model.MigrationPlan;
import io.kubelift.model.Names;
import io.kubelift.model.PlanSpec;
import io.kubelift.model.Source;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Any legacy JVM app → evidence-backed facts and a migration plan. Scans the directory or archive safely, parses
 * each file once, interprets the launch scripts, then runs the detectors in order.
 *
 * <p>Thread-safe: one instance may analyse many apps concurrently. Each {@link #analyze} call builds its own scanner,
 * parsers (javaparser's {@code JavaParser} is not thread-safe), fact sink, interpreter and detection context; the
 * detectors it holds are stateless.
 */
public final class Analyzer {
    private final List<Detector> detectors;
    private final ScanLimits limits;

    private Analyzer(List<Detector> detectors, ScanLimits limits) {
        this.detectors = List.copyOf(detectors);
        this.limits = limits;
    }

    public static Analyzer withDefaultDetectors() {
        return new Analyzer(Detectors.defaults(), ScanLimits.DEFAULT);
    }

    /**
     * The default detectors, reading the built-in product profiles and those of {@code profileDirs} (every
     * {@code *.yaml} there; see docs/analyzer.md).
     *
     * @throws io.kubelift.model.KubeliftException BAD_INPUT when a directory or a profile in it cannot be read
     */
    public static Analyzer withProfiles(List<Path> profileDirs) {
        return new Analyzer(Detectors.with(io.kubelift.analyzer.profile.Profiles.load(profileDirs)), ScanLimits.DEFAULT);
    }

    /** An analyzer with other detectors or caps (tests, embedding). */
    public static Analyzer of(List<Detector> detectors, ScanLimits limits) {
        return new Analyzer(detectors, limits);
    }

    /**
     * @throws io.kubelift.model.KubeliftException BAD_INPUT only when the app as a whole is unusable; a bad file is a
     *     problem in the facts
     */
    public Analysis analyze(Path app, AnalyzeOptions options) {
        AnalyzeOptions o = options == null ? AnalyzeOptions.defaults() : options;
        FileTree tree = AppFileTrees.tree(app, limits);
        Inventory inv = Scanner.withDefaultParsers().scan(tree);
        String name = o.planName() != null ? Names.requireDnsLabel(o.planName(), "the plan name") : planName(app);
        DetectionContext ctx = new DetectionContext(inv, name);
        for (Detector d : detectors) {
            d.detect(ctx);
        }
        List<Fact> adapted = new ArrayList<>();
        List<Component> components = new ArrayList<>();
        for (Component c : ctx.components()) {
            components.add(ContainerJvmOptions.apply(inv, c, adapted)); // container-ready JVM options, every detector's
        }
        components.sort(Comparator.comparing(Component::name));
        String source = o.sourcePath() != null ? o.sourcePath() : app.toString();
        MigrationPlan plan = MigrationPlan.of(name, new PlanSpec(new Source(source, ctx.detectors().stream().sorted().toList()), components));
        List<Fact> facts = new ArrayList<>(inv.facts());
        facts.addAll(adapted);
        Facts all = new Facts(facts, inv.problems());
        if (o.project() != null) { // a build project: what its build states completes the plan
            plan = MavenProjectDetector.complete(plan, all, o.project());
        }
        return new Analysis(all, plan, tree);
    }

    static String planName(Path app) {
        Path fn = app.toAbsolutePath().normalize().getFileName();
        String n = fn == null ? "app" : fn.toString();
        n = n.replaceAll("(?i)\\.(tar\\.gz|tgz|tar|zip|jar|war|ear)$", "");
        return Names.dnsLabel(n);
    }
}
