package io.kubelift.analyzer.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the {@link ShellNode} structure of a script from its logical lines: case statements,
 * if/elif/else with their conditions, {@code [ test ] && cmd} / {@code [ test ] || cmd} guards,
 * loops and functions. Unbalanced scripts are closed at EOF.
 */
public final class ShellParser {
    private static final Pattern CASE = Pattern.compile("^case\\s+(.+?)\\s+in(\\s+.*)?$");
    private static final Pattern PATTERN = Pattern.compile("^\\(?\\s*([^()]+?)\\s*\\)\\s*(.*)$");
    private static final Pattern FUNC =
            Pattern.compile(
                    "^(?:function\\s+)?([A-Za-z_][A-Za-z0-9_-]*)\\s*\\(\\s*\\)\\s*\\{?\\s*$|^function\\s+([A-Za-z_][A-Za-z0-9_-]*)\\s*\\{?\\s*$");
    private static final Pattern TEST = Pattern.compile("^!?\\s*(\\[\\[?\\s.*|test\\s.*)$");

    /** Marks a condition the interpreter must not evaluate. */
    static final String UNKNOWN = null;

    private final List<String[]> tokens = new ArrayList<>();
    private int pos;
    private int caseDepth;
    private boolean expectPattern;

    private ShellParser() {}

    public static List<ShellNode> parse(List<ShellLine> lines) {
        ShellParser p = new ShellParser();
        p.tokenize(lines);
        List<ShellNode> out = new ArrayList<>();
        while (p.pos < p.tokens.size()) {
            p.block(out, Stop.EOF);
        }
        return out;
    }

    private void tokenize(List<ShellLine> lines) {
        for (ShellLine l : lines) {
            String text = l.text();
            String ln = Integer.toString(l.line());
            if (caseDepth > 0 && expectPattern && !text.startsWith("esac")) {
                Matcher pm = PATTERN.matcher(text);
                if (pm.matches() && !text.startsWith("if ") && !text.contains("=(")) {
                    tokens.add(new String[] {"PATTERN", pm.group(1), ln});
                    text = pm.group(2);
                    expectPattern = false;
                }
            }
            pieces(ShellLexer.pieces(text), ln);
        }
    }

    private void pieces(List<ShellLexer.Piece> ps, String ln) {
        for (int k = 0; k < ps.size(); k++) {
            ShellLexer.Piece p = ps.get(k);
            String c = p.text();
            boolean chained = p.op().equals("&&") || p.op().equals("||");
            if (c.equals("if")
                    || c.startsWith("if ")
                    || c.equals("elif")
                    || c.startsWith("elif ")) {
                String kind = c.startsWith("if") ? "IF" : "ELIF";
                String cond = c.contains(" ") ? c.substring(c.indexOf(' ') + 1).strip() : UNKNOWN;
                // a compound condition (if [ a ] && [ b ]; then) is not evaluated
                while (chained && k + 1 < ps.size()) {
                    cond = UNKNOWN;
                    ShellLexer.Piece q = ps.get(++k);
                    chained = q.op().equals("&&") || q.op().equals("||");
                }
                tokens.add(new String[] {kind, cond, ln});
                continue;
            }
            if (chained && TEST.matcher(c).matches() && k + 1 < ps.size()) {
                // [ test ] && cmd… / [ test ] || cmd…: the rest of the chain runs only when the
                // test is true (false for ||)
                int j = k + 1;
                boolean mixed = false;
                while (j < ps.size()) {
                    ShellLexer.Piece q = ps.get(j++);
                    if (q.op().equals("&&") || q.op().equals("||")) {
                        mixed |= !q.op().equals(p.op());
                        continue;
                    }
                    break;
                }
                List<ShellLexer.Piece> body = new ArrayList<>(ps.subList(k + 1, j));
                ShellLexer.Piece last = body.remove(body.size() - 1);
                body.add(new ShellLexer.Piece(last.text(), ""));
                String cond = mixed ? UNKNOWN : p.op().equals("||") ? "! " + c : c;
                tokens.add(new String[] {"GUARD", cond, ln});
                pieces(body, ln);
                tokens.add(new String[] {"ENDGUARD", "", ln});
                if (last.op().equals(";;")) {
                    dsemi(ln);
                }
                k = j - 1;
                continue;
            }
            command(c, ln);
            if (p.op().equals(";;")) {
                dsemi(ln);
            }
        }
    }

    private void dsemi(String ln) {
        tokens.add(new String[] {"DSEMI", "", ln});
        expectPattern = true;
    }

    private void command(String c, String ln) {
        if (c.isEmpty()) {
            return;
        }
        Matcher cm = CASE.matcher(c);
        if (cm.matches()) {
            tokens.add(new String[] {"CASE", cm.group(1), ln});
            caseDepth++;
            expectPattern = true;
            return;
        }
        if (c.equals("esac")) {
            tokens.add(new String[] {"ESAC", "", ln});
            caseDepth = Math.max(0, caseDepth - 1);
            expectPattern = false;
            return;
        }
        tokens.add(new String[] {"CMD", c, ln});
    }

