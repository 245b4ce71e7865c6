package io.kubelift.analyzer.shell;

import io.kubelift.analyzer.scan.RelPaths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small, bounded abstract interpreter for launch scripts. It runs every path once: assignments
 * (with defaults), {@code export}, sourced files (followed inside the app), {@code shift}; each
 * {@code case} branch becomes its own "world" (so {@code case "$COMMAND" in resourcemanager)
 * CLASS=…} yields one launch per role). Simple string tests ({@code if [ -z "$X" ]; then X=…; fi},
 * {@code [ -z "$X" ] && X=…}, {@code [ "x$X" = "x" ]}) are evaluated by {@link ShellTest}, so an
 * earlier assignment wins over a later fallback; the branch not taken is skipped. Bodies of
 * undecided conditions and loops run as conditional (an assignment there is skipped when it reads
 * an unset variable; {@code exit} does not end the path). A {@code java} command ends in a {@link
 * ShellLaunch}; a call of another app script with a class-name argument (Kafka's {@code
 * kafka-run-class.sh kafka.Kafka}) runs that script with the arguments. Nothing is executed.
 */
public final class ShellInterpreter {
    private static final Pattern ASSIGN =
            Pattern.compile(
                    "^(?:export\\s+|local\\s+|readonly\\s+|declare\\s+(?:-\\w+\\s+)?)?([A-Za-z_][A-Za-z0-9_]*)\\+?=(.*)$");
    private static final Pattern PREFIX =
            Pattern.compile(
                    "^(?:(?:exec|nohup|eval|command|time|setsid|builtin)\\s+|nice\\s+(?:-n\\s*\\S+\\s+|-\\d+\\s+)?|\\$_NOHUP\\s+|\"?\\$\\{?_?NOHUP\\}?\"?\\s+)*");
    private static final Pattern JAVA_WORD =
            Pattern.compile(
                    "^(?:[\\\\\"']*\\$\\{?[A-Za-z_]*JAVA[A-Za-z_]*\\}?[\\\\\"']*|[\\\\\"']*\\S*/java[\\\\\"']*|java)(?=\\s|$)",
                    Pattern.CASE_INSENSITIVE);

    /** A leading word that is only a variable ({@code ${KARAF_EXEC}}, {@code "$RUNNER"}). */
    private static final Pattern VAR_WORD =
            Pattern.compile("^\"?\\$\\{?([A-Za-z_][A-Za-z0-9_]*)\\}?\"?\\s+");

    private static final Pattern PREFIX_WORD =
            Pattern.compile(
                    "(exec|nohup|eval|command|time|setsid|builtin)(\\s+(exec|nohup|eval|setsid))*");
    private static final Pattern HEAP_VAR = Pattern.compile("(?i).*(HEAP|XMX|MEM).*");
    private static final int MAX_WORLDS = 64;
    private static final int MAX_DEPTH = 6;

    private final Function<String, Optional<List<ShellNode>>> scripts;
    private final Function<String, Optional<String>> resolve;
    private final List<ShellLaunch> launches = new ArrayList<>();
    private final Set<String> launchKeys = new HashSet<>();
    private int steps;

    /**
     * @param scripts parsed script by app path
     * @param resolve maps a path as written in a script (after expansion, e.g. {@code
     *     /x/bin/../libexec/a.sh}) to an app path
     */
    public ShellInterpreter(
            Function<String, Optional<List<ShellNode>>> scripts,
            Function<String, Optional<String>> resolve) {
        this.scripts = scripts;
        this.resolve = resolve;
    }

    private static final class World {
        Map<String, ShellVar> env = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        Map<String, String> branchVars = new HashMap<>();
        Set<String> visited = new java.util.TreeSet<>();
        Map<String, ShellNode.Function> functions = new HashMap<>();
        Set<String> calling = new HashSet<>();
        String argv0 = "";
        boolean alive = true;

        World copy() {
            World w = new World();
            w.env = new LinkedHashMap<>(env);
            w.positional = new ArrayList<>(positional);
            w.branchVars = new HashMap<>(branchVars);
            w.visited = new java.util.TreeSet<>(visited);
            w.functions = new HashMap<>(functions);
            w.calling = new HashSet<>(calling);
            w.argv0 = argv0;
            return w;
        }
    }

    /**
     * Runs {@code script} as an entry point and returns the launches found (in order,
     * de-duplicated).
     */
    public List<ShellLaunch> run(String script) {
        Optional<List<ShellNode>> nodes = scripts.apply(script);
        if (nodes.isEmpty()) {
            return List.of();
        }
        int before = launches.size();
        steps = 0; // the step budget is per entry script
        World w = new World();
        w.visited.add(script);
        w.argv0 = script;
        exec(nodes.get(), List.of(w), script, script, 0, false);
        return List.copyOf(launches.subList(before, launches.size()));
    }

