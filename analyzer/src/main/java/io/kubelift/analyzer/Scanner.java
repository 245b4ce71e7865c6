package io.kubelift.analyzer;

import io.kubelift.analyzer.parse.FactSink;
import io.kubelift.analyzer.parse.FileParser;
import io.kubelift.analyzer.parse.ParseContext;
import io.kubelift.analyzer.parse.Parsers;
import io.kubelift.analyzer.parse.ShellScriptParser;
import io.kubelift.analyzer.parse.SourceFile;
import io.kubelift.analyzer.scan.FileTree;
import io.kubelift.analyzer.scan.RelPaths;
import io.kubelift.analyzer.scan.Sizes;
import io.kubelift.analyzer.scan.TextFiles;
import io.kubelift.analyzer.shell.ShellInterpreter;
import io.kubelift.analyzer.shell.ShellLaunch;
import io.kubelift.analyzer.shell.ShellLexer;
import io.kubelift.analyzer.shell.ShellNode;
import io.kubelift.analyzer.shell.ShellParser;
import io.kubelift.model.Evidence;
import io.kubelift.model.FactKind;
import io.kubelift.model.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads every safe text file of a tree once, runs the parsers on it, then interprets the scripts
 * for launches.
 */
final class Scanner {
    private static final Pattern JAR_VERSION = Pattern.compile("^(.+?)-(\\d[\\w.-]*)\\.jar$");
    private final List<FileParser> parsers;

    Scanner(List<FileParser> parsers) {
        this.parsers = parsers;
    }

    static Scanner withDefaultParsers() {
        return new Scanner(Parsers.defaults());
    }

    Inventory scan(FileTree files) {
        FactSink sink = new FactSink();
        ParseContext ctx = new ParseContext(sink, files);
        files.problems().forEach(p -> sink.problem(p.kind(), p.file(), p.line(), p.message()));
        Map<String, String> formats = new TreeMap<>();
        Map<String, SourceFile> scripts = new TreeMap<>();
        Map<String, SourceFile> otherLaunchers = new TreeMap<>();
        for (String path : files.list()) {
            if (TextFiles.binaryByName(path)) {
                Matcher m = JAR_VERSION.matcher(RelPaths.fileName(path));
                if (m.matches()) {
                    sink.fact(
                            FactKind.DEPENDENCY,
                            m.group(1),
                            m.group(2),
                            Map.of("via", "jar"),
                            Evidence.ofFile(path));
                }
                continue;
            }
            long size = files.size(path);
            if (size > files.limits().maxParseBytes()) {
                sink.problem(
                        Problem.Kind.SKIPPED,
                        path,
                        0,
                        "larger than the "
                                + Sizes.human(files.limits().maxParseBytes())
                                + " parse cap, not parsed");
                continue;
            }
            Optional<byte[]> bytes = files.read(path, files.limits().maxParseBytes());
            if (bytes.isEmpty()) {
                sink.problem(Problem.Kind.SKIPPED, path, 0, "could not be read");
                continue;
            }
            byte[] b = bytes.get();
            if (b.length == 0) {
                continue;
            }
            if (TextFiles.looksBinary(b)) {
                sink.problem(Problem.Kind.SKIPPED, path, 0, "binary content, not parsed");
                continue;
            }
            TextFiles.Decoded d = TextFiles.decode(b);
            if (d.latin1()) {
                sink.problem(Problem.Kind.NOTE, path, 0, "not valid UTF-8; read as ISO-8859-1");
            }
            SourceFile f = SourceFile.of(path, d.text());
            parse(f, ctx, formats);
            if (ShellScriptParser.isScript(f)) {
                scripts.put(path, f);
            } else if (io.kubelift.analyzer.shell.BatchInterpreter.isBatch(path)
                    || io.kubelift.analyzer.shell.ScriptLiteralLaunches.isLauncher(path)) {
                otherLaunchers.put(path, f);
            }
        }
        List<io.kubelift.model.SourceHome> homes = new ArrayList<>();
        List<io.kubelift.model.InstallLocation> installedAt = new ArrayList<>();
        List<ShellLaunch> launches =
                launches(files, scripts, otherLaunchers, sink, homes, installedAt);
        installPathFacts(files, installedAt, sink);
        return new Inventory(
                files,
                sink.facts(),
                sink.problems(),
                sink.entries(),
                sink.secrets(),
                launches,
                formats,
                homes,
                installedAt);
    }

    private void parse(SourceFile f, ParseContext ctx, Map<String, String> formats) {
        long brokenBefore = parseErrors(f, ctx);
        parseWith(f, ctx, formats);
        if (parseErrors(f, ctx) > brokenBefore) {
            // a file its parser refused may still hold secrets: find them line by line, so they are
            // masked everywhere
            io.kubelift.analyzer.parse.LooseSecretLines.scan(f, ctx);
        }
    }

