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
 * A small, bounded abstract interpreter for launch scripts. It runs every path once: assignments (with defaults),
 * {@code export}, sourced files (followed inside the app), {@code shift}; each {@code case} branch becomes its own
 * "world" (so {@code case "$COMMAND" in resourcemanager) CLASS=…} yields one launch per role). Simple string tests
 * ({@code if [ -z "$X" ]; then X=…; fi}, {@code [ -z "$X" ] && X=…}, {@code [ "x$X" = "x" ]}) are evaluated by
 * {@link ShellTest}, so an earlier assignment wins over a later fallback; the branch not taken is skipped. Bodies of
 * undecided conditions and loops run as conditional (an assignment there is skipped when it reads an unset variable;
 * {@code exit} does not end the path). A {@code java} command ends in a {@link ShellLaunch}; a call of another
 * app script with a class-name argument (Kafka's {@code kafka-run-class.sh kafka.Kafka}) runs that script with
 * the arguments. Nothing is executed.
 */
public final class ShellInterpreter {
    private static final Pattern ASSIGN = Pattern.compile("^(?:export\\s+|local\\s+|readonly\\s+|declare\\s+(?:-\\w+\\s+)?)?([A-Za-z_][A-Za-z0-9_]*)\\+?=(.*)$");
    private static final Pattern PREFIX = Pattern.compile("^(?:(?:exec|nohup|eval|command|time|setsid|builtin)\\s+|nice\\s+(?:-n\\s*\\S+\\s+|-\\d+\\s+)?|\\$_NOHUP\\s+|\"?\\$\\{?_?NOHUP\\}?\"?\\s+)*");
    private static final Pattern JAVA_WORD = Pattern.compile("^(?:[\\\\\"']*\\$\\{?[A-Za-z_]*JAVA[A-Za-z_]*\\}?[\\\\\"']*|[\\\\\"']*\\S*/java[\\\\\"']*|java)(?=\\s|$)", Pattern.CASE_INSENSITIVE);
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
     * @param resolve maps a path as written in a script (after expansion, e.g. {@code /x/bin/../libexec/a.sh}) to an app path
     */
    public ShellInterpreter(Function<String, Optional<List<ShellNode>>> scripts, Function<String, Optional<String>> resolve) {
        this.scripts = scripts;
        this.resolve = resolve;
    }

    private static final class World {
        Map<String, ShellVar> env = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        Map<String, String> branchVars = new HashMap<>();
        Set<String> visited = new java.util.TreeSet<>();
        String argv0 = "";
        boolean alive = true;

        World copy() {
            World w = new World();
            w.env = new LinkedHashMap<>(env);
            w.positional = new ArrayList<>(positional);
            w.branchVars = new HashMap<>(branchVars);
            w.visited = new java.util.TreeSet<>(visited);
            w.argv0 = argv0;
            return w;
        }
    }

    /** Runs {@code script} as an entry point and returns the launches found (in order, de-duplicated). */
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

    private List<World> exec(List<ShellNode> nodes, List<World> worlds, String file, String entry, int depth, boolean conditional) {
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
                    Optional<Boolean> decided = ShellTest.evaluate(c.condition(), w.env, w.positional);
                    if (decided.isPresent()) {
                        next.addAll(exec(decided.get() ? c.body() : c.orElse(), List.of(w), file, entry, depth, true));
                    } else if (c.orElse().isEmpty() || label(c.condition()) == null) {
                        next.addAll(exec(c.orElse(), exec(c.body(), List.of(w), file, entry, depth, true), file, entry, depth, true));
                    } else {
                        // if/elif/else dispatch on a value (if [ "$COMMAND" = historyserver ]; then CLASS=…; elif …): one world
                        // per branch, like case; other undecided if/else run both parts in sequence
                        World other = w.copy();
                        next.addAll(branch(c.body(), w, label(c.condition()), file, entry, depth));
                        next.addAll(branch(c.orElse(), other, null, file, entry, depth));
                    }
                } else if (n instanceof ShellNode.Case c) {
                    next.addAll(caseNode(c, w, file, entry, depth, conditional));
                } else {
                    next.add(w);
                }
            }
            cur = next.size() > MAX_WORLDS ? next.subList(0, MAX_WORLDS) : next;
        }
        return cur;
    }

    private List<World> branch(List<ShellNode> body, World w, String label, String file, String entry, int depth) {
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

    /** The literal a dispatch test compares with ({@code [ "$COMMAND" = "historyserver" ]} → historyserver), else null. */
    static String label(String condition) {
        if (condition == null) {
            return null;
        }
        Matcher m = Pattern.compile("^\\[\\[?\\s+\"?\\$\\{?\\w+\\}?\"?\\s+==?\\s+\"?([a-z][a-z0-9_-]*)\"?\\s+\\]\\]?$").matcher(condition.strip());
        return m.matches() ? m.group(1) : null;
    }

    private List<World> caseNode(ShellNode.Case c, World w, String file, String entry, int depth, boolean conditional) {
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

    private void simple(ShellNode.Simple s, World w, String file, String entry, int depth, boolean conditional) {
        String text = s.text();
        Set<String> used = new HashSet<>();
        Expander x = new Expander(w.env, w.positional, used).script(w.argv0, file);
        Matcher a = ASSIGN.matcher(text);
        if (a.matches() && !text.contains(" =")) {
            String raw = a.group(2).strip();
            if (raw.startsWith("(")) {
                return; // arrays: not modelled
            }
            String traced = x.expandTraced(raw);
            String value = Expander.clean(traced);
            if (conditional && used.stream().anyMatch(v -> !w.env.containsKey(v)) && !raw.matches(".*\\$\\{[A-Za-z_0-9]+:?[-=].*")) {
                return;
            }
            String name = a.group(1);
            if (text.contains("+=") && w.env.containsKey(name)) {
                value = w.env.get(name).value() + value;
                traced = w.env.get(name).traced() + traced;
            }
            List<ShellVar> sources = new ArrayList<>();
            for (String u : used) {
                if (w.env.get(u) != null) {
                    sources.add(w.env.get(u));
                }
            }
            w.env.put(name, new ShellVar(value, file, s.line(), text, sources, x.readUnknown(), traced));
            return;
        }
        if (text.startsWith("export ") || text.startsWith("unset ") || text.startsWith("local ")) {
            if (text.startsWith("unset ")) {
                for (String v : text.substring(6).trim().split("\\s+")) {
                    w.env.remove(v);
                }
            }
            return;
        }
        if (text.equals("shift") || text.startsWith("shift ")) {
            int k = 1;
            try {
                k = text.length() > 6 ? Integer.parseInt(text.substring(6).trim()) : 1;
            } catch (NumberFormatException e) {
                k = 1;
            }
            for (int i = 0; i < k && !w.positional.isEmpty(); i++) {
                w.positional.remove(0);
            }
            return;
        }
        if ((text.equals("exit") || text.startsWith("exit ")) && !conditional) {
            w.alive = false;
            return;
        }
        if (text.startsWith(". ") || text.startsWith("source ")) {
            List<String> ws = x.words(text.substring(text.indexOf(' ') + 1));
            if (!ws.isEmpty() && depth < MAX_DEPTH) {
                resolve.apply(JavaCommand.stripQuotes(ws.get(0))).ifPresent(target -> scripts.apply(target).ifPresent(nodes -> {
                    w.visited.add(target);
                    List<World> res = exec(nodes, List.of(w), target, entry, depth + 1, conditional);
                    if (!res.isEmpty()) {
                        World r = res.get(res.size() - 1);
                        w.env = r.env;
                        w.visited = r.visited;
                    }
                }));
            }
            return;
        }
        boolean background = text.endsWith("&") && !text.endsWith("&&") || text.endsWith("\"&\"");
        String body = text.replaceAll("\\s*\"?&\"?$", "");
        Matcher p = PREFIX.matcher(body);
        p.lookingAt();
        String afterPrefix = body.substring(p.end());
        boolean nohup = p.group().contains("NOHUP") || p.group().contains("nohup");
        Matcher j = JAVA_WORD.matcher(afterPrefix);
        if (j.lookingAt() && !afterPrefix.matches("(?i)^[\\\\\"']*\\$\\{?JAVA_HOME\\}?[\\\\\"']*(\\s.*)?$")) {
            List<Word> words = x.tracedWords(afterPrefix.substring(j.end()));
            if (p.group().matches("(?s).*\\beval\\s.*")) {
                // eval: the words are read and expanded once more
                words = x.tracedWords(String.join(" ", words.stream().map(Word::traced).toList()));
            }
            words = dropRedirectionWords(words);
            JavaCommand cmd = JavaCommand.parseWords(words);
            if (cmd.mainClass() != null || cmd.jar() != null) {
                String role = null;
                for (Map.Entry<String, String> bv : w.branchVars.entrySet()) {
                    ShellVar v = w.env.get(bv.getKey());
                    if (v != null && cmd.mainClass() != null && v.value().trim().endsWith(cmd.mainClass()) && bv.getValue().matches("[a-z][a-z0-9_-]*")) {
                        role = bv.getValue();
                    }
                }
                ShellVar heap = heapSource(cmd, w, used);
                String key = file + ":" + s.line() + ":" + cmd + ":" + role + ":" + entry;
                if (launchKeys.add(key)) {
                    launches.add(new ShellLaunch(file, s.line(), text, cmd, role, background || nohup, entry, heap, List.copyOf(w.visited)));
                }
            }
            return;
        }
        // a call of another script of the app with a class name among its arguments: run it with those arguments
        List<String> words = dropRedirections(x.words(afterPrefix));
        if (!words.isEmpty() && depth < MAX_DEPTH && words.stream().skip(1).anyMatch(JavaCommand::isQualifiedClassName)) {
            Optional<String> target = resolve.apply(JavaCommand.stripQuotes(words.get(0)));
            if (target.isPresent() && !target.get().equals(file)) {
                Optional<List<ShellNode>> nodes = scripts.apply(target.get());
                if (nodes.isPresent()) {
                    World callee = w.copy();
                    callee.positional = wrapperArgs(words.subList(1, words.size()));
                    callee.branchVars = new HashMap<>();
                    callee.visited.add(target.get());
                    callee.argv0 = target.get();
                    int before = launches.size();
                    exec(nodes.get(), List.of(callee), target.get(), entry, depth + 1, false);
                    if (background || nohup) {
                        for (int i = before; i < launches.size(); i++) {
                            launches.set(i, launches.get(i).withBackground(true));
                        }
                    }
                }
            }
        }
    }

    /** Wrapper options before the class name (kafka-run-class.sh's -name x -loggc -daemon) are not the program's. */
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

    /** The indexes of the words that are not redirections ({@code > f}, {@code 2>&1}, {@code >>f}). */
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

    /** The assignment deepest in the chain whose value is the heap size (a HEAPSIZE number or a literal -Xmx). */
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
        if (literal && (val.equals(xmx) || val.equals(xmx.replaceAll("[mM]$", "")) || val.contains("-Xmx" + xmx))) {
            return v;
        }
        return null;
    }

    public static String baseName(String path) {
        return RelPaths.fileName(path);
    }
}
