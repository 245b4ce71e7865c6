package io.kubelift.analyzer.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a script into logical lines (joining {@code \} continuations, dropping comments and
 * here-document bodies) and splits a line into simple commands at {@code ;}, {@code &&}, {@code ||}
 * and {@code |} outside quotes.
 */
public final class ShellLexer {
    private static final Pattern HEREDOC =
            Pattern.compile("<<-?\\s*['\"]?([A-Za-z_][A-Za-z0-9_]*)['\"]?");

    private ShellLexer() {}

    public static List<ShellLine> lines(List<String> raw) {
        List<ShellLine> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            int start = i + 1;
            StringBuilder b = new StringBuilder();
            String l = raw.get(i);
            while (l.endsWith("\\") && i + 1 < raw.size()) {
                b.append(l, 0, l.length() - 1).append(' ');
                l = raw.get(++i);
            }
            b.append(l);
            String text = stripComment(b.toString()).strip();
            Matcher h = HEREDOC.matcher(text);
            if (h.find() && !inQuotes(text, h.start())) {
                String end = h.group(1);
                while (i + 1 < raw.size() && !raw.get(i + 1).strip().equals(end)) {
                    i++;
                }
                i++;
                text = text.substring(0, h.start()).strip();
            }
            if (!text.isEmpty()) {
                out.add(new ShellLine(text, start));
            }
        }
        return out;
    }

    static boolean inQuotes(String s, int pos) {
        boolean sq = false;
        boolean dq = false;
        for (int i = 0; i < pos && i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && !sq) {
                i++;
            } else if (c == '\'' && !dq) {
                sq = !sq;
            } else if (c == '"' && !sq) {
                dq = !dq;
            }
        }
        return sq || dq;
    }

    static String stripComment(String s) {
        boolean sq = false;
        boolean dq = false;
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && !sq) {
                i++;
            } else if (c == '\'' && !dq) {
                sq = !sq;
            } else if (c == '"' && !sq) {
                dq = !dq;
            } else if (c == '{' && !sq) {
                depth++;
            } else if (c == '}' && !sq && depth > 0) {
                depth--;
            } else if (c == '#'
                    && !sq
                    && !dq
                    && (i == 0 || Character.isWhitespace(s.charAt(i - 1)))
                    && depth == 0) {
                return s.substring(0, i);
            }
        }
        return s;
    }

    /**
     * A simple command and the operator that follows it on its line ({@code ;}, {@code &&}, {@code
     * ||}, {@code |}, {@code ;;}, or empty at the end).
     */
    public record Piece(String text, String op) {}

    /** Splits at ; && || | (not ;; and not inside quotes, $( ), backticks or ${ }). */
    public static List<String> commands(String line) {
        List<String> out = new ArrayList<>();
        for (Piece p : pieces(line)) {
            out.add(p.text());
            if (p.op().equals(";;")) {
                out.add(";;");
            }
        }
        out.removeIf(String::isEmpty);
        return out;
    }

    /**
     * Like {@link #commands} but keeps the operator after each command, so {@code [ -z "$X" ] &&
     * X=y} can be read as a guard.
     */
    public static List<Piece> pieces(String line) {
        List<Piece> out = new ArrayList<>();
        boolean sq = false;
        boolean dq = false;
        boolean bq = false;
        int paren = 0;
        int brace = 0;
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && !sq) {
                i++;
                continue;
            }
            if (c == '\'' && !dq && !bq) {
                sq = !sq;
            } else if (c == '"' && !sq) {
                dq = !dq;
            } else if (c == '`' && !sq) {
                bq = !bq;
            } else if (!sq && c == '$' && i + 1 < line.length() && line.charAt(i + 1) == '(') {
                paren++;
                i++;
            } else if (!sq && c == '$' && i + 1 < line.length() && line.charAt(i + 1) == '{') {
                brace++;
                i++;
            } else if (!sq && c == ')' && paren > 0) {
                paren--;
            } else if (!sq && c == '}' && brace > 0) {
                brace--;
            } else if (!sq && !dq && !bq && paren == 0 && brace == 0) {
                boolean dsemi = c == ';' && i + 1 < line.length() && line.charAt(i + 1) == ';';
                if (dsemi) {
                    out.add(new Piece(line.substring(start, i).strip(), ";;"));
                    i++;
                    start = i + 1;
                } else if (c == ';'
                        || c == '|'
                        || c == '&' && i + 1 < line.length() && line.charAt(i + 1) == '&') {
                    String text = line.substring(start, i).strip();
                    String op = Character.toString(c);
                    if (i + 1 < line.length()
                            && (line.charAt(i + 1) == '|' || line.charAt(i + 1) == '&')) {
                        op = line.substring(i, i + 2);
                        i++;
                    }
                    out.add(new Piece(text, op));
                    start = i + 1;
                }
            }
        }
        out.add(new Piece(line.substring(start).strip(), ""));
        return out;
    }
}
