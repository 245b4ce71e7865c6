package io.kubelift.analyzer.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code .env} files ({@code KEY=value}, optional {@code export}, quotes). */
final class EnvFileParser implements FileParser {
    private static final Pattern KV =
            Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.]*)\\s*=\\s*(.*?)\\s*$");

    @Override
    public String id() {
        return "env";
    }

    @Override
    public String configFormat() {
        return "env";
    }

    @Override
    public boolean accepts(SourceFile f) {
        String n = f.lowerName();
        return n.equals(".env") || n.endsWith(".env");
    }

    @Override
    public void parse(SourceFile f, ParseContext ctx) {
        for (int i = 1; i <= f.lines().size(); i++) {
            Matcher m = KV.matcher(f.line(i));
            if (m.matches() && !f.line(i).trim().startsWith("#")) {
                ctx.config(
                        f,
                        new ConfigEntry(
                                f.path(), "env", m.group(1), IniParser.unquote(m.group(2)), i));
            }
        }
    }
}
