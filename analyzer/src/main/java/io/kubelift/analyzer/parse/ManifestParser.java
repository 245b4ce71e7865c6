package io.kubelift.analyzer.parse;

import io.kubelift.model.FactKind;

/** {@code META-INF/MANIFEST.MF}: Main-Class (and Spring Boot's Start-Class) and Class-Path. */
final class ManifestParser implements FileParser {
    @Override
    public String id() {
        return "manifest";
    }

    @Override
    public boolean accepts(SourceFile f) {
        return f.path().endsWith("META-INF/MANIFEST.MF");
    }

    @Override
    public void parse(SourceFile f, ParseContext ctx) {
        for (int i = 1; i <= f.lines().size(); i++) {
            String l = f.line(i);
            StringBuilder v = new StringBuilder();
            int colon = l.indexOf(": ");
            if (colon < 0) {
                continue;
            }
            v.append(l.substring(colon + 2));
            for (int j = i + 1; j <= f.lines().size() && f.line(j).startsWith(" "); j++) {
                v.append(f.line(j).substring(1));
            }
            String name = l.substring(0, colon);
            switch (name) {
                case "Main-Class", "Start-Class" ->
                        ctx.fact(
                                FactKind.MAIN_CLASS,
                                v.toString().trim(),
                                null,
                                ParseContext.attrs("via", "manifest", "attribute", name),
                                f,
                                i);
                case "Class-Path" ->
                        ctx.fact(
                                FactKind.BUILD_DESCRIPTOR,
                                "manifest-classpath",
                                v.toString().trim(),
                                java.util.Map.of(),
                                f,
                                i);
                default -> {}
            }
        }
    }
}
