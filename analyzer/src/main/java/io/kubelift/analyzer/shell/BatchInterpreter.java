package io.kubelift.analyzer.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a Windows {@code .bat}/{@code .cmd} script abstractly, roughly as {@code cmd.exe} would:
 * {@code set VAR=value} and {@code set "VAR=value"}, {@code %VAR%} (also {@code !VAR!}, {@code
 * %VAR:a=b%}, {@code %~dp0}, {@code %0}–{@code %9}, {@code %*}), {@code call} of another script of
 * the app or of a {@code :label} subroutine, {@code goto}/labels, {@code shift}, {@code if} with
 * string comparisons and {@code defined} (decided over the variables known, unset = empty; other
 * conditions are undecided: a {@code goto} is not taken, any other command runs), parenthesised
 * {@code if … ( … ) else ( … )} blocks, and {@code start}. A command whose program is {@code java},
 * {@code javaw} or a variable holding it ({@code "%JAVA%"}, {@code "%JAVA_HOME%\bin\java.exe"})
 * becomes a {@link ShellLaunch}; {@code ;}-separated classpaths and {@code \} paths are written the
 * Unix way, relative to the app.
 */
public final class BatchInterpreter {
    private static final int MAX_STEPS = 20_000;
    private static final int MAX_DEPTH = 16;
    private static final Pattern VAR =
            Pattern.compile("%([A-Za-z_][\\w.#$-]*)(:[^%]*)?%|!([A-Za-z_][\\w.#$-]*)!");

    private final Function<String, Optional<List<String>>> scriptLines;
    private final Function<String, Optional<String>> resolve;

    /**
     * @param scriptLines the lines of an app script, by app path
     * @param resolve a path as a script wrote it → the app file it names
     */
    public BatchInterpreter(
            Function<String, Optional<List<String>>> scriptLines,
            Function<String, Optional<String>> resolve) {
        this.scriptLines = scriptLines;
        this.resolve = resolve;
    }

    /** Whether a file is a Windows batch script. */
    public static boolean isBatch(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.endsWith(".bat") || p.endsWith(".cmd");
    }

    /** The java launches of one entry script. */
    public List<ShellLaunch> run(String script) {
        Run r = new Run(script);
        r.script(script, List.of(), 0);
        return r.launches;
    }

    private final class Run {
        final String entry;
        final Map<String, String> vars = new HashMap<>();
        final List<ShellLaunch> launches = new ArrayList<>();
        final TreeSet<String> sources = new TreeSet<>();
        int steps;

        Run(String entry) {
            this.entry = entry;
        }

        void script(String path, List<String> args, int depth) {
            Optional<List<String>> lines = scriptLines.apply(path);
            if (lines.isEmpty() || depth > MAX_DEPTH) {
                return;
            }
            sources.add(path);
            Frame f = new Frame(path, joined(lines.get()), new ArrayList<>(args));
            exec(f, 0, depth);
        }

        /** Runs from line {@code pc} until the end, {@code goto :eof} or {@code exit}. */
        void exec(Frame f, int start, int depth) {
            int pc = start;
            while (pc < f.lines.size() && steps++ < MAX_STEPS) {
                String line = f.lines.get(pc).strip();
                pc++;
                int next = statement(f, line, pc, depth);
                if (next == END) {
                    return;
                }
                pc = next;
            }
        }

        static final int END = -1;

        /** One statement at index {@code pc - 1}; the index to go on with, or {@link #END}. */
        int statement(Frame f, String raw, int pc, int depth) {
            String line = raw.startsWith("@") ? raw.substring(1).strip() : raw;
            String lower = line.toLowerCase(Locale.ROOT);
            if (line.isEmpty()
                    || line.startsWith(":")
                    || lower.equals("rem")
                    || lower.startsWith("rem ")
                    || lower.startsWith("echo")
                    || lower.startsWith("setlocal")
                    || lower.startsWith("endlocal")
                    || lower.startsWith("title ")
                    || lower.equals(")")) {
                return pc;
            }
            if (lower.startsWith(") else")) {
                // the then-branch ran: skip the else block
                return skipBlock(f, pc - 1);
            }
            if (lower.startsWith("if ")) {
                return conditional(f, line.substring(3).strip(), pc, depth);
            }
            if (lower.startsWith("goto ") || lower.startsWith("goto:")) {
                return jump(f, line.substring(4).strip());
            }
            if (lower.equals("exit") || lower.startsWith("exit ")) {
                return END;
            }
            if (lower.equals("shift") || lower.startsWith("shift ")) {
                if (!f.args.isEmpty()) {
                    f.args.remove(0);
                }
                return pc;
            }
            if (lower.startsWith("set ")) {
                assign(f, line.substring(4).strip());
                return pc;
            }
            if (lower.startsWith("call ")) {
                call(f, line.substring(5).strip(), depth);
                return pc;
            }
            command(f, line, pc);
            return pc;
        }

