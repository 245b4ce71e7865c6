package io.kubelift.analyzer.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds the {@link ShellNode} structure of a script from its logical lines. Unbalanced scripts are closed at EOF. */
public final class ShellParser {
    private static final Pattern CASE = Pattern.compile("^case\\s+(.+?)\\s+in(\\s+.*)?$");
    private static final Pattern PATTERN = Pattern.compile("^\\(?\\s*([^()]+?)\\s*\\)\\s*(.*)$");
    private static final Pattern FUNC = Pattern.compile("^(?:function\\s+)?([A-Za-z_][A-Za-z0-9_-]*)\\s*\\(\\s*\\)\\s*\\{?\\s*$|^function\\s+([A-Za-z_][A-Za-z0-9_-]*)\\s*\\{?\\s*$");
    private final List<String[]> tokens = new ArrayList<>();
    private int pos;

    private ShellParser() {
    }

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
        int caseDepth = 0;
        boolean expectPattern = false;
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
            for (String c : ShellLexer.commands(text)) {
                Matcher cm = CASE.matcher(c);
                if (cm.matches()) {
                    tokens.add(new String[] {"CASE", cm.group(1), ln});
                    caseDepth++;
                    expectPattern = true;
                    continue;
                }
                if (c.equals(";;") || c.equals(";&") || c.equals(";;&")) {
                    tokens.add(new String[] {"DSEMI", "", ln});
                    expectPattern = true;
                    continue;
                }
                if (c.equals("esac")) {
                    tokens.add(new String[] {"ESAC", "", ln});
                    caseDepth = Math.max(0, caseDepth - 1);
                    expectPattern = caseDepth > 0 && false;
                    continue;
                }
                tokens.add(new String[] {"CMD", c, ln});
            }
        }
    }

    private enum Stop { EOF, FI, DONE, BRACE, BRANCH }

    private void block(List<ShellNode> out, Stop stop) {
        while (pos < tokens.size()) {
            String[] t = tokens.get(pos);
            String kind = t[0];
            String text = t[1];
            int line = Integer.parseInt(t[2]);
            if (stop == Stop.BRANCH && (kind.equals("DSEMI") || kind.equals("ESAC") || kind.equals("PATTERN"))) {
                return;
            }
            pos++;
            switch (kind) {
                case "CASE" -> out.add(caseNode(text, line));
                case "PATTERN", "DSEMI", "ESAC" -> { }
                default -> {
                    String first = text.split("\\s+", 2)[0];
                    String rest = text.length() > first.length() ? text.substring(first.length()).strip() : "";
                    if (first.equals("fi") && stop == Stop.FI || first.equals("done") && stop == Stop.DONE
                            || (first.equals("}") || text.equals("}")) && stop == Stop.BRACE) {
                        return;
                    }
                    Matcher fm = FUNC.matcher(text);
                    if (fm.matches()) {
                        List<ShellNode> body = new ArrayList<>();
                        block(body, Stop.BRACE);
                        out.add(new ShellNode.Function(fm.group(1) != null ? fm.group(1) : fm.group(2), body));
                    } else if (first.equals("if")) {
                        List<ShellNode> body = new ArrayList<>();
                        block(body, Stop.FI);
                        out.add(new ShellNode.Conditional(body));
                    } else if (first.equals("for") || first.equals("while") || first.equals("until") || first.equals("select")) {
                        List<ShellNode> body = new ArrayList<>();
                        body.add(new ShellNode.Simple(text, line));
                        block(body, Stop.DONE);
                        out.add(new ShellNode.Conditional(body));
                    } else if (first.equals("then") || first.equals("do") || first.equals("else") || first.equals("elif") || first.equals("{")) {
                        if (!rest.isEmpty() && !first.equals("elif")) {
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
