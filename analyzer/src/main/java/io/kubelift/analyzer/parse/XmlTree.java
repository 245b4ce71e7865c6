package io.kubelift.analyzer.parse;

import io.kubelift.model.Problem;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A small element tree with line numbers, built by a hardened SAX parser. A DOCTYPE is normal
 * (application-server and Jetty files carry one) and is accepted, but nothing in it is acted on:
 * the external DTD is never loaded or fetched, external entities are off, and a file that declares
 * any entity (internal or external, general or parameter) is refused — so there is no entity
 * expansion, no billion laughs and no XXE. XInclude is off, and nesting deeper than {@value
 * #MAX_DEPTH} is refused.
 */
final class XmlTree {
    public static final int MAX_DEPTH = 256;
    private static final SAXParserFactory FACTORY = factory();

    /**
     * An element: name (as written, with prefix), attributes in order, text, its start line,
     * children.
     */
    public static final class Element {
        public final String name;
        public final Map<String, String> attributes;
        public final int line;
        public final List<Element> children = new ArrayList<>();
        final StringBuilder text = new StringBuilder();
        int textLine;

        Element(String name, Map<String, String> attributes, int line) {
            this.name = name;
            this.attributes = attributes;
            this.line = line;
        }

        public String localName() {
            int i = name.indexOf(':');
            return i < 0 ? name : name.substring(i + 1);
        }

        public String text() {
            return text.toString().trim();
        }

        /** The line where the element's text starts (its own line when it has no text). */
        public int textLine() {
            return textLine > 0 ? textLine : line;
        }

        public Optional<Element> child(String localName) {
            return children.stream().filter(c -> c.localName().equals(localName)).findFirst();
        }

        public String childText(String localName) {
            return child(localName).map(Element::text).orElse(null);
        }

        public List<Element> all(String localName) {
            List<Element> out = new ArrayList<>();
            collect(this, localName, out);
            return out;
        }

        private static void collect(Element e, String n, List<Element> out) {
            for (Element c : e.children) {
                if (c.localName().equals(n)) {
                    out.add(c);
                }
                collect(c, n, out);
            }
        }

        public void walk(java.util.function.Consumer<Element> f) {
            f.accept(this);
            children.forEach(c -> c.walk(f));
        }
    }

    private XmlTree() {}

    private static SAXParserFactory factory() {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(false);
            f.setValidating(false);
            f.setXIncludeAware(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return f;
        } catch (Exception e) {
            throw new IllegalStateException("cannot configure a safe XML parser", e);
        }
    }

    /**
     * The root element of a config file; a file that is malformed or refused is recorded as a parse
     * error of that file (with its line) and gives nothing, so that one bad file never stops an
     * analysis.
     */
    static Optional<Element> parse(SourceFile f, ParseContext ctx) {
        try {
            return Optional.of(parse(f.text()));
        } catch (XmlException e) {
            ctx.problem(Problem.Kind.PARSE_ERROR, f, e.line, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The root element; throws {@link XmlException} with a line for anything malformed or refused.
     */
    public static Element parse(String text) throws XmlException {
        Deque<Element> stack = new ArrayDeque<>();
        Element[] root = new Element[1];
        Locator[] loc = new Locator[1];
        DefaultHandler h =
                new DefaultHandler() {
                    @Override
                    public void setDocumentLocator(Locator l) {
                        loc[0] = l;
                    }

                    @Override
                    public void startElement(
                            String uri, String local, String qName, Attributes atts)
                            throws SAXException {
                        if (stack.size() >= MAX_DEPTH) {
                            throw new SAXParseException(
                                    "elements nested deeper than " + MAX_DEPTH, loc[0]);
                        }
                        Map<String, String> a = new LinkedHashMap<>();
                        for (int i = 0; i < atts.getLength(); i++) {
                            a.put(atts.getQName(i), atts.getValue(i));
                        }
                        Element e =
                                new Element(qName, a, loc[0] == null ? 0 : loc[0].getLineNumber());
                        if (stack.isEmpty()) {
                            root[0] = e;
                        } else {
                            stack.peek().children.add(e);
                        }
                        stack.push(e);
                    }

                    @Override
                    public InputSource resolveEntity(String publicId, String systemId) {
                        return new InputSource(
                                new StringReader(
                                        "")); // never fetch or read anything a document points at
                    }

                    @Override
                    public void endElement(String uri, String local, String qName) {
                        stack.pop();
                    }

                    @Override
                    public void characters(char[] ch, int start, int length) {
                        Element e = stack.peek();
                        if (e != null) {
                            if (e.textLine == 0 && !new String(ch, start, length).isBlank()) {
                                e.textLine = loc[0] == null ? e.line : loc[0].getLineNumber();
                            }
                            e.text.append(ch, start, length);
                        }
                    }
                };
        try {
            SAXParser p = FACTORY.newSAXParser();
            p.setProperty(
                    "http://xml.org/sax/properties/declaration-handler", new EntityRefusal(loc));
            p.parse(new InputSource(new StringReader(text)), h);
        } catch (SAXParseException e) {
            throw new XmlException(e.getLineNumber(), clean(e.getMessage()));
        } catch (SAXException
                | java.io.IOException
                | javax.xml.parsers.ParserConfigurationException
                | RuntimeException e) {
            throw new XmlException(
                    loc[0] == null ? 0 : loc[0].getLineNumber(),
                    clean(String.valueOf(e.getMessage())));
        } catch (StackOverflowError e) {
            throw new XmlException(0, "nesting too deep");
        }
        if (root[0] == null) {
            throw new XmlException(0, "no root element");
        }
        return root[0];
    }

    /**
     * Refuses any entity declaration in the DOCTYPE's internal subset, before it could ever be
     * expanded.
     */
    private static final class EntityRefusal implements org.xml.sax.ext.DeclHandler {
        static final String MESSAGE =
                "an entity declared in the DOCTYPE is refused (entity expansion and external entities are never "
                        + "processed) — remove the <!ENTITY …> declaration";
        private final Locator[] loc;

        EntityRefusal(Locator[] loc) {
            this.loc = loc;
        }

        private void refuse() throws SAXException {
            throw new SAXParseException(MESSAGE, loc[0]);
        }

        @Override
        public void internalEntityDecl(String name, String value) throws SAXException {
            refuse();
        }

        @Override
        public void externalEntityDecl(String name, String publicId, String systemId)
                throws SAXException {
            refuse();
        }

        @Override
        public void elementDecl(String name, String model) {}

        @Override
        public void attributeDecl(
                String eName, String aName, String type, String mode, String value) {}
    }

    private static String clean(String m) {
        if (m == null) {
            return "malformed XML";
        }
        if (m.equals(EntityRefusal.MESSAGE)) {
            return m;
        }
        if (m.contains("DOCTYPE") || m.contains("ENTITY")) {
            return "the DOCTYPE could not be read safely ("
                    + (m.length() > 120 ? m.substring(0, 120) + "…" : m)
                    + ")";
        }
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }

    /** A parse failure with the line it happened on. */
    public static final class XmlException extends Exception {
        private static final long serialVersionUID = 1L;
        public final int line;

        public XmlException(int line, String message) {
            super(message);
            this.line = Math.max(0, line);
        }
    }
}
