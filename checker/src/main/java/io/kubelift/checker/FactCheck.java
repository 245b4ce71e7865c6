package io.kubelift.checker;

import io.kubelift.model.Component;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A check that reports one finding per analyzer fact of one kind that {@link #matches(Fact)}.
 * Whether a finding is fixed by {@code kubelift generate} is measured on the generated output by
 * {@link #survives}; a check that does not say how to measure it claims nothing is fixed.
 */
public abstract class FactCheck extends AbstractCheck {
    private final FactKind kind;

    /**
     * @param kind the facts this check reads (one finding per matching fact)
     */
    protected FactCheck(CheckDeclaration declaration, FactKind kind) {
        super(declaration, CheckSource.APP);
        this.kind = kind;
    }

    protected boolean matches(Fact fact) {
        return true;
    }

    protected abstract String message(Fact fact);

    /**
     * True when the problem {@code fact} shows is still there in the generated output (manifests,
     * start scripts, the ConfigMaps that replace config files). The default: nothing kubelift
     * writes removes it.
     */
    protected boolean survives(Fact fact, GeneratedOutput out, CheckContext context) {
        return true;
    }

    @Override
    public List<Finding> run(CheckContext context) {
        return context.facts(kind).stream()
                .filter(this::matches)
                .map(f -> finding(f.evidence(), message(f)))
                .toList();
    }

    @Override
    public List<Finding> remaining(CheckContext context, GeneratedOutput out) {
        List<Finding> left = new ArrayList<>();
        for (Fact f : context.facts(kind)) {
            if (matches(f) && survives(f, out, context)) {
                left.add(finding(f.evidence(), message(f)));
            }
        }
        return left;
    }

    /** The fact's subject, or "?" when it has none. */
    protected static String subject(Fact f) {
        return f.subject() == null ? "?" : f.subject();
    }

    /**
     * A literal (host, heap flag, path) survives when any generated file still holds it, or when
     * the file it was found in still reaches the container with it: a config file no ConfigMap
     * replaces is in the image as it was, and a script is only harmless when no generated
     * entrypoint runs it any more.
     */
    protected static boolean literalSurvives(Fact f, String token, GeneratedOutput out) {
        if (out.holds(token)) {
            return true;
        }
        String file = f.evidence() == null ? null : f.evidence().file();
        if (file == null) {
            return true;
        }
        Optional<String> replacement = out.replacementOf(file);
        if (replacement.isPresent()) {
            return GeneratedOutput.holds(replacement.get(), token);
        }
        return !isScript(file) || out.runs(file);
    }

    /** A script survives the migration only when a generated entrypoint still runs it. */
    protected static boolean scriptStillRuns(Fact f, GeneratedOutput out) {
        String file = f.evidence() == null ? null : f.evidence().file();
        return file == null || !isScript(file) || out.runs(file);
    }

    /**
     * Shell and batch scripts: {@code *.sh}, {@code *.cmd}, files without extension under {@code
     * bin/}.
     */
    public static boolean isScript(String file) {
        String f = file.replace('\\', '/').toLowerCase(Locale.ROOT);
        String name = f.substring(f.lastIndexOf('/') + 1);
        return name.endsWith(".sh")
                || name.endsWith(".bash")
                || name.endsWith(".ksh")
                || name.endsWith(".cmd")
                || name.endsWith(".bat")
                || (!name.contains(".")
                        && (f.startsWith("bin/")
                                || f.startsWith("sbin/")
                                || f.contains("/bin/")
                                || f.contains("/sbin/")));
    }

    /**
     * The value a setting has in a config text: Hadoop-style XML ({@code <name>k</name> …
     * <value>v</value>}), properties/YAML ({@code k=v}, {@code k: v}) or shell ({@code export
     * K=v}); empty when the setting is absent.
     */
    public static Optional<String> settingValue(String text, String key) {
        if (text == null || key == null) {
            return Optional.empty();
        }
        String t = GeneratedOutput.stripComments(text);
        Matcher xml =
                Pattern.compile(
                                "<name>\\s*"
                                        + Pattern.quote(key)
                                        + "\\s*</name>\\s*(?:<[^v/][^>]*>[^<]*</[^>]+>\\s*)*"
                                        + "(?:<value>([^<]*)</value>|<value\\s*/>)")
                        .matcher(t);
        if (xml.find()) {
            return Optional.of(xml.group(1) == null ? "" : xml.group(1).strip());
        }
        Matcher kv =
                Pattern.compile(
                                "(?m)^\\s*(?:export\\s+)?\"?"
                                        + Pattern.quote(key)
                                        + "\"?\\s*[=:]\\s*(.*?)\\s*$")
                        .matcher(t);
        if (kv.find()) {
            return Optional.of(kv.group(1));
        }
        return Optional.empty();
    }

    /**
     * The plan component paths ({@code state}/{@code logs}) recorded at the same place as the fact,
     * resolved.
     */
    protected static List<String> planPaths(Fact f, CheckContext context, boolean logs) {
        List<String> out = new ArrayList<>();
        if (context.plan() == null || f.evidence() == null) {
            return out;
        }
        for (Component c : context.plan().spec().components()) {
            if (logs) {
                c.logs().stream()
                        .filter(l -> same(l.evidence(), f))
                        .forEach(l -> out.add(l.path()));
            } else {
                c.state().stream()
                        .filter(s -> same(s.evidence(), f))
                        .forEach(s -> out.add(s.path()));
            }
        }
        return out;
    }

    private static boolean same(io.kubelift.model.Evidence e, Fact f) {
        return e != null
                && e.file() != null
                && e.file().equals(f.evidence().file())
                && e.line() == f.evidence().line();
    }
}