    private enum Stop {
        EOF,
        FI,
        DONE,
        BRACE,
        BRANCH,
        GUARD
    }

    /**
     * Parses nodes into {@code out} until the stop token; returns the token that ended the block
     * (fi, else, elif …) or null.
     */
    private String[] block(List<ShellNode> out, Stop stop) {
        while (pos < tokens.size()) {
            String[] t = tokens.get(pos);
            String kind = t[0];
            String text = t[1];
            int line = Integer.parseInt(t[2]);
            if (stop == Stop.BRANCH
                    && (kind.equals("DSEMI") || kind.equals("ESAC") || kind.equals("PATTERN"))) {
                return null;
            }
            pos++;
            switch (kind) {
                case "CASE" -> out.add(caseNode(text, line));
                case "PATTERN", "DSEMI", "ESAC" -> {}
                case "IF" -> out.add(ifNode(text));
                case "ELIF" -> {
                    if (stop == Stop.FI) {
                        return t;
                    }
                }
                case "GUARD" -> {
                    List<ShellNode> body = new ArrayList<>();
                    block(body, Stop.GUARD);
                    out.add(new ShellNode.Conditional(text, body, List.of()));
                }
                case "ENDGUARD" -> {
                    if (stop == Stop.GUARD) {
                        return t;
                    }
                }
                default -> {
                    String first = text.split("\\s+", 2)[0];
                    String rest =
                            text.length() > first.length()
                                    ? text.substring(first.length()).strip()
                                    : "";
                    if (first.equals("fi") && stop == Stop.FI
                            || first.equals("done") && stop == Stop.DONE
                            || (first.equals("}") || text.equals("}")) && stop == Stop.BRACE) {
                        return t;
                    }
                    if (first.equals("else") && stop == Stop.FI) {
                        if (!rest.isEmpty()) {
                            tokens.set(--pos, new String[] {"CMD", rest, t[2]});
                        }
                        return new String[] {"ELSE", "", t[2]};
                    }
                    Matcher fm = FUNC.matcher(text);
                    if (fm.matches()) {
                        List<ShellNode> body = new ArrayList<>();
                        block(body, Stop.BRACE);
                        out.add(
                                new ShellNode.Function(
                                        fm.group(1) != null ? fm.group(1) : fm.group(2), body));
                    } else if (first.equals("for")
                            || first.equals("while")
                            || first.equals("until")
                            || first.equals("select")) {
                        List<ShellNode> body = new ArrayList<>();
                        body.add(new ShellNode.Simple(text, line));
                        block(body, Stop.DONE);
                        out.add(new ShellNode.Conditional(body));
                    } else if (first.equals("then")
                            || first.equals("do")
                            || first.equals("else")
                            || first.equals("{")) {
                        if (!rest.isEmpty()) {
                            out.add(new ShellNode.Simple(rest, line));
                        }
                    } else if (first.equals("fi") || first.equals("done") || text.equals("}")) {
                        // unbalanced closer: ignore
                    } else {
                        out.add(new ShellNode.Simple(text, line));
                    }
                }
            }
        }
        return null;
    }

    /**
     * if COND; then … [elif COND; then …]* [else …] fi — an elif becomes a nested conditional in
     * the else part.
     */
    private ShellNode ifNode(String condition) {
        List<ShellNode> body = new ArrayList<>();
        String[] end = block(body, Stop.FI);
        List<ShellNode> orElse = new ArrayList<>();
        if (end != null && end[0].equals("ELIF")) {
            orElse.add(ifNode(end[1]));
        } else if (end != null && end[0].equals("ELSE")) {
            block(orElse, Stop.FI);
        }
        return new ShellNode.Conditional(condition, body, orElse);
    }

    private ShellNode caseNode(String subject, int line) {
        List<ShellNode.Branch> branches = new ArrayList<>();
        while (pos < tokens.size()) {
            String[] t = tokens.get(pos);
            if (t[0].equals("ESAC")) {
                pos++;
                break;
            }
            if (t[0].equals("PATTERN")) {
                pos++;
                List<String> pats = new ArrayList<>();
                for (String p : t[1].split("\\|")) {
                    pats.add(p.strip().replaceAll("^[\"']|[\"']$", ""));
                }
                List<ShellNode> body = new ArrayList<>();
                block(body, Stop.BRANCH);
                branches.add(new ShellNode.Branch(pats, Integer.parseInt(t[2]), body));
            } else if (t[0].equals("DSEMI")) {
                pos++;
            } else {
                List<ShellNode> stray = new ArrayList<>();
                block(stray, Stop.BRANCH);
                if (pos < tokens.size() && tokens.get(pos)[0].equals("DSEMI")) {
                    pos++;
                }
            }
        }
        return new ShellNode.Case(subject, line, branches);
    }
}
