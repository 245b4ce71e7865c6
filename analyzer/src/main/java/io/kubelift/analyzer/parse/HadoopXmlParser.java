package io.kubelift.analyzer.parse;

import io.kubelift.model.FactKind;
import io.kubelift.model.Problem;

/**
 * Hadoop-style configuration XML ({@code <configuration><property><name/><value/><final/>}): the
 * {@code *-site.xml} files of Hadoop, HBase, Hive, Spark's hive-site and friends. XIncludes are
 * noted, not followed.
 */
final class HadoopXmlParser implements FileParser {
    @Override
    public String id() {
        return "hadoop-xml";
    }

    @Override
    public String configFormat() {
        return "hadoop-xml";
    }

    /**
     * Hadoop's shape: a bare {@code <property>} whose first child is name, value or description.
     * Other vocabularies also have a {@code <configuration>} root with {@code <property key=…
     * value=…/>} elements (ActiveMQ Artemis's broker.xml); they are generic XML.
     */
    private static final java.util.regex.Pattern HADOOP_PROPERTY =
            java.util.regex.Pattern.compile(
                    "<property>\\s*(?:<!--(?:(?!-->)[\\s\\S])*-->\\s*)*<(?:name|value|description)>");

    @Override
    public boolean accepts(SourceFile f) {
        return f.lowerName().endsWith(".xml")
                && f.text().contains("<configuration")
                && HADOOP_PROPERTY.matcher(f.text()).find();
    }

    @Override
    public void parse(SourceFile f, ParseContext ctx) {
        XmlTree.Element root = XmlTree.parse(f, ctx).orElse(null);
        if (root == null) {
            return;
        }
        for (XmlTree.Element inc : root.all("include")) {
            ctx.problem(
                    Problem.Kind.NOTE,
                    f,
                    inc.line,
                    "XInclude of '" + inc.attributes.getOrDefault("href", "?") + "' not followed");
        }
        for (XmlTree.Element p : root.all("property")) {
            String name = p.childText("name");
            if (name == null || name.isBlank()) {
                continue;
            }
            XmlTree.Element valueEl = p.child("value").orElse(null);
            String value = valueEl == null ? "" : valueEl.text();
            int line = valueEl != null ? valueEl.textLine() : p.line;
            ctx.config(f, new ConfigEntry(f.path(), "hadoop-xml", name.trim(), value, line));
            if ("true".equalsIgnoreCase(p.childText("final"))) {
                ctx.fact(
                        FactKind.CONFIG_PROPERTY,
                        name.trim() + "#final",
                        "true",
                        java.util.Map.of("format", "hadoop-xml"),
                        f,
                        line);
            }
        }
    }
}
