package io.kubelift.checker.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelift.model.AppFiles;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** A Konveyor {@code when} condition kubelift can evaluate over the app's files. */
sealed interface Condition {
    /** One place a condition matched. */
    record Match(String file, int line, String text) {}

    List<Match> matches(AppFiles app, JavaIndex index);

    /** A condition kubelift does not evaluate (the rule is skipped, not half-run). */
    final class Unsupported extends Exception {
        Unsupported(String message) {
            super(message);
        }
    }

    static Condition parse(JsonNode when) throws Unsupported {
        if (!when.isObject() || when.size() == 0) {
            throw new IllegalArgumentException("'when' must be a mapping with one condition");
        }
        List<Condition> all = new ArrayList<>();
        var fields = when.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            String key = e.getKey();
            JsonNode v = e.getValue();
            if (key.equals("as") || key.equals("from") || key.equals("ignore")) {
                throw new Unsupported("chained conditions ('" + key + "') are not supported");
            }
            if (key.equals("not")) {
                throw new Unsupported("'not' is not supported");
            }
            if (v.isObject() && v.path("not").asBoolean(false)) {
                throw new Unsupported("'not: true' is not supported");
            }
            all.add(
                    switch (key) {
                        case "or" -> new Or(children(v));
                        case "and" -> new And(children(v));
                        case "java.referenced" ->
                                new JavaReferenced(
                                        JavaIndex.pattern(text(v, "pattern")),
                                        v.path("location")
                                                .asText("")
                                                .toUpperCase(java.util.Locale.ROOT));
                        case "builtin.filecontent" ->
                                new FileContent(
                                        regex(text(v, "pattern")),
                                        v.has("filePattern")
                                                ? regex(v.get("filePattern").asText())
                                                : null);
                        case "builtin.file" -> new FileName(regex(text(v, "pattern")));
                        case "builtin.xml" -> Xml.of(v);
                        default ->
                                throw new Unsupported(
                                        "condition '"
                                                + key
                                                + "' is not supported (supported: java.referenced, "
                                                + "builtin.filecontent, builtin.file, builtin.xml, and, or)");
                    });
        }
        return all.size() == 1 ? all.get(0) : new And(all);
    }

    private static List<Condition> children(JsonNode v) throws Unsupported {
        if (!v.isArray()) {
            throw new IllegalArgumentException("and/or take a list of conditions");
        }
        List<Condition> out = new ArrayList<>();
        for (JsonNode c : v) {
            out.add(parse(c));
        }
        return out;
    }

    private static String text(JsonNode v, String field) {
        String s = v.path(field).asText("");
        if (s.isBlank()) {
            throw new IllegalArgumentException("'" + field + "' is required");
        }
        return s;
    }

    static Pattern regex(String s) {
        try {
            return Pattern.compile(s);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "'" + s + "' is not a valid regular expression: " + e.getDescription());
        }
    }

    record Or(List<Condition> any) implements Condition {
        @Override
        public List<Match> matches(AppFiles app, JavaIndex index) {
            List<Match> out = new ArrayList<>();
            any.forEach(c -> out.addAll(c.matches(app, index)));
            return out;
        }
    }

    /** All must match; the findings are those of the first condition. */
    record And(List<Condition> all) implements Condition {
        @Override
        public List<Match> matches(AppFiles app, JavaIndex index) {
            List<Match> first = null;
            for (Condition c : all) {
                List<Match> m = c.matches(app, index);
                if (m.isEmpty()) {
                    return List.of();
                }
                first = first == null ? m : first;
            }
            return first == null ? List.of() : first;
        }
    }

    record JavaReferenced(Pattern pattern, String location) implements Condition {
        @Override
        public List<Match> matches(AppFiles app, JavaIndex index) {
            return index.find(pattern, location);
        }
    }

    record FileContent(Pattern pattern, Pattern filePattern) implements Condition {
        @Override
        public List<Match> matches(AppFiles app, JavaIndex index) {
            List<Match> out = new ArrayList<>();
            for (String f : app.list()) {
                if (filePattern != null && !filePattern.matcher(f).find()) {
                    continue;
                }
                Optional<String> text = JavaIndex.text(app, f);
                if (text.isEmpty()) {
                    continue;
                }
                String[] lines = text.get().split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (pattern.matcher(lines[i]).find()) {
                        out.add(new Match(f, i + 1, lines[i].strip()));
                    }
                }
            }
            return out;
        }
    }

    record FileName(Pattern pattern) implements Condition {
        @Override
        public List<Match> matches(AppFiles app, JavaIndex index) {
            List<Match> out = new ArrayList<>();
            for (String f : app.list()) {
                String name = f.substring(f.lastIndexOf('/') + 1);
                if (pattern.matcher(name).matches() || pattern.matcher(f).matches()) {
                    out.add(new Match(f, 0, null));
                }
            }
            return out;
        }
    }

    record Xml(XPathExpression xpath, String source, List<String> filepaths) implements Condition {
        static Xml of(JsonNode v) {
            String expr = text(v, "xpath");
            Map<String, String> ns = new LinkedHashMap<>();
            v.path("namespaces")
                    .fields()
                    .forEachRemaining(e -> ns.put(e.getKey(), e.getValue().asText()));
            List<String> paths = new ArrayList<>();
            v.path("filepaths").forEach(p -> paths.add(p.asText()));
            try {
                var xp = XPathFactory.newInstance().newXPath();
                xp.setNamespaceContext(
                        new NamespaceContext() {
                            @Override
                            public String getNamespaceURI(String prefix) {
                                return ns.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
                            }

                            @Override
                            public String getPrefix(String uri) {
                                return null;
                            }

                            @Override
                            public java.util.Iterator<String> getPrefixes(String uri) {
                                return java.util.Collections.emptyIterator();
                            }
                        });
                return new Xml(xp.compile(expr), expr, paths);
            } catch (javax.xml.xpath.XPathExpressionException e) {
                throw new IllegalArgumentException(
                        "'" + expr + "' is not a valid XPath: " + e.getMessage());
            }
        }

        @Override
        public List<Match> matches(AppFiles app, JavaIndex index) {
            List<Match> out = new ArrayList<>();
            for (String f : app.list()) {
                String name = f.substring(f.lastIndexOf('/') + 1);
                if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".xml")
                        || !filepaths.isEmpty()
                                && filepaths.stream()
                                        .noneMatch(p -> p.equals(name) || f.endsWith(p))) {
                    continue;
                }
                Optional<byte[]> bytes = app.read(f);
                if (bytes.isEmpty()) {
                    continue;
                }
                try {
                    DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
                    dbf.setNamespaceAware(true);
                    dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
                    dbf.setFeature("http://xml.org/sax/features/external-general-entities", false);
                    dbf.setFeature(
                            "http://xml.org/sax/features/external-parameter-entities", false);
                    dbf.setFeature(
                            "http://apache.org/xml/features/nonvalidating/load-external-dtd",
                            false);
                    dbf.setExpandEntityReferences(false);
                    dbf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                    var builder = dbf.newDocumentBuilder();
                    builder.setErrorHandler(null);
                    builder.setEntityResolver(
                            (p, s) -> new org.xml.sax.InputSource(new java.io.StringReader("")));
                    Document doc = builder.parse(new ByteArrayInputStream(bytes.get()));
                    NodeList nodes = (NodeList) xpath.evaluate(doc, XPathConstants.NODESET);
                    String text = new String(bytes.get(), StandardCharsets.UTF_8);
                    for (int i = 0; i < nodes.getLength(); i++) {
                        Node n = nodes.item(i);
                        out.add(new Match(f, lineOf(text, n), n.getNodeName()));
                    }
                } catch (Exception e) {
                    // not well-formed or not XML the rule is about: no match (the analyzer reports
                    // parse problems)
                }
            }
            return out;
        }

        private static int lineOf(String text, Node n) {
            String local = n.getLocalName() == null ? n.getNodeName() : n.getLocalName();
            Matcher m =
                    Pattern.compile("<(\\w+:)?" + Pattern.quote(local) + "[\\s>/]").matcher(text);
            if (m.find()) {
                return (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count()
                        + 1;
            }
            return 0;
        }
    }
}
