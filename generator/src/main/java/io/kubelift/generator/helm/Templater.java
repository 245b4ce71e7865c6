package io.kubelift.generator.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.kubelift.generator.KubeYaml;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an object tree into a Helm template: values in the tree are replaced by placeholder tokens,
 * the tree is written as YAML like every other generated file, then each token becomes template
 * text. Three kinds: a scalar ({@code {{ expr }}} in place), a block (the key's value is {@code {{-
 * PIPELINE | nindent N }}}) and lines (a placeholder key replaced by template lines at its
 * indentation, e.g. an optional {@code with} block). Literal text that contains template delimiters
 * is escaped, so a config value can never run as a template.
 */
final class Templater {
    private static final Pattern SCALAR = Pattern.compile("KLV(\\d+)X");
    private static final Pattern BLOCK = Pattern.compile("^(\\s*)(- )?([^:\\s]+): KLB(\\d+)X$");
    private static final Pattern LINES = Pattern.compile("^(\\s*)(- )?KLO(\\d+)X: x$");

    /**
     * In template lines, {@code nindent +N} is N columns deeper than the placeholder's own
     * indentation.
     */
    private static final Pattern RELATIVE_NINDENT = Pattern.compile("nindent \\+(\\d+)");

    private final List<String> scalars = new ArrayList<>();
    private final List<String> blocks = new ArrayList<>();
    private final List<List<String>> lines = new ArrayList<>();

    /** A token for {@code {{ expr }}}. */
    TextNode scalar(String expr) {
        scalars.add(expr);
        return TextNode.valueOf("KLV" + (scalars.size() - 1) + "X");
    }

    /** A token for a key whose value is {@code {{- pipeline | nindent N }}}. */
    TextNode block(String pipeline) {
        blocks.add(pipeline);
        return TextNode.valueOf("KLB" + (blocks.size() - 1) + "X");
    }

    /**
     * Adds a placeholder key to {@code o} that becomes {@code templateLines} at its indentation.
     */
    void lines(ObjectNode o, List<String> templateLines) {
        lines.add(templateLines);
        o.put("KLO" + (lines.size() - 1) + "X", "x");
    }

    /** Escapes every literal string that holds template delimiters. */
    void escapeLiterals(JsonNode n) {
        if (n instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isTextual() && isLiteral(e.getValue().asText())) {
                    e.setValue(scalar(goString(e.getValue().asText()) + " | quote"));
                } else {
                    escapeLiterals(e.getValue());
                }
            }
        } else if (n instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isTextual() && isLiteral(a.get(i).asText())) {
                    a.set(i, scalar(goString(a.get(i).asText()) + " | quote"));
                } else {
                    escapeLiterals(a.get(i));
                }
            }
        }
    }

    private static boolean isLiteral(String s) {
        return s.contains("{{") || s.contains("}}");
    }

    /** A Go template string literal. */
    static String goString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\x%02x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** The YAML of {@code tree} with every placeholder replaced. */
    String render(JsonNode tree) {
        String yaml = KubeYaml.write(tree);
        StringBuilder out = new StringBuilder();
        for (String line : yaml.split("\n", -1)) {
            Matcher b = BLOCK.matcher(line);
            Matcher l = LINES.matcher(line);
            if (b.matches()) {
                int indent = b.group(1).length() + (b.group(2) == null ? 0 : 2) + 2;
                out.append(b.group(1))
                        .append(b.group(2) == null ? "" : "- ")
                        .append(b.group(3))
                        .append(":\n")
                        .append(" ".repeat(indent))
                        .append("{{- ")
                        .append(blocks.get(Integer.parseInt(b.group(4))))
                        .append(" | nindent ")
                        .append(indent)
                        .append(" }}\n");
            } else if (l.matches()) {
                if (l.group(2) != null) {
                    throw new IllegalStateException(
                            "a template-lines placeholder cannot start a list item");
                }
                int indent = l.group(1).length();
                for (String t : lines.get(Integer.parseInt(l.group(3)))) {
                    Matcher rel = RELATIVE_NINDENT.matcher(t);
                    StringBuilder sb = new StringBuilder();
                    while (rel.find()) {
                        rel.appendReplacement(
                                sb, "nindent " + (indent + Integer.parseInt(rel.group(1))));
                    }
                    rel.appendTail(sb);
                    out.append(t.isEmpty() ? "" : l.group(1) + sb).append('\n');
                }
            } else {
                Matcher s = SCALAR.matcher(line);
                StringBuilder sb = new StringBuilder();
                while (s.find()) {
                    s.appendReplacement(
                            sb,
                            Matcher.quoteReplacement(
                                    "{{ " + scalars.get(Integer.parseInt(s.group(1))) + " }}"));
                }
                s.appendTail(sb);
                out.append(sb).append('\n');
            }
        }
        String text = out.toString();
        while (text.endsWith("\n\n")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }
}
