package io.kubelift.analyzer.parse;

import io.kubelift.model.FactKind;
import java.util.Map;

/**
 * Maven {@code pom.xml}: packaging, parent, dependencies and plugins (Spring Boot's plugin marks a
 * Boot app).
 */
final class PomRules {
    private PomRules() {}

    static void apply(XmlTree.Element root, SourceFile f, ParseContext ctx) {
        String group = root.childText("groupId");
        XmlTree.Element parent = root.child("parent").orElse(null);
        if (group == null && parent != null) {
            group = parent.childText("groupId");
        }
        String artifact = root.childText("artifactId");
        String version = root.childText("version");
        if (version == null && parent != null) {
            version = parent.childText("version");
        }
        String packaging = root.childText("packaging");
        ctx.fact(
                FactKind.BUILD_DESCRIPTOR,
                "artifact",
                group + ":" + artifact + ":" + version,
                Map.of(),
                f,
                root.line);
        ctx.fact(
                FactKind.BUILD_DESCRIPTOR,
                "packaging",
                packaging == null ? "jar" : packaging,
                Map.of(),
                f,
                root.child("packaging").map(e -> e.line).orElse(root.line));
        if (parent != null) {
            ctx.fact(
                    FactKind.BUILD_DESCRIPTOR,
                    "parent",
                    parent.childText("groupId") + ":" + parent.childText("artifactId"),
                    ParseContext.attrs("version", parent.childText("version")),
                    f,
                    parent.line);
        }
        root.child("properties")
                .ifPresent(
                        p ->
                                p.children.forEach(
                                        c -> {
                                            if (c.localName().equals("java.version")
                                                    || c.localName()
                                                            .equals("maven.compiler.release")
                                                    || c.localName()
                                                            .equals("maven.compiler.target")) {
                                                ctx.fact(
                                                        FactKind.BUILD_DESCRIPTOR,
                                                        "java.version",
                                                        c.text(),
                                                        Map.of(),
                                                        f,
                                                        c.line);
                                            }
                                        }));
        for (XmlTree.Element d : root.all("dependency")) {
            String id = d.childText("groupId") + ":" + d.childText("artifactId");
            ctx.fact(
                    FactKind.DEPENDENCY,
                    id,
                    d.childText("version"),
                    ParseContext.attrs("scope", d.childText("scope")),
                    f,
                    d.line);
            String a = String.valueOf(d.childText("artifactId"));
            if (a.contains("actuator")
                    || a.contains("micrometer")
                    || a.contains("prometheus")
                    || a.contains("opentelemetry")) {
                ctx.fact(
                        FactKind.TELEMETRY,
                        id,
                        null,
                        ParseContext.attrs("via", "dependency"),
                        f,
                        d.line);
            }
        }
        for (XmlTree.Element p : root.all("plugin")) {
            String id = p.childText("groupId") + ":" + p.childText("artifactId");
            ctx.fact(FactKind.BUILD_DESCRIPTOR, "plugin", id, Map.of(), f, p.line);
        }
        for (XmlTree.Element fn : root.all("finalName")) {
            ctx.fact(FactKind.BUILD_DESCRIPTOR, "finalName", fn.text(), Map.of(), f, fn.line);
        }
    }
}