    private static long parseErrors(SourceFile f, ParseContext ctx) {
        return ctx.sink().problems().stream()
                .filter(p -> p.kind() == Problem.Kind.PARSE_ERROR && p.file().equals(f.path()))
                .count();
    }

    private void parseWith(SourceFile f, ParseContext ctx, Map<String, String> formats) {
        for (FileParser p : parsers) {
            boolean accepted;
            try {
                accepted = p.accepts(f);
            } catch (RuntimeException e) {
                accepted = false;
            }
            if (!accepted) {
                continue;
            }
            if (p.configFormat() != null) {
                formats.putIfAbsent(f.path(), p.configFormat());
            }
            try {
                p.parse(f, ctx);
            } catch (RuntimeException | StackOverflowError e) {
                ctx.problem(
                        Problem.Kind.PARSE_ERROR,
                        f,
                        0,
                        p.id() + " parser failed: " + e.getClass().getSimpleName());
            }
        }
    }

    private static List<ShellLaunch> launches(
            FileTree files,
            Map<String, SourceFile> scripts,
            Map<String, SourceFile> otherLaunchers,
            FactSink sink,
            List<io.kubelift.model.SourceHome> homes,
            List<io.kubelift.model.InstallLocation> installedAt) {
        Map<String, List<ShellNode>> parsed = new LinkedHashMap<>();
        for (var e : scripts.entrySet()) {
            try {
                parsed.put(e.getKey(), ShellParser.parse(ShellLexer.lines(e.getValue().lines())));
            } catch (RuntimeException ex) {
                sink.problem(
                        Problem.Kind.PARSE_ERROR,
                        e.getKey(),
                        0,
                        "script structure not understood: " + ex.getClass().getSimpleName());
            }
        }
        java.util.Set<String> roots = new java.util.TreeSet<>(); // where the install was
        // a file a script sources is shell whatever its name (Artemis's etc/artemis.profile, a
        // setenv file): parsed when first sourced
        ShellInterpreter interp =
                new ShellInterpreter(
                        p ->
                                Optional.ofNullable(
                                        parsed.computeIfAbsent(p, q -> sourcedText(files, q))),
                        (String p) -> {
                            Optional<String> f = resolve(p, files.list());
                            if (f.isPresent()) {
                                String root = InstallPaths.rootOf(p, f.get());
                                if (root != null) {
                                    roots.add(root);
                                }
                            }
                            return f;
                        });
        List<ShellLaunch> out = new ArrayList<>();
        for (String script : List.copyOf(parsed.keySet())) { // sourcing adds to parsed
            String n = RelPaths.fileName(script);
            if (n.endsWith("-env.sh")
                    || n.endsWith("config.sh")
                    || n.contains("functions")
                    || n.endsWith("Env.sh")) {
                continue; // libraries that are sourced, not run
            }
            try {
                out.addAll(interp.run(script));
            } catch (RuntimeException | StackOverflowError e) {
                sink.problem(
                        Problem.Kind.PARSE_ERROR,
                        script,
                        0,
                        "script could not be interpreted: " + e.getClass().getSimpleName());
            }
        }
        out.addAll(otherLaunches(files, otherLaunchers, out, sink));
        InstallPaths.Result moved = InstallPaths.relocate(out, roots, InstallPaths::isDirectory);
        out = new ArrayList<>(moved.launches());
        homes.addAll(moved.homes());
        for (String root : roots) {
            installedAt.add(
                    new io.kubelift.model.InstallLocation(root, firstMention(root, scripts)));
        }
        for (ShellLaunch l : out) {
            Map<String, SourceFile> texts =
                    scripts.containsKey(l.script()) ? scripts : otherLaunchers;
            sink.fact(
                    FactKind.JAVA_LAUNCH,
                    l.command().mainClass() != null ? l.command().mainClass() : l.command().jar(),
                    null,
                    LaunchFacts.attributes(l),
                    Evidence.of(
                            l.script(),
                            l.line(),
                            texts.get(l.script()) == null
                                    ? l.text()
                                    : texts.get(l.script()).line(l.line())));
        }
        return out;
    }