    private List<World> exec(
            List<ShellNode> nodes,
            List<World> worlds,
            String file,
            String entry,
            int depth,
            boolean conditional) {
        List<World> cur = worlds;
        for (ShellNode n : nodes) {
            if (++steps > 200_000) {
                return cur;
            }
            List<World> next = new ArrayList<>();
            for (World w : cur) {
                if (!w.alive) {
                    continue;
                }
                if (n instanceof ShellNode.Simple s) {
                    simple(s, w, file, entry, depth, conditional);
                    if (w.alive) {
                        next.add(w);
                    }
                } else if (n instanceof ShellNode.Conditional c) {
                    Optional<Boolean> decided =
                            ShellTest.evaluate(c.condition(), w.env, w.positional);
                    if (decided.isPresent()) {
                        next.addAll(
                                exec(
                                        decided.get() ? c.body() : c.orElse(),
                                        List.of(w),
                                        file,
                                        entry,
                                        depth,
                                        true));
                    } else if (c.orElse().isEmpty() || label(c.condition()) == null) {
                        next.addAll(
                                exec(
                                        c.orElse(),
                                        exec(c.body(), List.of(w), file, entry, depth, true),
                                        file,
                                        entry,
                                        depth,
                                        true));
                    } else {
                        // if/elif/else dispatch on a value (if [ "$COMMAND" = historyserver ]; then
                        // CLASS=…; elif …): one world
                        // per branch, like case; other undecided if/else run both parts in sequence
                        World other = w.copy();
                        next.addAll(branch(c.body(), w, label(c.condition()), file, entry, depth));
                        next.addAll(branch(c.orElse(), other, null, file, entry, depth));
                    }
                } else if (n instanceof ShellNode.Case c) {
                    next.addAll(caseNode(c, w, file, entry, depth, conditional));
                } else if (n instanceof ShellNode.Function f) {
                    w.functions.put(f.name(), f); // defined now, run when called
                    next.add(w);
                } else {
                    next.add(w);
                }
            }
            cur = next.size() > MAX_WORLDS ? next.subList(0, MAX_WORLDS) : next;
        }
        return cur;
    }

    private List<World> branch(
            List<ShellNode> body, World w, String label, String file, String entry, int depth) {
        List<World> res = exec(body, List.of(w), file, entry, depth, true);
        if (label != null) {
            for (World r : res) {
                for (String k : r.env.keySet()) {
                    r.branchVars.putIfAbsent(k, label);
                }
            }
        }
        return res;
    }

    /**
     * The literal a dispatch test compares with ({@code [ "$COMMAND" = "historyserver" ]} →
     * historyserver), else null.
     */
    static String label(String condition) {
        if (condition == null) {
            return null;
        }
        Matcher m =
                Pattern.compile(
                                "^\\[\\[?\\s+\"?\\$\\{?\\w+\\}?\"?\\s+==?\\s+\"?([a-z][a-z0-9_-]*)\"?\\s+\\]\\]?$")
                        .matcher(condition.strip());
        return m.matches() ? m.group(1) : null;
    }

    private List<World> caseNode(
            ShellNode.Case c, World w, String file, String entry, int depth, boolean conditional) {
        List<World> out = new ArrayList<>();
        for (ShellNode.Branch b : c.branches()) {
            World fork = w.copy();
            String label = b.patterns().get(0);
            List<World> res = exec(b.body(), List.of(fork), file, entry, depth, conditional);
            for (World r : res) {
                for (String k : r.env.keySet()) {
                    ShellVar before = w.env.get(k);
                    if (before == null || !before.equals(r.env.get(k))) {
                        r.branchVars.putIfAbsent(k, label);
                    }
                }
                out.add(r);
            }
        }
        if (c.branches().stream().noneMatch(b -> b.patterns().contains("*"))) {
            out.add(w); // no branch taken
        }
        return out;
    }

    /** One simple command in one world: the statement and where it runs. */
    private record Stmt(
            ShellNode.Simple node,
            String text,
            World w,
            String file,
            String entry,
            int depth,
            boolean conditional,
            Expander x,
            Set<String> used) {}

