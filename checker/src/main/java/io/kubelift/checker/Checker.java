package io.kubelift.checker;

import io.kubelift.checker.k8s.ManifestBundle;
import io.kubelift.model.Finding;
import io.kubelift.model.KubeliftException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs twelve-factor (+3) checks over an app's facts, a plan and Kubernetes manifests, and scores
 * the result.
 */
public final class Checker {
    private static final Comparator<Finding> ORDER =
            Comparator.comparing((Finding f) -> f.file() == null ? "" : f.file())
                    .thenComparingInt(Finding::line)
                    .thenComparing(Finding::checkId)
                    .thenComparing(Finding::message);

    private final List<Check> checks;

    public Checker(List<Check> checks) {
        Set<String> ids = new HashSet<>();
        for (Check c : checks) {
            if (!ids.add(c.info().id())) {
                throw new IllegalArgumentException(
                        "check id " + c.info().id() + " is registered twice");
            }
        }
        this.checks = checks.stream().sorted(Comparator.comparing(c -> c.info().id())).toList();
    }

    /** Every check kubelift ships. */
    public static Checker withDefaultChecks() {
        return new Checker(DefaultChecks.all());
    }

    public List<CheckInfo> checks() {
        return checks.stream().map(Check::info).toList();
    }

    public Report check(CheckInput input, CheckOptions options) {
        CheckOptions opts = options == null ? CheckOptions.defaults() : options;
        Set<String> known = new TreeSet<>(checks.stream().map(c -> c.info().id()).toList());
        for (String id : opts.disabled()) {
            if (!known.contains(id)) {
                throw KubeliftException.usage(
                        "unknown check id '" + id + "' in --disable",
                        "run 'kubelift check --list' or see docs/checker.md for the ids");
            }
        }
        GeneratedOutput out =
                input.generated().isEmpty() ? null : GeneratedOutput.of(input.generated());
        List<ManifestSource> manifests =
                input.manifests().isEmpty() && out != null
                        ? out.manifestSources()
                        : input.manifests();
        ManifestBundle bundle = ManifestBundle.parse(manifests);
        CheckContext ctx = new CheckContext(input.app(), input.facts(), input.plan(), bundle);
        Set<CheckSource> sources = EnumSet.noneOf(CheckSource.class);
        for (CheckSource s : CheckSource.values()) {
            if (ctx.has(s, input.facts() != null)) {
                sources.add(s);
            }
        }
        List<Finding> raw = new ArrayList<>();
        List<CheckInfo> ran = new ArrayList<>();
        for (Check c : checks) {
            CheckInfo info = c.info();
            if (opts.disabled().contains(info.id()) || !sources.contains(info.source())) {
                continue;
            }
            ran.add(info);
            try {
                List<Finding> found = c.run(ctx);
                if (out != null && info.source() == CheckSource.APP) {
                    Set<Finding> left = new HashSet<>(c.remaining(ctx, out));
                    found = found.stream().map(f -> left.contains(f) ? f : fixed(f)).toList();
                }
                raw.addAll(found);
            } catch (RuntimeException e) {
                if (e instanceof KubeliftException) {
                    throw e;
                }
                throw new KubeliftException(
                        KubeliftException.Kind.INTERNAL,
                        "check "
                                + info.id()
                                + " failed: "
                                + e
                                + " — please report this bug with the input that caused it",
                        e);
            }
        }
        Suppressions.Result result =
                Suppressions.apply(
                        raw.stream().sorted(ORDER).toList(), file -> textOf(file, input, bundle));
        List<Finding> findings = result.findings().stream().sorted(ORDER).toList();
        Map<String, FactorScore> scores;
        Map<String, FactorScore> before = Map.of();
        if (out == null) {
            scores = Scoring.score(ran, findings);
        } else {
            // before: the app as installed (its own checks, every finding); after: what generate
            // wrote (app findings
            // it did not fix, plus the plan and the generated manifests).
            before =
                    Scoring.score(
                            ran.stream().filter(c -> c.source() == CheckSource.APP).toList(),
                            findings.stream().filter(f -> isApp(f, ran)).toList());
            scores =
                    Scoring.score(
                            ran, findings.stream().filter(f -> !f.fixedByGenerate()).toList());
        }
        return new Report(
                input.rootName(),
                findings,
                result.suppressions(),
                opts.disabled(),
                scores,
                before,
                ran,
                sources,
                input.plan() == null ? null : Topology.of(input.plan(), input.facts()));
    }

    private static boolean isApp(Finding f, List<CheckInfo> ran) {
        return ran.stream()
                .anyMatch(c -> c.id().equals(f.checkId()) && c.source() == CheckSource.APP);
    }

    private static Finding fixed(Finding f) {
        return new Finding(
                f.checkId(),
                f.factor(),
                f.severity(),
                f.file(),
                f.line(),
                f.message(),
                f.remediation(),
                true,
                f.snippet());
    }

    private static String textOf(String file, CheckInput input, ManifestBundle bundle) {
        String manifest = bundle.text(file);
        if (manifest != null) {
            return manifest;
        }
        if (input.app() == null) {
            return null;
        }
        return input.app().read(file).map(b -> new String(b, StandardCharsets.UTF_8)).orElse(null);
    }
}
