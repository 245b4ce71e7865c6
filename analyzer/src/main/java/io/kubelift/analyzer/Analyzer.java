package io.kubelift.analyzer;

import io.kubelift.analyzer.detect.DetectionContext;
import io.kubelift.analyzer.detect.Detector;
import io.kubelift.analyzer.detect.Detectors;
import io.kubelift.analyzer.jvm.ContainerJvmOptions;
import io.kubelift.analyzer.jvm.SecretArguments;
import io.kubelift.analyzer.project.MavenProjectDetector;
import io.kubelift.analyzer.scan.FileTree;
import io.kubelift.analyzer.scan.ScanLimits;
import io.kubelift.model.Component;
import io.kubelift.model.Fact;
import io.kubelift.model.Facts;
import io.kubelift.model.MigrationPlan;
import io.kubelift.model.Names;
import io.kubelift.model.PlanSpec;
import io.kubelift.model.Problem;
import io.kubelift.model.SecretValue;
import io.kubelift.model.Source;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Any legacy JVM app → evidence-backed facts and a migration plan. Scans the directory or archive
 * safely, parses each file once, interprets the launch scripts, then runs the detectors in order.
 *
 * <p>Thread-safe: one instance may analyse many apps concurrently. Each {@link #analyze} call
 * builds its own scanner, parsers (javaparser's {@code JavaParser} is not thread-safe), fact sink,
 * interpreter and detection context; the detectors it holds are stateless.
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
     * The default detectors, reading the built-in product profiles and those of {@code profileDirs}
     * (every {@code *.yaml} there; see docs/analyzer.md).
     *
     * @throws io.kubelift.model.KubeliftException BAD_INPUT when a directory or a profile in it
     *     cannot be read
     */
    public static Analyzer withProfiles(List<Path> profileDirs) {
        return new Analyzer(
                Detectors.with(io.kubelift.analyzer.profile.Profiles.load(profileDirs)),
                ScanLimits.DEFAULT);
    }

    /** An analyzer with other detectors or caps (tests, embedding). */
    public static Analyzer of(List<Detector> detectors, ScanLimits limits) {
        return new Analyzer(detectors, limits);
    }

    /**
     * @throws io.kubelift.model.KubeliftException BAD_INPUT only when the app as a whole is
     *     unusable; a bad file is a problem in the facts
     */
    public Analysis analyze(Path app, AnalyzeOptions options) {
        AnalyzeOptions o = options == null ? AnalyzeOptions.defaults() : options;
        FileTree tree = AppFileTrees.tree(app, limits);
        Inventory inv = Scanner.withDefaultParsers().scan(tree);
        String name =
                o.planName() != null
                        ? Names.requireDnsLabel(o.planName(), "the plan name")
                        : planName(app);
        DetectionContext ctx = new DetectionContext(inv, name);
        for (Detector d : detectors) {
            d.detect(ctx);
        }
        List<Fact> adapted = new ArrayList<>();
        List<Component> components = new ArrayList<>();
        List<SecretValue> secretValues = new ArrayList<>();
        // a user name is half a credential but not confidential: the same word is ordinary text
        // elsewhere (a jar named
        // like its database user), so it is not masked
        inv.secrets().stream()
                .filter(h -> io.kubelift.model.SecretNames.confidentialKind(h.kind()))
                .forEach(h -> secretValues.add(h.value()));
        List<Problem> problems = new ArrayList<>(inv.problems());
        for (Component c : ctx.components()) {
            Component safe = withoutUnparsedConfig(c, inv.problems(), problems);
            safe = withoutOversizedConfig(safe, tree, problems);
            safe = SecretArguments.uniqueEnvNames(safe); // every secret its own variable
            safe =
                    SecretArguments.apply(
                            safe,
                            inv.secrets(),
                            secretValues); // secrets on the command line → env refs
            components.add(
                    ContainerJvmOptions.apply(
                            inv, safe, adapted)); // container-ready JVM options, every detector's
        }
        components.sort(Comparator.comparing(Component::name));
        String source = o.sourcePath() != null ? o.sourcePath() : app.toString();
        MigrationPlan plan =
                MigrationPlan.of(
                        name,
                        new PlanSpec(
                                new Source(
                                        source,
                                        ctx.detectors().stream().sorted().toList(),
                                        inv.homes(),
                                        inv.installedAt()),
                                components));
        List<Fact> facts = new ArrayList<>(inv.facts());
        facts.addAll(adapted);
        Facts all = new Facts(facts, problems);
        if (o.project() != null) { // a build project: what its build states completes the plan
            plan = MavenProjectDetector.complete(plan, all, o.project());
        }
        // shipped defaults that are also the app's own names (karaf = karaf) stay in the Secret but
        // are not masked
        java.util.Set<String> publicWords =
                io.kubelift.model.SecretMask.publicWords(plan, tree.list());
        List<SecretValue> confidential =
                io.kubelift.model.SecretMask.confidential(secretValues, publicWords);
        // the console and error messages mask them too, by the same rule
        io.kubelift.model.SecretMask.rememberPublic(publicWords);
        io.kubelift.model.SecretMask.remember(secretValues);
        return new Analysis(all, plan, tree, confidential);
    }

    /**
     * Kubernetes refuses an object over 1 MiB; a ConfigMap also holds its YAML around the file, so
     * leave room.
     */
    static final int CONFIGMAP_FILE_LIMIT = 1024 * 1024 - 16 * 1024;

    /**
     * A config file too large for a ConfigMap is left out of the component's configFiles with a
     * note: the app's own copy stays in the image (unless it holds a secret, then it must come from
     * a Secret volume in an overlay).
     */
    static Component withoutOversizedConfig(
            Component c, io.kubelift.model.AppFiles files, List<Problem> notes) {
        List<io.kubelift.model.ConfigFile> kept = new ArrayList<>();
        for (io.kubelift.model.ConfigFile f : c.configFiles()) {
            int size = files.read(f.path()).map(b -> b.length).orElse(0);
            if (size <= CONFIGMAP_FILE_LIMIT) {
                kept.add(f);
                continue;
            }
            boolean secret = c.secrets().stream().anyMatch(r -> r.file().equals(f.path()));
            notes.add(
                    new Problem(
                            Problem.Kind.SKIPPED,
                            f.path(),
                            0,
                            "left out of component "
                                    + c.name()
                                    + "'s ConfigMap: "
                                    + size / 1024
                                    + " KiB is over what a Kubernetes object may hold (1 MiB) — "
                                    + (secret
                                            ? "it holds a secret, so it is not in the image either: mount it from a Secret volume in an overlay"
                                            : "the app's own copy stays in the image; split it or mount it from a volume to change it per environment")));
        }
        return kept.size() == c.configFiles().size() ? c : c.toBuilder().configFiles(kept).build();
    }

    /**
     * A config file that could not be parsed is never copied into a ConfigMap unreviewed: kubelift
     * cannot tell whether it holds a secret, so it is left out of the component with a note saying
     * so and what to do.
     */
    static Component withoutUnparsedConfig(Component c, List<Problem> seen, List<Problem> notes) {
        java.util.Set<String> broken = new java.util.TreeSet<>();
        seen.stream()
                .filter(p -> p.kind() == Problem.Kind.PARSE_ERROR)
                .forEach(p -> broken.add(p.file()));
        List<io.kubelift.model.ConfigFile> kept =
                c.configFiles().stream().filter(f -> !broken.contains(f.path())).toList();
        if (kept.size() == c.configFiles().size()) {
            return c;
        }
        c.configFiles().stream()
                .filter(f -> broken.contains(f.path()))
                .forEach(
                        f ->
                                notes.add(
                                        new Problem(
                                                Problem.Kind.SKIPPED,
                                                f.path(),
                                                0,
                                                "left out of component "
                                                        + c.name()
                                                        + "'s ConfigMap: it could not be parsed, so kubelift cannot "
                                                        + "tell whether it holds a secret — fix it and convert again, or review it and add it to the plan's "
                                                        + "configFiles by hand (or deliver it in a Secret)")));
        // secrets found in such a file by the loose line scan are masked everywhere, but not wired
        // into the plan
        List<io.kubelift.model.SecretRef> secrets =
                c.secrets().stream().filter(r -> !broken.contains(r.file())).toList();
        return c.toBuilder().configFiles(kept).secrets(secrets).build();
    }

    static String planName(Path app) {
        Path fn = app.toAbsolutePath().normalize().getFileName();
        String n = fn == null ? "app" : fn.toString();
        n = n.replaceAll("(?i)\\.(tar\\.gz|tgz|tar|zip|jar|war|ear)$", "");
        return Names.dnsLabel(n);
    }
}
