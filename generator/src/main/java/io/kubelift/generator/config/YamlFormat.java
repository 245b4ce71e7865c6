package io.kubelift.generator.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * YAML files (e.g. Spring Boot's application.yml), edited line by line. A plan key is the dotted
 * path of block-mapping keys ({@code spring.datasource.password}); a key written flat with dots in
 * the file matches too. The value on that line is replaced, keeping indentation and a trailing
 * comment; a missing key is added under its deepest existing parent. Keys inside sequences and flow
 * collections are not addressed. Placeholders are {@code ${X}}, rendered by the start script from
 * the environment.
 */
public final class YamlFormat implements ConfigFormat {
    private static final Pattern ENTRY =
            Pattern.compile(
                    "^( *)((?:\"[^\"]*\"|'[^']*'|[^\\s#'\"\\-{\\[][^:#]*?)):(?:[ \\t]+(.*?))?[ \\t]*$");

    @Override
    public String name() {
        return "yaml";
    }

    @Override
    public String envPlaceholder(String env) {
        return "${" + env + "}";
    }

    @Override
    public boolean appResolvesPlaceholders() {
        return false;
    }

    private record Entry(int line, int indent, String path, String value, String comment) {}

    @Override
    public String apply(String text, List<ConfigEdit> edits) {
        return LineEdits.apply(text, edits, YamlFormat::applyOne);
    }

    private static List<Entry> entries(List<String> lines) {
        List<Entry> out = new ArrayList<>();
        List<int[]> stackIndent = new ArrayList<>();
        List<String> stackKey = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#") || t.equals("---") || t.equals("...")) {
                continue;
            }
            Matcher m = ENTRY.matcher(line);
            int indent = line.length() - line.stripLeading().length();
            while (!stackIndent.isEmpty() && stackIndent.get(stackIndent.size() - 1)[0] >= indent) {
                stackIndent.remove(stackIndent.size() - 1);
                stackKey.remove(stackKey.size() - 1);
            }
            if (!m.matches()) {
                // a sequence item or anything else: its children are not addressed
                stackIndent.add(new int[] {indent});
                stackKey.add(null);
                continue;
            }
            String key = unquote(m.group(2).strip());
            String rest = m.group(3) == null ? "" : m.group(3);
            String value = rest;
            String comment = "";
            int hash = commentStart(rest);
            if (hash >= 0) {
                value = rest.substring(0, hash).stripTrailing();
                comment = rest.substring(hash);
            }
            boolean addressable = !stackKey.contains(null);
            String path = addressable ? String.join(".", new ArrayList<>(stackKey)) : null;
            path = path == null ? null : (path.isEmpty() ? key : path + "." + key);
            out.add(new Entry(i, indent, path, value, comment));
            stackIndent.add(new int[] {indent});
            stackKey.add(addressable ? key : null);
        }
        return out;
    }

    private static void applyOne(List<String> lines, ConfigEdit edit) {
        List<Entry> entries = entries(lines);
        // every occurrence, last first so earlier line numbers stay valid: the same key in several
        // documents (a Spring
        // profile each) is edited in each, so no profile keeps its own copy of an old value
        boolean found = false;
        for (int k = entries.size() - 1; k >= 0; k--) {
            Entry e = entries.get(k);
            if (edit.key().equals(e.path())
                    && !e.value().isEmpty()
                    && !e.value().startsWith("|")
                    && !e.value().startsWith(">")) {
                String next = edit.change().apply(unquote(e.value()));
                if (next == null) {
                    return;
                }
                String line = lines.get(e.line());
                int colon = line.indexOf(':', e.indent() + keyLength(line, e.indent()));
                String head = line.substring(0, colon + 1);
                lines.set(
                        e.line(),
                        head
                                + " "
                                + scalar(next)
                                + (e.comment().isEmpty() ? "" : " " + e.comment()));
                lines.add(e.line(), " ".repeat(e.indent()) + "# kubelift: " + edit.reason());
                found = true;
            }
        }
        if (found) {
            return;
        }
        String next = edit.change().apply(null);
        if (next == null) {
            return;
        }
        // deepest existing parent
        String[] parts = edit.key().split("\\.");
        Entry parent = null;
        int used = 0;
        for (int n = parts.length - 1; n > 0 && parent == null; n--) {
            String prefix = String.join(".", java.util.Arrays.copyOfRange(parts, 0, n));
            for (Entry e : entries) {
                if (prefix.equals(e.path()) && e.value().isEmpty()) {
                    parent = e;
                    used = n;
                    break;
                }
            }
        }
        for (int n = 1; n < parts.length; n++) {
            String prefix = String.join(".", java.util.Arrays.copyOfRange(parts, 0, n));
            for (Entry e : entries) {
                if (prefix.equals(e.path()) && !e.value().isEmpty()) {
                    throw new IllegalArgumentException(
                            "cannot add "
                                    + edit.key()
                                    + ": "
                                    + prefix
                                    + " holds a value, not a mapping");
                }
            }
        }
        int insertAt;
        int indent;
        if (parent == null) {
            insertAt = lines.size();
            indent = 0;
        } else {
            int childIndent = -1;
            insertAt = parent.line() + 1;
            for (int i = parent.line() + 1; i < lines.size(); i++) {
                String t = lines.get(i).strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                int ind = lines.get(i).length() - lines.get(i).stripLeading().length();
                if (ind <= parent.indent() && !(ind == parent.indent() && t.startsWith("- "))) {
                    break;
                }
                if (childIndent < 0 && (t.startsWith("- ") || t.equals("-"))) {
                    throw new IllegalArgumentException(
                            "cannot add " + edit.key() + ": " + parent.path() + " is a sequence");
                }
                childIndent = childIndent < 0 ? ind : childIndent;
                insertAt = i + 1;
            }
            indent = childIndent < 0 ? parent.indent() + 2 : childIndent;
        }
        int step = parent == null ? 2 : Math.max(2, indent - parent.indent());
        List<String> block = new ArrayList<>();
        block.add(" ".repeat(indent) + "# kubelift: " + edit.reason());
        for (int i = used; i < parts.length; i++) {
            int ind = indent + (i - used) * step;
            block.add(
                    " ".repeat(ind)
                            + parts[i]
                            + ":"
                            + (i == parts.length - 1 ? " " + scalar(next) : ""));
        }
        lines.addAll(insertAt, block);
    }

    private static int keyLength(String line, int from) {
        Matcher m = ENTRY.matcher(line);
        return m.matches() ? m.group(2).length() : 0;
    }

    private static int commentStart(String rest) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (c == '#'
                    && !single
                    && !dbl
                    && (i == 0 || Character.isWhitespace(rest.charAt(i - 1)))) {
                return i;
            }
        }
        return -1;
    }

    private static String unquote(String v) {
        if (v.length() >= 2
                && ((v.startsWith("\"") && v.endsWith("\""))
                        || (v.startsWith("'") && v.endsWith("'")))) {
            String inner = v.substring(1, v.length() - 1);
            return v.startsWith("'")
                    ? inner.replace("''", "'")
                    : inner.replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return v;
    }

    /**
     * A scalar as a person would write it: plain when YAML can hold the text plainly (numbers and
     * booleans stay typed, as in the original file), double-quoted when it starts with an indicator
     * or holds ": " or " #".
     */
    static String scalar(String v) {
        boolean plain =
                !v.isEmpty()
                        && v.equals(v.strip())
                        && "-?:,[]{}#&*!|>'\"%@`".indexOf(v.charAt(0)) < 0
                        && !v.contains(": ")
                        && !v.contains(" #")
                        && !v.endsWith(":");
        return plain ? v : "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
