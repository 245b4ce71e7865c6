package io.kubelift.analyzer.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JAAS login configurations ({@code Section { LoginModule required key="value"; };}): options
 * become config entries.
 */
final class JaasParser implements FileParser {
    private static final Pattern SECTION = Pattern.compile("^\\s*([A-Za-z0-9_.-]+)\\s*\\{");
    private static final Pattern OPTION =
            Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*)\\s*=\\s*\"([^\"]*)\"");

    @Override
    public String id() {
        return "jaas";
    }

    @Override
    public String configFormat() {
        return "jaas";
    }

    @Override
    public boolean accepts(SourceFile f) {
        return f.lowerName().endsWith(".conf")
                && (f.lowerName().contains("jaas") || f.text().contains("LoginModule"));
    }

    @Override
    public void parse(SourceFile f, ParseContext ctx) {
        String section = "jaas";
        for (int i = 1; i <= f.lines().size(); i++) {
            Matcher s = SECTION.matcher(f.line(i));
            if (s.find()) {
                section = s.group(1);
            }
            Matcher o = OPTION.matcher(f.line(i));
            while (o.find()) {
                ctx.config(
                        f,
                        new ConfigEntry(
                                f.path(), "jaas", section + "." + o.group(1), o.group(2), i));
            }
        }
    }
}
