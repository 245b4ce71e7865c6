package io.kubelift.analyzer.parse;

import io.kubelift.model.FactKind;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Any XML that is not Hadoop-style: Maven {@code pom.xml}, servlet {@code web.xml}, Tomcat {@code
 * server.xml} and {@code tomcat-users.xml}, logback/log4j2/log4j XML, and vendor XML (ActiveMQ,
 * Jetty…). Element attributes go through the shared config rules as {@code path/to/Element@attr}
 * keys (so keystorePass, port, url attributes are found in any vocabulary), a leaf element's text
 * as {@code path/to/element}, and a named value ({@code <property name="n" value="v"/>}, {@code
 * <Property name="n" default="v"/>}) as {@code path/n}; an element with a {@code username} or
 * {@code name} attribute is keyed by it ({@code tomcat-users/user[admin]@password}, {@code
 * Context/Resource[jdbc/shop]@password}) so repeated elements keep distinct keys; the known
 * vocabularies add descriptor facts.
 */
final class XmlConfigParser implements FileParser {
    @Override
    public String id() {
        return "xml";
    }

    @Override
    public String configFormat() {
        return "xml";
    }

    @Override
    public boolean accepts(SourceFile f) {
        String n = f.lowerName();
        return (n.endsWith(".xml") || n.endsWith(".wsdl")) && !new HadoopXmlParser().accepts(f);
    }

    @Override
    public void parse(SourceFile f, ParseContext ctx) {
        XmlTree.Element root = XmlTree.parse(f, ctx).orElse(null);
        if (root == null) {
            return;
        }
        String r = root.localName();
        if (f.lowerName().endsWith(".wsdl") || r.equals("definitions")) {
            ctx.fact(FactKind.API_DESCRIPTION, "wsdl", f, root.line);
            return;
        }
        switch (r) {
            case "project" -> PomRules.apply(root, f, ctx);
            case "web-app" -> webXml(root, f, ctx);
            default -> {
                attributes(root, "", f, ctx);
                logAppenders(root, f, ctx);
            }
        }
    }

    private static void attributes(
            XmlTree.Element e, String parent, SourceFile f, ParseContext ctx) {
        String id = e.attributes.getOrDefault("name", e.attributes.get("username"));
        String self =
                e.localName()
                        + (id == null || id.isBlank() || id.contains("$") ? "" : "[" + id + "]");
        String path = parent.isEmpty() ? self : parent + "/" + self;
        for (Map.Entry<String, String> a : e.attributes.entrySet()) {
            if (a.getKey().startsWith("xmlns") || a.getKey().contains(":")) {
                continue;
            }
            ctx.config(
                    f,
                    new ConfigEntry(
                            f.path(),
                            "xml",
                            path + "@" + a.getKey(),
                            a.getValue(),
                            attributeLine(f, e.line, a.getKey())));
        }
        // <system-property name="JMS_PROVIDER_PORT" value="7676"/>, <Property
        // name="jetty.http.port" default="8080"/>,
        // <property name="x" value="y"/>: a named setting whose value (or default) is an attribute
        String pairValue =
                e.attributes.containsKey("value")
                        ? e.attributes.get("value")
                        : e.attributes.get("default");
        if (id != null && pairValue != null && id.matches("[\\w.$-]+") && !id.contains("$")) {
            String at = e.attributes.containsKey("value") ? "value" : "default";
            ctx.config(
                    f,
                    new ConfigEntry(
                            f.path(),
                            "xml",
                            (parent.isEmpty() ? "" : parent + "/") + id,
                            pairValue,
                            attributeLine(f, e.line, at)));
        }
        // a leaf element's text is its value: <acceptor
        // name="artemis">tcp://0.0.0.0:61616</acceptor>,
        // <journal-directory>data/journal</journal-directory>, <password>…</password>
        String text = e.children.isEmpty() ? e.text() : "";
        if (!text.isEmpty() && text.length() <= MAX_TEXT_VALUE) {
            ctx.config(f, new ConfigEntry(f.path(), "xml", path, text, e.textLine()));
        }
        for (XmlTree.Element c : e.children) {
            attributes(c, path, f, ctx);
        }
    }

    /** Longer texts are documents (scripts, SQL, descriptions), not setting values. */
    static final int MAX_TEXT_VALUE = 2048;

