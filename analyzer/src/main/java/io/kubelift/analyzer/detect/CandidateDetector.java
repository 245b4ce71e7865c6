package io.kubelift.analyzer.detect;

import io.kubelift.analyzer.Inventory;
import io.kubelift.analyzer.LaunchClassifier;
import io.kubelift.analyzer.jar.Jars;
import io.kubelift.analyzer.scan.RelPaths;
import io.kubelift.analyzer.shell.JavaCommand;
import io.kubelift.analyzer.shell.ShellLaunch;
import io.kubelift.model.Component;
import io.kubelift.model.Entrypoint;
import io.kubelift.model.Evidence;
import io.kubelift.model.Names;
import io.kubelift.model.RuntimeRequirements;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last resort, when no other detector found a component: a plan a person can finish rather than
 * an empty one. Candidates, each marked {@code needs review} in its description, come from (in this
 * order, the first that yields any): the launches the scripts make that were classified as tools;
 * the fully-qualified class names that launch scripts of any kind ({@code .sh}, {@code .bat}/{@code
 * .cmd}, Python, Perl, extension-less) mention and that are real main classes in the app's jars or
 * class files; the Main-Class (or Start-Class) of the jars at the app's top level. Nothing is a
 * candidate without that evidence.
 */
final class CandidateDetector implements Detector {
    /** A qualified name whose last segment starts upper-case: {@code org.acme.server.Main}. */
    private static final Pattern FQCN =
            Pattern.compile(
                    "(?<![\\w.$/-])((?:[a-z_][a-z0-9_]*\\.){1,}[A-Z][A-Za-z0-9_$]*)(?![\\w$]|\\.[\\w])");

    private static final Pattern LAUNCHER =
            Pattern.compile("(?i).*\\.(sh|bash|ksh|bat|cmd|py|pl|rb|ps1)$");
    private static final long MAX_SCRIPT_BYTES = 1 << 20;
    private static final int MAX_MENTIONS = 200;
    static final String REVIEW = "needs review: ";

    @Override
    public String id() {
        return "candidate";
    }

    @Override
    public void detect(DetectionContext ctx) {
        if (!ctx.components().isEmpty()) {
            return;
        }
        // launches that name no tool come first, then the main classes launchers mention, then tool
        // launches, then jars
        boolean found = fromLaunches(ctx, false);
        found |= fromMentions(ctx);
        if (!found && !fromLaunches(ctx, true)) {
            fromManifests(ctx);
        }
    }

    private boolean fromLaunches(DetectionContext ctx, boolean tools) {
        Inventory inv = ctx.inventory();
        Map<String, ShellLaunch> byName = new LinkedHashMap<>();
        for (ShellLaunch l : inv.launches()) {
            if (!ctx.isClaimed(l) && LaunchClassifier.namesATool(l) == tools) {
                byName.putIfAbsent(JavaLaunchDetector.name(l), l);
            }
        }
        for (var e : byName.entrySet()) {
            ShellLaunch l = e.getValue();
            Evidence ev = ComponentParts.launchEvidence(inv, l);
            String what =
                    l.command().mainClass() != null
                            ? l.command().mainClass()
                            : "-jar " + l.command().jar();
            ctx.claim(l);
            ctx.add(
                    id(),
                    Component.builder(e.getKey())
                            .description(
                                    REVIEW
                                            + "java "
                                            + what
                                            + " launched by "
                                            + l.entryScript()
                                            + " was classified as a "
                                            + LaunchClassifier.classify(l)
                                                    .name()
                                                    .toLowerCase(Locale.ROOT)
                                            + " launch; keep it if it is a long-running server, delete it if it is a tool")
                            .entrypoint(
                                    JavaLaunchDetector.withManifestMain(
                                            ctx, ComponentParts.entrypoint(l, ev)))
                            .runtime(new RuntimeRequirements("17", null, null, null))
                            .ports(
                                    ComponentParts.ports(
                                            inv,
                                            ComponentParts.configFilesOf(inv, l.command()),
                                            f -> true))
                            .evidence(ev)
                            .build());
        }
        return !byName.isEmpty();
    }

