package io.kubelift.analyzer.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java launches that a launcher written in another language builds (Python, Perl, Ruby): a list
 * literal whose first element is the {@code java} program ({@code ["java", "-cp", CP,
 * "com.acme.Main"]}, {@code exec("java", "-Xmx1g", …)}, {@code system "java", …}) or a string
 * literal holding a whole {@code java …} command line ({@code os.system("java -cp lib/*
 * com.acme.Main")}). Elements are string literals, variables assigned a string literal earlier in
 * the file (Python {@code NAME = "…"}, Perl {@code my $name = "…";}), Perl {@code "…$name…"}
 * interpolation of those, {@code +}/{@code .} concatenations and {@code SEP.join([…])} / {@code
 * join(SEP, …)} of literals; anything else is unknown (an unknown word where the class should be
 * gives no launch: the class names the script mentions are then the fallback).
 */
public final class ScriptLiteralLaunches {
    private static final Pattern LAUNCHER = Pattern.compile("(?i).*\\.(py|pl|pm|rb)$");
    private static final Pattern TOKEN =
            Pattern.compile(
                    "(?s)\"\"\"(.*?)\"\"\"|'''(.*?)'''|\"((?:[^\"\\\\\\n]|\\\\.)*)\"|'((?:[^'\\\\\\n]|\\\\.)*)'"
                            + "|(#[^\\n]*)|([$@]?[A-Za-z_][\\w.]*)|(\\n)|(\\S)");
    private static final Pattern ASSIGN =
            Pattern.compile(
                    "^\\s*(?:my\\s+|our\\s+)?([$]?[A-Za-z_]\\w*)\\s*=\\s*([^=].*?)\\s*;?\\s*$");
    private static final String UNKNOWN = "\u0001unknown";

    private ScriptLiteralLaunches() {}

    /** Whether a file is a launcher in one of the languages read here. */
    public static boolean isLauncher(String path) {
        return LAUNCHER.matcher(path).matches();
    }

    /** The java launches a script's literals spell out. */
    public static List<ShellLaunch> launches(String path, String text) {
        Map<String, String> vars = assignments(text);
        List<Tok> toks = tokens(text);
        List<String> lines = text.lines().toList();
        List<ShellLaunch> out = new ArrayList<>();
        for (int i = 0; i < toks.size(); i++) {
            Tok t = toks.get(i);
            List<List<Tok>> elements = null;
            if (t.kind == Kind.PUNCT && (t.text.equals("[") || t.text.equals("("))) {
                elements = elements(toks, i + 1, t.text.equals("[") ? "]" : ")");
            } else if (t.kind == Kind.WORD
                    && (t.text.equals("exec") || t.text.equals("system"))
                    && i + 1 < toks.size()
                    && toks.get(i + 1).kind == Kind.STRING) {
                elements = elements(toks, i + 1, ";"); // Perl: exec "java", … ;
            }
            List<String> argv = null;
            if (elements != null && elements.size() >= 2) {
                List<String> words = new ArrayList<>();
                for (List<Tok> e : elements) {
                    words.add(value(e, vars));
                }
                if (isJava(words.get(0), elements.get(0), vars)) {
                    argv = words.subList(1, words.size());
                }
            }
            if (argv == null && t.kind == Kind.STRING) {
                List<String> words = BatchInterpreter.words(interpolate(t.text, vars));
                if (words.size() >= 2
                        && BatchInterpreter.isJava(JavaCommand.stripQuotes(words.get(0)))) {
                    argv =
                            words.subList(1, words.size()).stream()
                                    .map(JavaCommand::stripQuotes)
                                    .toList();
                }
            }
            if (argv == null) {
                continue;
            }
            List<String> clean = new ArrayList<>();
            for (int k = 0; k < argv.size(); k++) {
                String w = argv.get(k);
                boolean cpValue = k > 0 && BatchInterpreter.isClasspathFlag(argv.get(k - 1));
                clean.add(w.contains(UNKNOWN) ? (cpValue ? "" : "?") : w);
            }
            JavaCommand cmd = JavaCommand.parse(clean);
            if (cmd.mainClass() == null && cmd.jar() == null) {
                continue;
            }
            int line = Math.min(t.line, lines.size());
            out.add(
                    new ShellLaunch(
                            path,
                            line,
                            line > 0 ? lines.get(line - 1).strip() : "",
                            cmd,
                            null,
                            false,
                            path,
                            null,
                            List.of(path)));
        }
        return out;
    }

    private enum Kind {
        STRING,
        WORD,
        PUNCT,
        NEWLINE
    }

    private record Tok(Kind kind, String text, int line) {}

    private static List<Tok> tokens(String text) {
        List<Tok> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        int line = 1;
        int pos = 0;
        while (m.find()) {
            line += count(text, pos, m.start());
            pos = m.start();
            String s =
                    m.group(1) != null
                            ? m.group(1)
                            : m.group(2) != null
                                    ? m.group(2)
                                    : m.group(3) != null ? unescape(m.group(3)) : m.group(4);
            if (s != null) {
                out.add(new Tok(Kind.STRING, s, line));
            } else if (m.group(6) != null) {
                out.add(new Tok(Kind.WORD, m.group(6), line));
            } else if (m.group(7) != null) {
                out.add(new Tok(Kind.NEWLINE, "\n", line));
            } else if (m.group(8) != null) {
                out.add(new Tok(Kind.PUNCT, m.group(8), line));
            }
        }
        return out;
    }

    private static int count(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static String unescape(String s) {
        return s.replace("\\\"", "\"").replace("\\\\", "\\");
    }

    /**
     * The comma-separated elements from {@code start} to the closing token at the same nesting
     * level; null when there is none within reach.
     */
    private static List<List<Tok>> elements(List<Tok> toks, int start, String close) {
        List<List<Tok>> out = new ArrayList<>();
        List<Tok> cur = new ArrayList<>();
        int depth = 0;
        for (int i = start; i < toks.size() && i < start + 400; i++) {
            Tok t = toks.get(i);
            if (t.kind == Kind.NEWLINE) {
                continue;
            }
            if (t.kind == Kind.PUNCT && depth == 0 && t.text.equals(close)) {
                if (!cur.isEmpty()) {
                    out.add(cur);
                }
                return out;
            }
            if (t.kind == Kind.PUNCT && "([{".contains(t.text)) {
                depth++;
            } else if (t.kind == Kind.PUNCT && ")]}".contains(t.text)) {
                depth--;
                if (depth < 0) {
                    return null;
                }
            }
            if (t.kind == Kind.PUNCT && depth == 0 && t.text.equals(",")) {
                out.add(cur);
                cur = new ArrayList<>();
            } else {
                cur.add(t);
            }
        }
        return null;
    }

    /** The text of one element: literals, known variables, concatenations and joins. */
    private static String value(List<Tok> e, Map<String, String> vars) {
        // SEP.join([a, b]) (Python) or join(SEP, a, b) (Perl): a classpath
        if (e.size() >= 4
                && e.get(0).kind == Kind.STRING
                && e.get(1).text.equals(".")
                && e.get(2).text.equals("join")) {
            return join(e.subList(3, e.size()), vars);
        }
        if (e.size() >= 2 && e.get(0).kind == Kind.WORD && e.get(0).text.endsWith(".join")) {
            return join(e.subList(1, e.size()), vars); // os.pathsep.join([...])
        }
        if (!e.isEmpty() && e.get(0).kind == Kind.WORD && e.get(0).text.equals("join")) {
            List<Tok> rest = e.subList(1, e.size());
            int comma = -1;
            for (int i = 0; i < rest.size(); i++) {
                if (rest.get(i).text.equals(",")) {
                    comma = i;
                    break;
                }
            }
            return comma < 0 ? UNKNOWN : join(rest.subList(comma + 1, rest.size()), vars);
        }
        StringBuilder sb = new StringBuilder();
        for (Tok t : e) {
            switch (t.kind) {
                case STRING -> sb.append(interpolate(t.text, vars));
                case WORD -> sb.append(vars.getOrDefault(t.text, UNKNOWN));
                case PUNCT -> {
                    if (!t.text.equals("+") && !t.text.equals(".")) {
                        return UNKNOWN;
                    }
                }
                default -> {}
            }
        }
        return sb.toString();
    }

    private static String join(List<Tok> toks, Map<String, String> vars) {
        List<String> parts = new ArrayList<>();
        for (Tok t : toks) {
            if (t.kind == Kind.STRING) {
                parts.add(interpolate(t.text, vars));
            } else if (t.kind == Kind.WORD) {
                parts.add(vars.getOrDefault(t.text, UNKNOWN));
            }
        }
        return parts.isEmpty() ? UNKNOWN : String.join(":", parts);
    }

    /** Perl/Ruby {@code $name}/{@code ${name}} and Python f-string {@code {name}} in a literal. */
    private static String interpolate(String s, Map<String, String> vars) {
        Matcher m = Pattern.compile("\\$\\{?(\\w+)}?|\\{(\\w+)}").matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v =
                    m.group(1) != null
                            ? vars.getOrDefault("$" + m.group(1), UNKNOWN)
                            : vars.getOrDefault(m.group(2), m.group());
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static boolean isJava(String word, List<Tok> element, Map<String, String> vars) {
        if (BatchInterpreter.isJava(word)) {
            return true;
        }
        // a variable named for the java program whose value is not known (JAVA, java_cmd, $java)
        return word.contains(UNKNOWN)
                && element.size() == 1
                && element.get(0).kind == Kind.WORD
                && element.get(0)
                        .text
                        .replace("$", "")
                        .toLowerCase(Locale.ROOT)
                        .matches("java(_?(cmd|bin|exe|path|prog))?");
    }

    /** Variables assigned a single string literal, on a line of their own. */
    private static Map<String, String> assignments(String text) {
        Map<String, String> vars = new HashMap<>();
        for (String l : text.lines().toList()) {
            Matcher m = ASSIGN.matcher(l);
            if (m.matches()) {
                List<Tok> expr =
                        tokens(m.group(2)).stream().filter(t -> t.kind != Kind.NEWLINE).toList();
                String v = expr.isEmpty() ? UNKNOWN : value(expr, vars);
                if (!v.contains(UNKNOWN)) {
                    vars.put(m.group(1), v);
                }
            }
        }
        return vars;
    }
}