        int conditional(Frame f, String rest, int pc, int depth) {
            boolean negate = false;
            String r = rest;
            if (r.toLowerCase(Locale.ROOT).startsWith("/i ")) {
                r = r.substring(3).strip();
            }
            if (r.toLowerCase(Locale.ROOT).startsWith("not ")) {
                negate = true;
                r = r.substring(4).strip();
            }
            Boolean holds;
            String body;
            String lower = r.toLowerCase(Locale.ROOT);
            Matcher cmp =
                    Pattern.compile(
                                    "^(\"[^\"]*\"|\\S+)\\s*(==|\\s(?:equ|neq)\\s)\\s*(\"[^\"]*\"|\\S+)\\s+(.*)$",
                                    Pattern.CASE_INSENSITIVE)
                            .matcher(r);
            if (lower.startsWith("defined ")) {
                String[] p = r.substring(8).strip().split("\\s+", 2);
                holds = vars.containsKey(p[0].toUpperCase(Locale.ROOT));
                body = p.length > 1 ? p[1] : "";
            } else if (lower.startsWith("exist ") || lower.startsWith("errorlevel ")) {
                String[] p = splitFirstWord(r.substring(r.indexOf(' ') + 1).strip());
                holds = null;
                body = p[1];
            } else if (cmp.matches()) {
                String a = unquote(expand(f, cmp.group(1)));
                String b = unquote(expand(f, cmp.group(3)));
                boolean unknown = f.unknown;
                f.unknown = false;
                boolean eq = a.equalsIgnoreCase(b);
                holds = unknown ? null : cmp.group(2).strip().equalsIgnoreCase("neq") ? !eq : eq;
                body = cmp.group(4).strip();
            } else {
                return pc; // a condition not understood: skip the line
            }
            if (holds != null && negate) {
                holds = !holds;
            }
            boolean block = body.endsWith("(");
            String command = block ? body.substring(0, body.length() - 1).strip() : body;
            if (block) {
                if (Boolean.FALSE.equals(holds)) {
                    // past the then-block; after "… ) else (" the else block runs
                    return skipBlock(f, pc - 1);
                }
                return pc; // then-branch runs (decided true, or undecided)
            }
            String lc = command.toLowerCase(Locale.ROOT);
            if (holds == null && (lc.startsWith("goto") || lc.startsWith("exit"))) {
                return pc; // an undecided jump is not taken
            }
            if (Boolean.FALSE.equals(holds)) {
                return pc;
            }
            return statement(f, command, pc, depth);
        }

        /**
         * The index after the block opened on line {@code open} (its matching close paren line; a
         * {@code ) else (} closes it and opens the else block, whose lines come next).
         */
        int skipBlock(Frame f, int open) {
            int level = 0;
            for (int i = open; i < f.lines.size(); i++) {
                String l = f.lines.get(i).strip();
                if (i > open && l.startsWith(")")) {
                    level--;
                    if (level == 0) {
                        return i + 1;
                    }
                }
                if (l.endsWith("(")) {
                    level++;
                }
            }
            return f.lines.size();
        }

        int jump(Frame f, String target) {
            String label = target.replaceFirst("^:", "").split("\\s+")[0].toLowerCase(Locale.ROOT);
            if (label.equals("eof")) {
                return END;
            }
            for (int i = 0; i < f.lines.size(); i++) {
                String l = f.lines.get(i).strip();
                if (l.startsWith(":")
                        && !l.startsWith("::")
                        && l.substring(1).strip().split("\\s+")[0].equalsIgnoreCase(label)) {
                    return i + 1;
                }
            }
            return END; // cmd.exe stops at an unknown label
        }

