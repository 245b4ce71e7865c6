package io.kubelift.analyzer.parse;

import io.kubelift.model.FactKind;
import io.kubelift.model.Problem;
import java.io.StringReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * YAML config (Spring {@code application*.yml} with profiles, any other {@code .yml}/{@code
 * .yaml}): flattened to dotted keys ({@code spring.datasource.password}, {@code list[0]}) with the
 * line of each scalar. Only the node graph is composed (no object construction); aliases, nesting
 * depth and size are capped so alias bombs and deep nesting are refused.
 */
final class YamlParser implements FileParser {
    static final int MAX_DEPTH = 64;

    @Override
    public String id() {
        return "yaml";
    }

    @Override
    public String configFormat() {
        return "yaml";
    }

    @Override
    public boolean accepts(SourceFile f) {
        String n = f.lowerName();
        return n.endsWith(".yml") || n.endsWith(".yaml");
    }

    static LoaderOptions options() {
        LoaderOptions o = new LoaderOptions();
        o.setMaxAliasesForCollections(20);
        o.setAllowRecursiveKeys(false);
        o.setNestingDepthLimit(MAX_DEPTH);
        o.setCodePointLimit(4 * 1024 * 1024);
        o.setAllowDuplicateKeys(true);
        return o;
    }

    @Override
    public void parse(SourceFile f, ParseContext ctx) {
        String springProfileFromName = null;
        String n = f.lowerName();
        if (n.startsWith("application-") || n.startsWith("bootstrap-")) {
            springProfileFromName = n.substring(n.indexOf('-') + 1, n.lastIndexOf('.'));
        }
        try {
            Yaml yaml = new Yaml(options());
            int doc = 0;
            for (Node root : yaml.composeAll(new StringReader(f.text()))) {
                if (root == null) {
                    continue;
                }
                doc++;
                String profile =
                        springProfileFromName != null ? springProfileFromName : profileOf(root);
                Counter budget = new Counter();
                flatten(f, ctx, "", root, profile, 0, budget);
            }
            if (f.text().contains("openapi:") || f.text().contains("swagger:")) {
                ctx.fact(FactKind.API_DESCRIPTION, "openapi", f, 1);
            }
        } catch (RuntimeException e) {
            int line = 0;
            if (e instanceof org.yaml.snakeyaml.error.MarkedYAMLException m
                    && m.getProblemMark() != null) {
                line = m.getProblemMark().getLine() + 1;
            }
            String msg =
                    e.getMessage() == null
                            ? e.getClass().getSimpleName()
                            : e.getMessage().lines().findFirst().orElse("");
            ctx.problem(Problem.Kind.PARSE_ERROR, f, line, "YAML refused or malformed: " + msg);
        }
    }

    private static final class Counter {
        int scalars;
    }

    private static String profileOf(Node root) {
        if (!(root instanceof MappingNode m)) {
            return null;
        }
        for (String path : new String[] {"spring.config.activate.on-profile", "spring.profiles"}) {
            String v = lookup(m, path.split("\\."), 0);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String lookup(MappingNode m, String[] parts, int i) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k) {
                String kv = k.getValue();
                if (kv.equals(
                                String.join(
                                        ".", java.util.Arrays.copyOfRange(parts, i, parts.length)))
                        && t.getValueNode() instanceof ScalarNode v) {
                    return v.getValue();
                }
                if (kv.equals(parts[i])
                        && i + 1 < parts.length
                        && t.getValueNode() instanceof MappingNode sub) {
                    String r = lookup(sub, parts, i + 1);
                    if (r != null) {
                        return r;
                    }
                }
            }
        }
        return null;
    }

    private static void flatten(
            SourceFile f,
            ParseContext ctx,
            String prefix,
            Node node,
            String profile,
            int depth,
            Counter budget) {
        if (depth > MAX_DEPTH || ++budget.scalars > 100_000) {
            throw new IllegalStateException("nesting or size beyond the analyzer's caps");
        }
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                String k = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
                flatten(
                        f,
                        ctx,
                        prefix.isEmpty() ? k : prefix + "." + k,
                        t.getValueNode(),
                        profile,
                        depth + 1,
                        budget);
            }
        } else if (node instanceof SequenceNode s) {
            int i = 0;
            for (Node c : s.getValue()) {
                flatten(f, ctx, prefix + "[" + i++ + "]", c, profile, depth + 1, budget);
            }
        } else if (node instanceof ScalarNode s && !prefix.isEmpty()) {
            ctx.config(
                    f,
                    new ConfigEntry(
                            f.path(),
                            "yaml",
                            prefix,
                            s.getValue(),
                            s.getStartMark().getLine() + 1,
                            profile));
        }
    }
}
