package io.kubelift.analyzer.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shell word expansion over a known environment: {@code $X}, {@code ${X}}, {@code ${X:-d}}, {@code
 * ${X-d}}, {@code ${X:=d}}, {@code $1}, {@code "$@"}; command substitutions expand to nothing.
 * Quoted text stays one word, unquoted expansions are split on blanks. Records every variable it
 * read, so callers can trace provenance.
 *
 * <p><b>Unresolved text.</b> Internally every expansion whose value the analysis does not know — an
 * unset variable read without a default, a positional parameter that was not passed, command output
 * other than the computed {@code dirname}/{@code basename}/{@code cd … && pwd}, {@code $!}/{@code
 * $?}/{@code $$} — leaves a {@link #MARK} where it stood (also when it expanded to nothing).
 * Assignments keep the marked value ({@link ShellVar#traced()}), so the mark travels with the text
 * through variables and word splitting: {@link #tracedWords} tells for each word whether any part
 * of it was unresolved ({@code -Dhadoop.id.str=$USER} is, {@code "$HADOOP_OPTS -Dx=1"} with an
 * unset HADOOP_OPTS gives an unresolved empty part and a resolved {@code -Dx=1}). The public string
 * results ({@link #expandString}, {@link #words}) never contain the mark.
 */
public final class Expander {
    /**
     * Stands where unresolved text was expanded (a private-use character; stripped from every
     * public result).
     */
    public static final char MARK = '\uE000';

    private static final String MARKS = String.valueOf(MARK);

    private final Map<String, ShellVar> env;
    private final List<String> positional;
    private final Set<String> used;
    private int budget = 20_000;
    private boolean unknown;
    private String argv0 = "";
    private String source = "";

    public Expander(Map<String, ShellVar> env, List<String> positional, Set<String> used) {
        this.env = env;
        this.positional = positional;
        this.used = used;
    }

    /**
     * The script as {@code $0} (the script run, or the called one) and as {@code ${BASH_SOURCE[0]}}
     * (the file being read, also when sourced), both relative to the app root, so {@code $(dirname
     * "$0")} and {@code $(cd "$(dirname "$0")/.." && pwd)} give app-relative directories.
     */
    public Expander script(String argv0, String source) {
        this.argv0 = argv0 == null ? "" : argv0;
        this.source = source == null ? "" : source;
        return this;
    }

    /**
     * Whether anything expanded so far came from positional parameters, command output or an
     * unknown variable.
     */
    public boolean readUnknown() {
        return unknown;
    }

    /** Expands a whole command into words. */
    public List<String> words(String s) {
        return tracedWords(s).stream().map(Word::text).toList();
    }

    /**
     * Expands a whole command into words, each telling whether any part of it was unresolved (see
     * the class comment).
     */
    public List<Word> tracedWords(String s) {
        List<Word> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(word(cur));
                    inWord = false;
                }
                cur.setLength(0); // marks of an unquoted expansion that gave no word go with it
                i++;
            } else if (c == '\'') {
                int e = s.indexOf('\'', i + 1);
                e = e < 0 ? s.length() : e;
                cur.append(s, i + 1, e);
                inWord = true;
                i = e + 1;
            } else if (c == '"') {
                int e = closingQuote(s, i + 1);
                String inner = s.substring(i + 1, Math.min(e, s.length()));
                if (inner.equals("$@")) {
                    if (inWord) {
                        out.add(word(cur));
                        inWord = false;
                    }
                    cur.setLength(0);
                    positional.forEach(p -> out.add(Word.of(clean(p))));
                } else {
                    cur.append(expandTraced(inner));
                    inWord = true;
                }
                i = e + 1;
            } else if (c == '\\' && i + 1 < s.length()) {
                cur.append(s.charAt(i + 1));
                inWord = true;
                i += 2;
            } else if (c == '$' || c == '`') {
                int[] end = new int[1];
                String v = expansion(s, i, end);
                if (v == null) {
                    cur.append(c);
                    inWord = true;
                    i++;
                    continue;
                }
                if (s.startsWith("$@", i) || s.startsWith("$*", i)) {
                    if (inWord) {
                        out.add(word(cur));
                        inWord = false;
                    }
                    cur.setLength(0);
                    positional.forEach(p -> out.add(Word.of(clean(p))));
                } else {
                    String[] parts = v.split("\\s+", -1);
                    for (int p = 0; p < parts.length; p++) {
                        if (p > 0) {
                            if (inWord) {
                                out.add(word(cur));
                            }
                            cur.setLength(0);
                            inWord = false;
                        }
                        cur.append(parts[p]);
                        if (!clean(parts[p]).isEmpty()) {
                            inWord = true;
                        }
                    }
                }
                i = end[0];
            } else {
                cur.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            out.add(word(cur));
        }
        return out;
    }

    private static Word word(StringBuilder traced) {
        String t = traced.toString();
        Word w = new Word(clean(t), t);
        traced.setLength(0);
        return w;
    }

    /** {@code traced} without the marks of unresolved text. */
    public static String clean(String traced) {
        return traced.indexOf(MARK) < 0 ? traced : traced.replace(MARKS, "");
    }

    /** Expands a value as inside double quotes (assignments), returning one string. */
    public String expandString(String s) {
        return clean(expandTraced(s));
    }

    /** {@link #expandString}, with a {@link #MARK} wherever unresolved text was expanded. */
    public String expandTraced(String s) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                b.append(s.charAt(i + 1));
                i += 2;
            } else if (c == '$' || c == '`') {
                int[] end = new int[1];
                String v = expansion(s, i, end);
                if (v == null) {
                    b.append(c);
                    i++;
                } else {
                    b.append(v);
                    i = end[0];
                }
            } else if (c == '"' || c == '\'') {
                int e = c == '"' ? closingQuote(s, i + 1) : Math.max(s.indexOf('\'', i + 1), i + 1);
                if (e >= s.length() || e < 0) {
                    i++;
                    continue;
                }
                b.append(c == '"' ? expandTraced(s.substring(i + 1, e)) : s.substring(i + 1, e));
                i = e + 1;
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    private static int closingQuote(String s, int from) {
        int depth = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '(') {
                depth++;
                i++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (c == '"' && depth == 0) {
                return i;
            }
        }
        return s.length();
    }

    /**
     * Where the {@code close} that matches the {@code open} at {@code from} stands; the text's
     * length when none does.
     */
    private static int closingBracket(String s, int from, char open, char close) {
        int depth = 0;
        int j = from;
        for (; j < s.length(); j++) {
            if (s.charAt(j) == open) {
                depth++;
            } else if (s.charAt(j) == close && --depth == 0) {
                break;
            }
        }
        return j;
    }

    /** Expands the $-form at i; end[0] gets the index after it; null when '$' is literal. */
    private String expansion(String s, int i, int[] end) {
        if (--budget < 0) {
            end[0] = s.length();
            return MARKS;
        }
        if (s.charAt(i) == '`') {
            unknown = true;
            int e = s.indexOf('`', i + 1);
            end[0] = e < 0 ? s.length() : e + 1;
            return substitute(s.substring(i + 1, e < 0 ? s.length() : e));
        }
        if (i + 1 >= s.length()) {
            return null;
        }
        char n = s.charAt(i + 1);
        if (n == '(') {
            unknown = true;
            int j = closingBracket(s, i + 1, '(', ')');
            end[0] = Math.min(j + 1, s.length());
            return substitute(s.substring(Math.min(i + 2, s.length()), Math.min(j, s.length())));
        }
        if (n == '{') {
            int j = closingBracket(s, i + 1, '{', '}');
            end[0] = Math.min(j + 1, s.length());
            String body = s.substring(i + 2, Math.min(j, s.length()));
            return braced(body);
        }
        if (n == '@' || n == '*' || n == '#' || Character.isDigit(n)) {
            unknown = true;
        }
        if (n == '@' || n == '*') {
            end[0] = i + 2;
            return String.join(" ", positional);
        }
        if (n == '#') {
            end[0] = i + 2;
            return Integer.toString(positional.size());
        }
        if (n == '0') {
            end[0] = i + 2;
            return argv0;
        }
        if (Character.isDigit(n)) {
            end[0] = i + 2;
            return positionalAt(n - '0');
        }
        if (n == '!' || n == '?' || n == '$' || n == '-') {
            end[0] = i + 2;
            return MARKS + "$" + n;
        }
        int j = i + 1;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
            j++;
        }
        if (j == i + 1) {
            return null;
        }
        end[0] = j;
        return get(s.substring(i + 1, j));
    }

    private String braced(String body) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile(
                                "^#?([A-Za-z_][A-Za-z0-9_]*|\\d+)(:?[-=+?])?(.*)$",
                                java.util.regex.Pattern.DOTALL)
                        .matcher(body);
        if (!m.matches()) {
            return MARKS;
        }
        String name = m.group(1);
        if (Character.isDigit(name.charAt(0))) {
            unknown = true;
        }
        boolean digit = Character.isDigit(name.charAt(0));
        boolean bashSource = name.equals("BASH_SOURCE") && !env.containsKey(name);
        boolean set =
                name.equals("0")
                        || bashSource
                        || (digit
                                ? Integer.parseInt(name) >= 1
                                        && Integer.parseInt(name) <= positional.size()
                                : env.containsKey(name));
        String traced =
                name.equals("0")
                        ? argv0
                        : digit
                                ? positionalAt(Integer.parseInt(name))
                                : bashSource ? source : lookup(name);
        String val = clean(traced);
        String op = m.group(2);
        if (op == null) {
            return body.startsWith("#") ? Integer.toString(val.length()) : set ? traced : MARKS;
        }
        boolean unset = op.startsWith(":") ? val.isEmpty() : !set;
        String word = expandTraced(m.group(3));
        return switch (op.replace(":", "")) {
            case "-", "=" -> unset ? word : traced;
            case "+" -> unset ? "" : word;
            default -> set ? traced : MARKS;
        };
    }

    private static final java.util.regex.Pattern CD_PWD =
            java.util.regex.Pattern.compile(
                    "^cd\\s+(?:-[PL]\\s+)?(?:--\\s+)?(.+?)\\s*(?:>\\s*/dev/null\\s*)?(?:2>&1\\s*)?(?:&&|;)\\s*pwd(?:\\s+-[PL])?\\s*;?$");
    private static final java.util.regex.Pattern DIRNAME =
            java.util.regex.Pattern.compile(
                    "^(dirname|basename)\\s+(?:--\\s+)?(\\S+|\"[^\"]*\")\\s*$");

    /**
     * The output of the few commands launch scripts use to find their own directory — {@code
     * dirname X}, {@code basename X}, {@code cd X && pwd} — computed from the expanded path;
     * anything else is empty.
     */
    private String substitute(String command) {
        String c = command.strip();
        java.util.regex.Matcher cd = CD_PWD.matcher(c);
        if (cd.matches()) {
            String traced = expandTraced(cd.group(1));
            return marked(traced, normalize(clean(traced)));
        }
        java.util.regex.Matcher dn = DIRNAME.matcher(c);
        if (dn.matches()) {
            String traced = expandTraced(dn.group(2));
            String path = clean(traced);
            if (path.isEmpty()) {
                return MARKS;
            }
            String trimmed = path.replaceAll("/+$", "");
            int slash = trimmed.lastIndexOf('/');
            if (dn.group(1).equals("basename")) {
                return marked(traced, trimmed.substring(slash + 1));
            }
            return marked(traced, slash < 0 ? "." : slash == 0 ? "/" : trimmed.substring(0, slash));
        }
        return MARKS; // command output: not known to the analysis
    }

    /** {@code value}, marked unresolved when the text it was computed from was. */
    private static String marked(String from, String value) {
        return from.indexOf(MARK) >= 0 ? MARKS + value : value;
    }

    /**
     * Collapses {@code .} and {@code dir/..} segments; a relative path stays relative ({@code .}
     * when empty).
     */
    public static String normalize(String path) {
        if (path.isEmpty() || path.contains("$")) {
            return path;
        }
        boolean absolute = path.startsWith("/");
        java.util.Deque<String> out = new java.util.ArrayDeque<>();
        for (String seg : path.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..") && !out.isEmpty() && !out.peekLast().equals("..")) {
                out.removeLast();
            } else if (!(seg.equals("..") && absolute)) {
                out.addLast(seg);
            }
        }
        String joined = String.join("/", out);
        return absolute ? "/" + joined : joined.isEmpty() ? "." : joined;
    }

    /**
     * A positional parameter; one that was not passed is unresolved (the script's caller is not
     * known).
     */
    private String positionalAt(int k) {
        return k >= 1 && k <= positional.size() ? positional.get(k - 1) : MARKS;
    }

    /** {@code $NAME}: the variable's traced value, or a mark when it is unset. */
    private String get(String name) {
        String v = lookup(name);
        return env.containsKey(name) ? v : MARKS;
    }

    private String lookup(String name) {
        used.add(name);
        ShellVar v = env.get(name);
        if (v != null && v.unknown()) {
            unknown = true;
        }
        return v == null ? "" : v.traced();
    }
}