        void assign(Frame f, String rest) {
            String r = rest;
            if (r.startsWith("/")) {
                return; // set /a, set /p: arithmetic or input
            }
            if (r.startsWith("\"")) {
                int close = r.lastIndexOf('"');
                r = close > 0 ? r.substring(1, close) : r.substring(1);
            }
            int eq = r.indexOf('=');
            if (eq <= 0) {
                return;
            }
            String name = r.substring(0, eq).strip().toUpperCase(Locale.ROOT);
            String value = expand(f, r.substring(eq + 1));
            f.unknown = false;
            if (value.isEmpty()) {
                vars.remove(name);
            } else {
                vars.put(name, value);
            }
        }

        void call(Frame f, String rest, int depth) {
            List<String> words = words(expand(f, rest));
            f.unknown = false;
            if (words.isEmpty()) {
                return;
            }
            String target = unquote(words.get(0));
            List<String> args = words.subList(1, words.size()).stream().map(this::unquote).toList();
            if (target.startsWith(":")) {
                int at = jump(f, target);
                if (at != END && depth < MAX_DEPTH) {
                    Frame sub =
                            new Frame(
                                    f.path,
                                    new Joined(f.lines, f.lineNumbers),
                                    new ArrayList<>(args));
                    exec(sub, at, depth + 1);
                }
                return;
            }
            resolve.apply(target)
                    .filter(BatchInterpreter::isBatch)
                    .ifPresent(p -> script(p, args, depth + 1));
        }

        void command(Frame f, String line, int pc) {
            List<String> words = words(expand(f, line));
            f.unknown = false;
            boolean background = false;
            while (!words.isEmpty()) {
                String w = unquote(words.get(0)).toLowerCase(Locale.ROOT);
                if (w.equals("start")) {
                    background = true;
                    words = words.subList(1, words.size());
                    // the window title, then switches
                    if (!words.isEmpty() && words.get(0).startsWith("\"")) {
                        words = words.subList(1, words.size());
                    }
                    while (!words.isEmpty() && words.get(0).startsWith("/")) {
                        words = words.subList(1, words.size());
                    }
                } else if (w.equals("cmd")
                        && words.size() > 1
                        && words.get(1).equalsIgnoreCase("/c")) {
                    words = words.subList(2, words.size());
                } else {
                    break;
                }
            }
            if (words.isEmpty() || !isJava(unquote(words.get(0)))) {
                return;
            }
            List<String> argv = new ArrayList<>();
            for (int i = 1; i < words.size(); i++) {
                // the C runtime's argument parsing drops the quotes inside a word (-Dx="a b")
                String w = words.get(i).replace("\"", "");
                boolean cp = i > 1 && isClasspathFlag(words.get(i - 1).replace("\"", ""));
                argv.add(cp ? classpath(w) : w.equals("-jar") ? w : pathLike(w));
            }
            JavaCommand cmd = JavaCommand.parse(argv);
            if (cmd.mainClass() == null && cmd.jar() == null) {
                return;
            }
            launches.add(
                    new ShellLaunch(
                            f.path,
                            f.lineNumbers.get(pc - 1),
                            line,
                            cmd,
                            null,
                            background,
                            entry,
                            null,
                            new ArrayList<>(sources)));
        }

        String expand(Frame f, String text) {
            String s = text.replace("%%", "\u0000");
            String dir =
                    f.path.contains("/") ? f.path.substring(0, f.path.lastIndexOf('/') + 1) : "";
            s =
                    s.replaceAll(
                            "(?i)%~(?:dp|f|d|p)+0",
                            Matcher.quoteReplacement(dir.isEmpty() ? "./" : dir));
            s = s.replaceAll("(?i)%~?0", Matcher.quoteReplacement(f.path));
            StringBuilder sb = new StringBuilder();
            Matcher pos = Pattern.compile("%~?([1-9*])").matcher(s);
            while (pos.find()) {
                String v;
                if (pos.group(1).equals("*")) {
                    v = String.join(" ", f.args);
                } else {
                    int i = Integer.parseInt(pos.group(1)) - 1;
                    v = i < f.args.size() ? f.args.get(i) : "";
                    f.unknown |= i >= f.args.size();
                }
                pos.appendReplacement(sb, Matcher.quoteReplacement(v));
            }
            pos.appendTail(sb);
            s = sb.toString();
            sb = new StringBuilder();
            Matcher m = VAR.matcher(s);
            while (m.find()) {
                String name =
                        (m.group(1) != null ? m.group(1) : m.group(3)).toUpperCase(Locale.ROOT);
                String v = vars.get(name);
                if (v == null) {
                    f.unknown = true;
                    v = "";
                } else if (m.group(2) != null
                        && m.group(2).contains("=")
                        && !m.group(2).startsWith(":~")) {
                    String[] ab = m.group(2).substring(1).split("=", 2);
                    v = ab[0].isEmpty() ? v : v.replace(ab[0], ab[1]);
                }
                m.appendReplacement(sb, Matcher.quoteReplacement(v));
            }
            m.appendTail(sb);
            return sb.toString().replace('\u0000', '%');
        }