    /**
     * A simple command: the first statement kind that recognises it handles it (one method per
     * kind).
     */
    private void simple(
            ShellNode.Simple s,
            World w,
            String file,
            String entry,
            int depth,
            boolean conditional) {
        Set<String> used = new HashSet<>();
        Stmt st =
                new Stmt(
                        s,
                        s.text(),
                        w,
                        file,
                        entry,
                        depth,
                        conditional,
                        new Expander(w.env, w.positional, used).script(w.argv0, file),
                        used);
        boolean handled =
                assignment(st)
                        || declaration(st)
                        || shift(st)
                        || exit(st)
                        || source(st)
                        || functionCall(st)
                        || javaCommand(st);
        if (!handled) {
            scriptCall(st);
        }
    }

    /**
     * {@code NAME=value}, {@code export NAME=value}, {@code NAME+=more}, {@code local}/{@code
     * readonly}/{@code declare}.
     */
    private boolean assignment(Stmt st) {
        Matcher a = ASSIGN.matcher(st.text());
        if (!a.matches() || st.text().contains(" =")) {
            return false;
        }
        String raw = a.group(2).strip();
        if (raw.startsWith("(")) {
            return true; // arrays: not modelled
        }
        String traced = st.x().expandTraced(raw);
        String value = Expander.clean(traced);
        World w = st.w();
        if (st.conditional()
                && st.used().stream().anyMatch(v -> !w.env.containsKey(v))
                && !raw.matches(".*\\$\\{[A-Za-z_0-9]+:?[-=].*")) {
            return true;
        }
        String name = a.group(1);
        if (st.text().contains("+=") && w.env.containsKey(name)) {
            value = w.env.get(name).value() + value;
            traced = w.env.get(name).traced() + traced;
        }
        List<ShellVar> sources = new ArrayList<>();
        for (String u : st.used()) {
            if (w.env.get(u) != null) {
                sources.add(w.env.get(u));
            }
        }
        w.env.put(
                name,
                new ShellVar(
                        value,
                        st.file(),
                        st.node().line(),
                        st.text(),
                        sources,
                        st.x().readUnknown(),
                        traced));
        return true;
    }

    /** {@code export X}, {@code local X}, {@code unset X Y}: only unset changes what is known. */
    private static boolean declaration(Stmt st) {
        String text = st.text();
        if (!text.startsWith("export ")
                && !text.startsWith("unset ")
                && !text.startsWith("local ")) {
            return false;
        }
        if (text.startsWith("unset ")) {
            for (String v : text.substring(6).trim().split("\\s+")) {
                st.w().env.remove(v);
            }
        }
        return true;
    }

    /** {@code shift [N]}: drops positional parameters. */
    private static boolean shift(Stmt st) {
        String text = st.text();
        if (!text.equals("shift") && !text.startsWith("shift ")) {
            return false;
        }
        int k;
        try {
            k = text.length() > 6 ? Integer.parseInt(text.substring(6).trim()) : 1;
        } catch (NumberFormatException e) {
            k = 1;
        }
        for (int i = 0; i < k && !st.w().positional.isEmpty(); i++) {
            st.w().positional.remove(0);
        }
        return true;
    }

    /** {@code exit}: ends the path, unless it runs under an undecided condition. */
    private static boolean exit(Stmt st) {
        if (!st.text().equals("exit") && !st.text().startsWith("exit ")) {
            return false;
        }
        if (!st.conditional()) {
            st.w().alive = false;
        }
        return true;
    }

    /**
     * {@code . file} / {@code source file}: the app's script is run in this world (its variables
     * stay).
     */
    private boolean source(Stmt st) {
        String text = st.text();
        if (!text.startsWith(". ") && !text.startsWith("source ")) {
            return false;
        }
        List<String> ws = st.x().words(text.substring(text.indexOf(' ') + 1));
        World w = st.w();
        if (!ws.isEmpty() && st.depth() < MAX_DEPTH) {
            resolve.apply(JavaCommand.stripQuotes(ws.get(0)))
                    .ifPresent(
                            target ->
                                    scripts.apply(target)
                                            .ifPresent(
                                                    nodes -> {
                                                        w.visited.add(target);
                                                        List<World> res =
                                                                exec(
                                                                        nodes,
                                                                        List.of(w),
                                                                        target,
                                                                        st.entry(),
                                                                        st.depth() + 1,
                                                                        st.conditional());
                                                        if (!res.isEmpty()) {
                                                            World r = res.get(res.size() - 1);
                                                            w.env = r.env;
                                                            w.visited = r.visited;
                                                            w.functions = r.functions;
                                                        }
                                                    }));
        }
        return true;
    }