    /**
     * One {@link FactKind#INSTALL_PATH} fact per text file that names an install location as a
     * whole path: what {@code kubelift generate} moves to the app home where it writes the file (a
     * ConfigMap), and what stays behind in a file the image carries as it was.
     */
    private static void installPathFacts(
            FileTree files, List<io.kubelift.model.InstallLocation> installedAt, FactSink sink) {
        if (installedAt.isEmpty()) {
            return;
        }
        for (String path : files.list()) {
            if (TextFiles.binaryByName(path) || files.size(path) > files.limits().maxParseBytes()) {
                continue;
            }
            Optional<byte[]> bytes = files.read(path, files.limits().maxParseBytes());
            if (bytes.isEmpty() || TextFiles.looksBinary(bytes.get())) {
                continue;
            }
            SourceFile f = SourceFile.of(path, TextFiles.decode(bytes.get()).text());
            for (io.kubelift.model.InstallLocation l : installedAt) {
                int first = 0;
                int count = 0;
                for (int n = 1; n <= f.lines().size(); n++) {
                    if (!io.kubelift.model.PathPrefixes.occurrences(f.line(n), l.path())
                            .isEmpty()) {
                        first = first == 0 ? n : first;
                        count++;
                    }
                }
                if (count > 0) {
                    sink.fact(
                            FactKind.INSTALL_PATH,
                            l.path(),
                            null,
                            Map.of("lines", Integer.toString(count)),
                            Evidence.of(path, first, f.line(first).strip()));
                }
            }
        }
    }

    /**
     * The first script line (scripts in path order) that names {@code root} as a whole path: the
     * evidence of where the install was; null when only a sourced file names it.
     */
    private static Evidence firstMention(String root, Map<String, SourceFile> scripts) {
        for (String path : new java.util.TreeSet<>(scripts.keySet())) {
            SourceFile f = scripts.get(path);
            for (int n = 1; n <= f.lines().size(); n++) {
                if (!io.kubelift.model.PathPrefixes.occurrences(f.line(n), root).isEmpty()) {
                    return Evidence.of(path, n, f.line(n).strip());
                }
            }
        }
        return null;
    }

    /**
     * The launches of Windows batch scripts and of launchers in other languages (Python, Perl,
     * Ruby). A class or jar a Unix script already launches is the same process started the Windows
     * way (catalina.bat beside catalina.sh): only launches of other classes count, once each.
     */
    private static List<ShellLaunch> otherLaunches(
            FileTree files,
            Map<String, SourceFile> launchers,
            List<ShellLaunch> unix,
            FactSink sink) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ShellLaunch l : unix) {
            seen.add(launched(l));
        }
        io.kubelift.analyzer.shell.BatchInterpreter batch =
                new io.kubelift.analyzer.shell.BatchInterpreter(
                        p ->
                                Optional.ofNullable(launchers.get(p))
                                        .map(f -> f.text().lines().toList()),
                        p -> resolve(p, files.list()));
        List<ShellLaunch> out = new ArrayList<>();
        for (var e : launchers.entrySet()) {
            List<ShellLaunch> found;
            try {
                found =
                        io.kubelift.analyzer.shell.BatchInterpreter.isBatch(e.getKey())
                                ? batch.run(e.getKey())
                                : io.kubelift.analyzer.shell.ScriptLiteralLaunches.launches(
                                        e.getKey(), e.getValue().text());
            } catch (RuntimeException | StackOverflowError ex) {
                sink.problem(
                        Problem.Kind.PARSE_ERROR,
                        e.getKey(),
                        0,
                        "launcher could not be interpreted: " + ex.getClass().getSimpleName());
                continue;
            }
            for (ShellLaunch l : found) {
                if (seen.add(launched(l))) {
                    out.add(l);
                }
            }
        }
        return out;
    }

    private static String launched(ShellLaunch l) {
        return l.command().mainClass() != null
                ? "class " + l.command().mainClass()
                : "jar " + RelPaths.fileName(l.command().jar().replace('\\', '/'));
    }

    /**
     * The shell nodes of an app file that is not a script by its name but is sourced by one; null
     * when it is not a readable text file under the parse cap or does not parse.
     */
    private static List<ShellNode> sourcedText(FileTree files, String path) {
        if (!files.list().contains(path) || files.size(path) > files.limits().maxParseBytes()) {
            return null;
        }
        Optional<byte[]> bytes = files.read(path, files.limits().maxParseBytes());
        if (bytes.isEmpty() || TextFiles.looksBinary(bytes.get())) {
            return null;
        }
        SourceFile f = SourceFile.of(path, TextFiles.decode(bytes.get()).text());
        try {
            return ShellParser.parse(ShellLexer.lines(f.lines()));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * A path as a script wrote it (after expansion) → the app file it names: the longest matching
     * path suffix.
     */
    static Optional<String> resolve(String written, List<String> files) {
        List<String> segs = new ArrayList<>();
        for (String s : written.replace('\\', '/').split("/")) {
            if (!s.isEmpty() && !s.equals(".") && !s.equals("..")) {
                segs.add(s);
            }
        }
        for (int k = 0; k < segs.size(); k++) {
            String suffix = String.join("/", segs.subList(k, segs.size()));
            for (String f : files) {
                if (f.equals(suffix) || f.endsWith("/" + suffix)) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }
}