        String unquote(String w) {
            return JavaCommand.stripQuotes(w);
        }
    }

    private static final class Frame {
        final String path;
        final List<String> lines;
        final List<Integer> lineNumbers;
        final List<String> args;
        boolean unknown;

        Frame(String path, Joined lines, List<String> args) {
            this.path = path;
            this.lines = lines.lines;
            this.lineNumbers = lines.numbers;
            this.args = args;
        }
    }

    private record Joined(List<String> lines, List<Integer> numbers) {}

    /** Lines with {@code ^} continuations joined, each with the number of its first line. */
    private static Joined joined(List<String> raw) {
        List<String> out = new ArrayList<>();
        List<Integer> nums = new ArrayList<>();
        StringBuilder cur = null;
        int start = 0;
        for (int i = 0; i < raw.size(); i++) {
            String l = raw.get(i);
            if (cur == null) {
                cur = new StringBuilder();
                start = i + 1;
            }
            if (l.endsWith("^")) {
                cur.append(l, 0, l.length() - 1).append(' ');
                continue;
            }
            cur.append(l);
            out.add(cur.toString());
            nums.add(start);
            cur = null;
        }
        if (cur != null) {
            out.add(cur.toString());
            nums.add(start);
        }
        return new Joined(out, nums);
    }

    static boolean isJava(String program) {
        String n = program.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return n.equals("java")
                || n.equals("java.exe")
                || n.equals("javaw")
                || n.equals("javaw.exe");
    }

    static boolean isClasspathFlag(String w) {
        return w.equals("-cp") || w.equals("-classpath") || w.equals("--class-path");
    }

    /** A Windows classpath ({@code ;}, {@code \}) as the Unix-style list the analysis uses. */
    static String classpath(String cp) {
        List<String> parts = new ArrayList<>();
        for (String e : cp.split(";")) {
            if (!e.isBlank()) {
                parts.add(pathLike(e.strip()));
            }
        }
        return String.join(":", parts);
    }

    /**
     * Backslashes become slashes and {@code dir/..} segments fold, in a word that looks like a path
     * ({@code -Dx=bin\..\conf} keeps its {@code -Dx=}).
     */
    static String pathLike(String w) {
        if (!w.contains("\\") && !w.contains("/..")) {
            return w;
        }
        int eq = w.startsWith("-") ? w.indexOf('=') + 1 : 0;
        String head = w.substring(0, eq);
        String p = w.substring(eq).replace('\\', '/');
        List<String> segs = new ArrayList<>();
        for (String s : p.split("/", -1)) {
            if (s.equals("..")
                    && !segs.isEmpty()
                    && !segs.get(segs.size() - 1).equals("..")
                    && !segs.get(segs.size() - 1).isEmpty()) {
                segs.remove(segs.size() - 1);
            } else if (!s.equals(".") || segs.isEmpty()) {
                segs.add(s);
            }
        }
        String out = String.join("/", segs);
        if (out.startsWith("./") && out.length() > 2) {
            out = out.substring(2);
        }
        if (out.isEmpty()) {
            out = ".";
        }
        return head + out;
    }

    private static String[] splitFirstWord(String s) {
        List<String> w = words(s);
        if (w.isEmpty()) {
            return new String[] {"", ""};
        }
        int at = s.indexOf(w.get(0)) + w.get(0).length();
        return new String[] {w.get(0), s.substring(Math.min(at, s.length())).strip()};
    }

    /** Words split on blanks, double-quoted parts kept together (quotes kept). */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : s.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                cur.append(c);
            } else if (Character.isWhitespace(c) && !quoted) {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }
}
