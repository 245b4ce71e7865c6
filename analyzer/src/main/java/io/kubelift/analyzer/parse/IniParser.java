package io.kubelift.analyzer.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * INI-style files ({@code [section]} then {@code key = value}); keys are reported as {@code
 * section.key}.
 */
final class IniParser implements FileParser {
    private static final Pattern SECTION = Pattern.compile("^\\s*\\[([^\\]]+)\\]\\s*$");
    private static final Pattern KV =
            Pattern.compile("^\\s*([^=:#;\\s][^=:]*?)\\s*[=:]\\s*(.*?)\\s*$");

    @Override
    public String id() {
        return "ini";
    }

    @Override
    public String configFormat() {
        return "ini";
    }

    static boolean hasSections(SourceFile f) {
        return f.lines().stream().anyMatch(l -> SECTION.matcher(l).matches());
    }

    @Override
    public boolean accepts(SourceFile f) {
        String n = f.lowerName();
        return n.endsWith(".ini") || n.endsWith(".cfg") && hasSections(f);
    }

    @Override
    public void parse(SourceFile f, ParseContext ctx) {
        String section = null;
        for (int i = 1; i <= f.lines().size(); i++) {
            String l = f.line(i);
            if (l.isBlank() || l.trim().startsWith("#") || l.trim().startsWith(";")) {
                continue;
            }
            Matcher s = SECTION.matcher(l);
            if (s.matches()) {
                section = s.group(1).trim();
                continue;
            }
            Matcher kv = KV.matcher(l);
            if (kv.matches()) {
                String key = section == null ? kv.group(1) : section + "." + kv.group(1);
                ctx.config(f, new ConfigEntry(f.path(), "ini", key, unquote(kv.group(2)), i));
            }
        }
    }

    static String unquote(String v) {
        if (v.length() >= 2
                && (v.startsWith("\"") && v.endsWith("\"")
                        || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