    /**
     * The line an attribute is written on: the parser reports where the start tag ends, so look
     * back (at most 40 lines) for {@code name=}; fall back to the tag's line.
     */
    static int attributeLine(SourceFile f, int tagLine, String attr) {
        Pattern p = Pattern.compile("(^|\\s)" + Pattern.quote(attr) + "\\s*=");
        for (int l = tagLine; l >= 1 && l > tagLine - 40; l--) {
            if (p.matcher(f.line(l)).find()) {
                return l;
            }
        }
        return tagLine;
    }

    private static void logAppenders(XmlTree.Element root, SourceFile f, ParseContext ctx) {
        String r = root.localName().toLowerCase(Locale.ROOT);
        if (r.equals("configuration") && !root.all("appender").isEmpty()) {
            // logback (appender class=...) or log4j 1.x XML (appender class=...)
            String fw = f.lowerName().contains("logback") ? "logback" : "log4j";
            for (XmlTree.Element a : root.all("appender")) {
                String file = a.childText("file");
                if (file == null) {
                    file =
                            a.all("param").stream()
                                    .filter(p -> "File".equalsIgnoreCase(p.attributes.get("name")))
                                    .map(p -> p.attributes.get("value"))
                                    .findFirst()
                                    .orElse(null);
                }
                LogConfigRules.appender(
                        ctx,
                        f,
                        a.line,
                        a.attributes.getOrDefault("name", "?"),
                        a.attributes.getOrDefault("class", ""),
                        file,
                        fw);
            }
        }
        if (r.equals("configuration")) {
            root.child("Appenders")
                    .ifPresent(
                            apps -> {
                                for (XmlTree.Element a : apps.children) {
                                    String type = a.localName();
                                    LogConfigRules.appender(
                                            ctx,
                                            f,
                                            a.line,
                                            a.attributes.getOrDefault("name", type),
                                            type,
                                            a.attributes.get("fileName"),
                                            "log4j2");
                                }
                            });
        }
    }

    private static void webXml(XmlTree.Element root, SourceFile f, ParseContext ctx) {
        for (XmlTree.Element s : root.all("servlet")) {
            ctx.fact(
                    FactKind.WEB_DESCRIPTOR,
                    "servlet:" + s.childText("servlet-name"),
                    s.childText("servlet-class"),
                    Map.of(),
                    f,
                    s.line);
        }
        for (XmlTree.Element m : root.all("servlet-mapping")) {
            m.all("url-pattern")
                    .forEach(
                            u ->
                                    ctx.fact(
                                            FactKind.WEB_DESCRIPTOR,
                                            "url-pattern:" + u.text(),
                                            m.childText("servlet-name"),
                                            Map.of(),
                                            f,
                                            u.line));
        }
        for (XmlTree.Element l : root.all("listener")) {
            ctx.fact(
                    FactKind.WEB_DESCRIPTOR,
                    "listener",
                    l.childText("listener-class"),
                    Map.of(),
                    f,
                    l.line);
        }
        for (XmlTree.Element s : root.all("session-config")) {
            ctx.fact(
                    FactKind.HTTP_SESSION,
                    "session-config",
                    s.childText("session-timeout"),
                    Map.of(),
                    f,
                    s.line);
        }
        for (XmlTree.Element l : root.all("login-config")) {
            String m = l.childText("auth-method");
            ctx.fact(
                    FactKind.AUTH_MECHANISM,
                    m == null ? "container" : m,
                    null,
                    ParseContext.attrs("realm", l.childText("realm-name")),
                    f,
                    l.line);
        }
        for (XmlTree.Element p : root.all("context-param")) {
            String name = p.childText("param-name");
            if (name != null) {
                ctx.config(
                        f,
                        new ConfigEntry(
                                f.path(),
                                "xml",
                                name,
                                p.childText("param-value"),
                                p.child("param-value")
                                        .map(XmlTree.Element::textLine)
                                        .orElse(p.line)));
            }
        }
        for (XmlTree.Element r : root.all("resource-ref")) {
            ctx.fact(
                    FactKind.WEB_DESCRIPTOR,
                    "resource-ref:" + r.childText("res-ref-name"),
                    r.childText("res-type"),
                    Map.of(),
                    f,
                    r.line);
        }
    }
}