    /**
     * A call of a function the script defined ({@code main "$@"}, {@code run}): its body runs in
     * this world with the call's words as positional parameters (restored after); its variables
     * stay, as in a shell.
     */
    private boolean functionCall(Stmt st) {
        String body = stripPrefixes(st).text();
        String first = body.split("\\s+", 2)[0];
        World w = st.w();
        ShellNode.Function fn = w.functions.get(first);
        if (fn == null) {
            return false;
        }
        if (st.depth() >= MAX_DEPTH || w.calling.contains(first)) {
            return true; // recursion: not followed
        }
        List<String> args = dropRedirections(st.x().words(body.substring(first.length())));
        List<String> saved = w.positional;
        w.positional = new ArrayList<>(args.stream().map(JavaCommand::stripQuotes).toList());
        w.calling.add(first);
        List<World> res =
                exec(
                        fn.body(),
                        List.of(w),
                        st.file(),
                        st.entry(),
                        st.depth() + 1,
                        st.conditional());
        World r = res.isEmpty() ? w : res.get(res.size() - 1);
        w.env = r.env;
        w.visited = r.visited;
        w.calling.remove(first);
        w.positional = saved;
        return true;
    }

    /**
     * The command without its background {@code &}, with prefixes ({@code exec}, {@code nohup},
     * {@code eval} …) stripped.
     */
    private record Stripped(String text, String prefixes, boolean background) {}

    private static Stripped stripPrefixes(Stmt st) {
        String text = st.text();
        boolean background = text.endsWith("&") && !text.endsWith("&&") || text.endsWith("\"&\"");
        String body = text.replaceAll("\\s*\"?&\"?$", "");
        StringBuilder prefixes = new StringBuilder();
        while (true) {
            Matcher p = PREFIX.matcher(body);
            p.lookingAt();
            prefixes.append(p.group());
            body = body.substring(p.end());
            // a variable that holds a prefix or nothing ({@code ${KARAF_EXEC} "$JAVA" …},
            // KARAF_EXEC=exec or unset)
            Matcher v = VAR_WORD.matcher(body);
            if (!v.lookingAt() || body.substring(v.end()).isBlank()) {
                break;
            }
            ShellVar var = st.w().env.get(v.group(1));
            if (v.group(1).toUpperCase(java.util.Locale.ROOT).contains("JAVA")
                    || var == null
                            && !v.group(1).matches("(?i).*(EXEC|NOHUP|WRAP|PREFIX|RUNNER).*")) {
                break; // the java command itself, or an unknown word: not a prefix
            }
            String value = var == null ? "" : var.value().strip();
            if (!value.isEmpty() && !PREFIX_WORD.matcher(value).matches()) {
                break;
            }
            prefixes.append(value).append(' ');
            body = body.substring(v.end());
        }
        return new Stripped(body, prefixes.toString(), background);
    }

    /** {@code java … Main args} (or {@code -jar}), after prefixes: a launch. */
    private boolean javaCommand(Stmt st) {
        Stripped sp = stripPrefixes(st);
        String afterPrefix = sp.text();
        boolean nohup = sp.prefixes().contains("NOHUP") || sp.prefixes().contains("nohup");
        Matcher j = JAVA_WORD.matcher(afterPrefix);
        if (!j.lookingAt()
                || afterPrefix.matches("(?i)^[\\\\\"']*\\$\\{?JAVA_HOME\\}?[\\\\\"']*(\\s.*)?$")) {
            return false;
        }
        World w = st.w();
        List<Word> words = st.x().tracedWords(afterPrefix.substring(j.end()));
        if (sp.prefixes().matches("(?s).*\\beval\\s.*")) {
            // eval: the words are read and expanded once more
            words = st.x().tracedWords(String.join(" ", words.stream().map(Word::traced).toList()));
        }
        words = dropRedirectionWords(words);
        JavaCommand cmd = JavaCommand.parseWords(words);
        if (cmd.mainClass() != null || cmd.jar() != null) {
            String role = null;
            for (Map.Entry<String, String> bv : w.branchVars.entrySet()) {
                ShellVar v = w.env.get(bv.getKey());
                if (v != null
                        && cmd.mainClass() != null
                        && v.value().trim().endsWith(cmd.mainClass())
                        && bv.getValue().matches("[a-z][a-z0-9_-]*")) {
                    role = bv.getValue();
                }
            }
            ShellVar heap = heapSource(cmd, w, st.used());
            String key =
                    st.file() + ":" + st.node().line() + ":" + cmd + ":" + role + ":" + st.entry();
            if (launchKeys.add(key)) {
                launches.add(
                        new ShellLaunch(
                                st.file(),
                                st.node().line(),
                                st.text(),
                                cmd,
                                role,
                                sp.background() || nohup,
                                st.entry(),
                                heap,
                                List.copyOf(w.visited)));
            }
        }
        return true;
    }