    /**
     * Launchers the interpreter could not follow: the class names they mention that are real main
     * classes.
     */
    private boolean fromMentions(DetectionContext ctx) {
        Inventory inv = ctx.inventory();
        Jars jars = ctx.jars();
        Map<String, Evidence> found = new LinkedHashMap<>();
        int mentions = 0;
        for (String f : inv.files().list()) {
            if (!isLauncher(inv, f)) {
                continue;
            }
            Optional<byte[]> b = inv.files().read(f, MAX_SCRIPT_BYTES);
            if (b.isEmpty()) {
                continue;
            }
            List<String> lines = new String(b.get(), StandardCharsets.ISO_8859_1).lines().toList();
            for (int i = 0; i < lines.size() && mentions < MAX_MENTIONS; i++) {
                String line = lines.get(i);
                if (line.strip().startsWith("#")
                        || line.strip().toLowerCase(Locale.ROOT).startsWith("rem ")) {
                    continue;
                }
                Matcher m = FQCN.matcher(line);
                while (m.find() && mentions < MAX_MENTIONS) {
                    String c = m.group(1);
                    if (found.containsKey(c)
                            || ctx.isClaimedClass(c)
                            || !JavaCommand.isQualifiedClassName(c)) {
                        continue;
                    }
                    mentions++;
                    if (jars.isMainClass(c)) {
                        found.put(c, Evidence.of(f, i + 1, line.strip()));
                    }
                }
            }
        }
        for (var e : found.entrySet()) {
            String c = e.getKey();
            List<String> cp = jars.jarOf(c).map(List::of).orElse(List.of());
            ctx.add(
                    id(),
                    Component.builder(Names.dnsLabel(simpleName(c)))
                            .description(
                                    REVIEW
                                            + e.getValue().file()
                                            + " names "
                                            + c
                                            + ", a main class of the app"
                                            + (cp.isEmpty() ? "" : " (in " + cp.get(0) + ")")
                                            + ", in a launch the analysis could not follow; "
                                            + "check the classpath, options and arguments, and delete the component if it is a tool")
                            .entrypoint(
                                    Entrypoint.mainClass(
                                            e.getValue().file(),
                                            c,
                                            cp,
                                            List.of(),
                                            List.of(),
                                            e.getValue()))
                            .runtime(new RuntimeRequirements("17", null, null, null))
                            .evidence(e.getValue())
                            .build());
        }
        return !found.isEmpty();
    }

    private void fromManifests(DetectionContext ctx) {
        Jars jars = ctx.jars();
        List<String> top = jars.topLevel();
        for (var e : jars.manifestMains(top).entrySet()) {
            Evidence ev = Evidence.ofFile(e.getKey());
            String name =
                    RelPaths.fileName(e.getKey()).replaceAll("(?i)(-\\d[\\w.-]*)?\\.jar$", "");
            ctx.add(
                    id(),
                    Component.builder(
                                    Names.dnsLabel(
                                            name.isBlank() ? simpleName(e.getValue()) : name))
                            .description(
                                    REVIEW
                                            + e.getKey()
                                            + " is a runnable jar (Main-Class "
                                            + e.getValue()
                                            + ") that no script launches; "
                                            + "keep it if it is the app's server")
                            .entrypoint(
                                    new Entrypoint(
                                            null,
                                            e.getValue(),
                                            e.getKey(),
                                            null,
                                            List.of(e.getKey()),
                                            List.of(),
                                            List.of(),
                                            null,
                                            ev))
                            .runtime(new RuntimeRequirements("17", null, null, null))
                            .evidence(ev)
                            .build());
        }
    }

    private static boolean isLauncher(Inventory inv, String f) {
        if (LAUNCHER.matcher(f).matches()) {
            return true;
        }
        String dir = RelPaths.parent(f);
        return !RelPaths.fileName(f).contains(".")
                && (dir.equals("bin") || dir.endsWith("/bin"))
                && inv.files().size(f) < MAX_SCRIPT_BYTES;
    }

    private static String simpleName(String c) {
        return c.substring(c.lastIndexOf('.') + 1);
    }

    /** Whether a component's description marks it as a candidate a person must review. */
    public static boolean needsReview(Component c) {
        return c.description() != null && c.description().startsWith(REVIEW);
    }
}
