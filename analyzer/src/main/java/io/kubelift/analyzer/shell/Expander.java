package io.kubelift.analyzer.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shell word expansion over a known environment: {@code $X}, {@code ${X}}, {@code ${X:-d}}, {@code ${X-d}},
 * {@code ${X:=d}}, {@code $1}, {@code "$@"}; command substitutions expand to nothing. Quoted text stays one word,
 * unquoted expansions are split on blanks. Records every variable it read, so callers can trace provenance.
 */
public final class Expander {
    private final Map<String, ShellVar> env;
    private final List<String> positional;
    private final Set<String> used;
    private int budget = 20_000;

    public Expander(Map<String, ShellVar> env, List<String> positional, Set<String> used) {
        this.env = env;
        this.positional = positional;
        this.used = used;
    }

    /** Expands a whole command into words. */
    public List<String> words(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
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
                        out.add(cur.toString());
                        cur.setLength(0);
                        inWord = false;
                    }
                    out.addAll(positional);
                } else {
                    cur.append(expandString(inner));
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
                        out.add(cur.toString());
                        cur.setLength(0);
                        inWord = false;
                    }
                    out.addAll(positional);
                } else {
                    String[] parts = v.split("\\s+", -1);
                    for (int p = 0; p < parts.length; p++) {
                        if (p > 0) {
                            if (inWord || cur.length() > 0) {
                                out.add(cur.toString());
                            }
                            cur.setLength(0);
                            inWord = false;
                        }
                        if (!parts[p].isEmpty()) {
                            cur.append(parts[p]);
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
            out.add(cur.toString());
        }
        return out;
    }

    /** Expands a value as inside double quotes (assignments), returning one string. */
    public String expandString(String s) {
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
                b.append(c == '"' ? expandString(s.substring(i + 1, e)) : s.substring(i + 1, e));
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

    /** Expands the $-form at i; end[0] gets the index after it; null when '$' is literal. */
    private String expansion(String s, int i, int[] end) {
        if (--budget < 0) {
            end[0] = s.length();
            return "";
        }
        if (s.charAt(i) == '`') {
            int e = s.indexOf('`', i + 1);
            end[0] = e < 0 ? s.length() : e + 1;
            return "";
        }
        if (i + 1 >= s.length()) {
            return null;
        }
        char n = s.charAt(i + 1);
        if (n == '(') {
            int depth = 0;
            int j = i + 1;
            for (; j < s.length(); j++) {
                if (s.charAt(j) == '(') {
                    depth++;
                } else if (s.charAt(j) == ')' && --depth == 0) {
                    break;
                }
            }
            end[0] = Math.min(j + 1, s.length());
            return "";
        }
        if (n == '{') {
            int depth = 0;
            int j = i + 1;
            for (; j < s.length(); j++) {
                if (s.charAt(j) == '{') {
                    depth++;
                } else if (s.charAt(j) == '}' && --depth == 0) {
                    break;
                }
            }
            end[0] = Math.min(j + 1, s.length());
            String body = s.substring(i + 2, Math.min(j, s.length()));
            return braced(body);
        }
        if (n == '@' || n == '*') {
            end[0] = i + 2;
            return String.join(" ", positional);
        }
        if (n == '#') {
            end[0] = i + 2;
            return Integer.toString(positional.size());
        }
        if (Character.isDigit(n)) {
            end[0] = i + 2;
            int k = n - '0';
            return k >= 1 && k <= positional.size() ? positional.get(k - 1) : "";
        }
        if (n == '!' || n == '?' || n == '$' || n == '-') {
            end[0] = i + 2;
            return "$" + n;
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
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^#?([A-Za-z_][A-Za-z0-9_]*|\\d+)(:?[-=+?])?(.*)$", java.util.regex.Pattern.DOTALL).matcher(body);
        if (!m.matches()) {
            return "";
        }
        String name = m.group(1);
        String val = Character.isDigit(name.charAt(0)) ? positionalAt(Integer.parseInt(name)) : get(name);
        String op = m.group(2);
        if (op == null) {
            return body.startsWith("#") ? Integer.toString(val.length()) : val;
        }
        boolean unset = op.startsWith(":") ? val.isEmpty() : !env.containsKey(name);
        String word = expandString(m.group(3));
        return switch (op.replace(":", "")) {
            case "-", "=" -> unset ? word : val;
            case "+" -> unset ? "" : word;
            default -> val;
        };
    }

    private String positionalAt(int k) {
        return k >= 1 && k <= positional.size() ? positional.get(k - 1) : "";
    }

    private String get(String name) {
        used.add(name);
        ShellVar v = env.get(name);
        return v == null ? "" : v.value();
    }
}