    /**
     * A call of another script of the app with a class name among its arguments: run it with those
     * arguments.
     */
    private void scriptCall(Stmt st) {
        Stripped sp = stripPrefixes(st);
        boolean nohup = sp.prefixes().contains("NOHUP") || sp.prefixes().contains("nohup");
        List<String> words = dropRedirections(st.x().words(sp.text()));
        if (words.isEmpty()
                || st.depth() >= MAX_DEPTH
                || words.stream().skip(1).noneMatch(JavaCommand::isQualifiedClassName)) {
            return;
        }
        Optional<String> target = resolve.apply(JavaCommand.stripQuotes(words.get(0)));
        if (target.isEmpty() || target.get().equals(st.file())) {
            return;
        }
        Optional<List<ShellNode>> nodes = scripts.apply(target.get());
        if (nodes.isPresent()) {
            World callee = st.w().copy();
            callee.positional = wrapperArgs(words.subList(1, words.size()));
            callee.branchVars = new HashMap<>();
            callee.functions = new HashMap<>();
            callee.visited.add(target.get());
            callee.argv0 = target.get();
            int before = launches.size();
            exec(nodes.get(), List.of(callee), target.get(), st.entry(), st.depth() + 1, false);
            if (sp.background() || nohup) {
                for (int i = before; i < launches.size(); i++) {
                    launches.set(i, launches.get(i).withBackground(true));
                }
            }
        }
    }

    /**
     * Wrapper options before the class name (kafka-run-class.sh's -name x -loggc -daemon) are not
     * the program's.
     */
    private static List<String> wrapperArgs(List<String> args) {
        List<String> out = new ArrayList<>();
        boolean seenClass = false;
        for (String a : args) {
            if (!seenClass && JavaCommand.isQualifiedClassName(a)) {
                seenClass = true;
            }
            if (seenClass) {
                out.add(a);
            }
        }
        return out;
    }

    private static List<Word> dropRedirectionWords(List<Word> words) {
        List<String> texts = words.stream().map(Word::text).toList();
        List<Word> out = new ArrayList<>();
        java.util.Set<Integer> kept = new java.util.HashSet<>(keptIndexes(texts));
        for (int i = 0; i < words.size(); i++) {
            if (kept.contains(i)) {
                out.add(words.get(i));
            }
        }
        return out;
    }

    private static List<String> dropRedirections(List<String> words) {
        return keptIndexes(words).stream().map(words::get).toList();
    }

    /**
     * The indexes of the words that are not redirections ({@code > f}, {@code 2>&1}, {@code >>f}).
     */
    private static List<Integer> keptIndexes(List<String> words) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.matches("^\\d*(>>?|<)&?\\d*$") || w.matches("^\\d*&?>>?$")) {
                if (!w.matches(".*&\\d+$")) {
                    i++;
                }
                continue;
            }
            if (w.matches("^\\d*(>>?|<)\\S+$") || w.matches("^\\d*>&\\d+$")) {
                continue;
            }
            out.add(i);
        }
        return out;
    }

    private static ShellVar heapSource(JavaCommand cmd, World w, Set<String> used) {
        String xmx = null;
        for (String o : cmd.jvmOptions()) {
            if (o.startsWith("-Xmx")) {
                xmx = o.substring(4);
            }
        }
        if (xmx == null) {
            return null;
        }
        ShellVar best = null;
        for (String name : used) {
            ShellVar v = w.env.get(name);
            if (v != null) {
                ShellVar found = deepest(v, xmx, 0);
                if (found != null) {
                    best = found;
                }
            }
        }
        return best;
    }

    /**
     * The assignment deepest in the chain whose value is the heap size (a HEAPSIZE number or a
     * literal -Xmx).
     */
    private static ShellVar deepest(ShellVar v, String xmx, int depth) {
        if (depth > 16) {
            return null;
        }
        for (ShellVar s : v.sources()) {
            ShellVar d = deepest(s, xmx, depth + 1);
            if (d != null) {
                return d;
            }
        }
        String val = v.value().trim();
        boolean literal = v.text().contains(xmx) || v.text().contains(xmx.replaceAll("[mM]$", ""));
        if (literal
                && (val.equals(xmx)
                        || val.equals(xmx.replaceAll("[mM]$", ""))
                        || val.contains("-Xmx" + xmx))) {
            return v;
        }
        return null;
    }

    public static String baseName(String path) {
        return RelPaths.fileName(path);
    }
}
