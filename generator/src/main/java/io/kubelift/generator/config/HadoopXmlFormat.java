package io.kubelift.generator.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hadoop's {@code <configuration><property><name/><value/></property></configuration>} files,
 * edited as text so that comments, blank lines, order and the XML declaration stay as they were.
 * Hadoop expands {@code ${env.X}} in values itself, so secrets need no rendering at start-up.
 */
public final class HadoopXmlFormat implements ConfigFormat {
    private static final Pattern PROPERTY =
            Pattern.compile("<property\\b[^>]*>(.*?)</property\\s*>", Pattern.DOTALL);
    private static final Pattern NAME =
            Pattern.compile("<name\\s*>(.*?)</name\\s*>", Pattern.DOTALL);
    private static final Pattern VALUE =
            Pattern.compile("<value\\s*>(.*?)</value\\s*>|<value\\s*/>", Pattern.DOTALL);
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern END = Pattern.compile("</configuration\\s*>");

    @Override
    public String name() {
        return "hadoop-xml";
    }

    @Override
    public String envPlaceholder(String env) {
        return "${env." + env + "}";
    }

    @Override
    public boolean appResolvesPlaceholders() {
        return true;
    }

    @Override
    public String apply(String text, List<ConfigEdit> edits) {
        String out = text;
        for (ConfigEdit edit : edits) {
            out = applyOne(out, edit);
        }
        return out;
    }

    private String applyOne(String text, ConfigEdit edit) {
        List<int[]> comments = ranges(COMMENT.matcher(text));
        Matcher p = PROPERTY.matcher(text);
        String indent = null;
        while (p.find()) {
            if (inside(comments, p.start())) {
                continue;
            }
            if (indent == null) {
                indent = indentBefore(text, p.start());
            }
            String body = p.group(1);
            Matcher n = NAME.matcher(body);
            if (!n.find() || !unescape(n.group(1).strip()).equals(edit.key())) {
                continue;
            }
            Matcher v = VALUE.matcher(body);
            boolean hasValue = v.find();
            String current = hasValue ? (v.group(1) == null ? "" : unescape(v.group(1))) : "";
            String next = edit.change().apply(current);
            if (next == null) {
                return text;
            }
            String element = "<value>" + escape(next) + "</value>";
            String newBody =
                    hasValue
                            ? body.substring(0, v.start()) + element + body.substring(v.end())
                            : body.substring(0, n.end()) + element + body.substring(n.end());
            String ind = indentBefore(text, p.start());
            return text.substring(0, p.start())
                    + comment(edit.reason())
                    + "\n"
                    + ind
                    + text.substring(p.start(), p.start(1))
                    + newBody
                    + text.substring(p.end(1));
        }
        String next = edit.change().apply(null);
        if (next == null) {
            return text;
        }
        String ind = indent == null ? "  " : indent;
        String block =
                ind
                        + comment(edit.reason())
                        + "\n"
                        + ind
                        + "<property>\n"
                        + ind
                        + ind
                        + "<name>"
                        + escape(edit.key())
                        + "</name>\n"
                        + ind
                        + ind
                        + "<value>"
                        + escape(next)
                        + "</value>\n"
                        + ind
                        + "</property>\n";
        Matcher end = END.matcher(text);
        int at = -1;
        while (end.find()) {
            if (!inside(comments, end.start())) {
                at = end.start();
            }
        }
        if (at < 0) {
            throw new IllegalArgumentException("no </configuration> element");
        }
        int lineStart = text.lastIndexOf('\n', at - 1) + 1;
        boolean onlySpaceBefore = text.substring(lineStart, at).isBlank();
        if (onlySpaceBefore) {
            return text.substring(0, lineStart) + block + text.substring(lineStart);
        }
        return text.substring(0, at) + "\n" + block + text.substring(at);
    }

    private static String comment(String reason) {
        return "<!-- kubelift: " + reason.replace("--", "- -") + " -->";
    }

    private static String indentBefore(String text, int at) {
        int lineStart = text.lastIndexOf('\n', at - 1) + 1;
        String before = text.substring(lineStart, at);
        return before.isBlank() ? before : "";
    }

    private static List<int[]> ranges(Matcher m) {
        List<int[]> r = new ArrayList<>();
        while (m.find()) {
            r.add(new int[] {m.start(), m.end()});
        }
        return r;
    }

    private static boolean inside(List<int[]> ranges, int at) {
        for (int[] r : ranges) {
            if (at >= r[0] && at < r[1]) {
                return true;
            }
        }
        return false;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String unescape(String s) {
        return s.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}
