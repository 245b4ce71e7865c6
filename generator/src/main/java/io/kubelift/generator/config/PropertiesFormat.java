package io.kubelift.generator.config;

import java.util.List;

/**
 * Java {@code .properties} files, edited line by line: a changed key keeps its line, separator and
 * position (with a {@code # kubelift:} comment above it); new keys are appended at the end.
 * Continuation lines are understood. Placeholders are {@code ${X}}, rendered by the start script
 * from the environment.
 */
public final class PropertiesFormat implements ConfigFormat {
    @Override
    public String name() {
        return "properties";
    }

    @Override
    public String envPlaceholder(String env) {
        return "${" + env + "}";
    }

    @Override
    public boolean appResolvesPlaceholders() {
        return false;
    }

    @Override
    public String apply(String text, List<ConfigEdit> edits) {
        return LineEdits.apply(text, edits, PropertiesFormat::applyOne);
    }

    private static void applyOne(List<String> lines, ConfigEdit edit) {
        boolean found = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String t = line.stripLeading();
            int last = i;
            while (continues(lines.get(last)) && last + 1 < lines.size()) {
                last++;
            }
            if (t.isEmpty() || t.startsWith("#") || t.startsWith("!")) {
                continue;
            }
            int keyStart = line.length() - t.length();
            int keyEnd = keyEnd(line, keyStart);
            String key = unescapeKey(line.substring(keyStart, keyEnd));
            if (!key.equals(edit.key())) {
                i = last;
                continue;
            }
            int valueStart = valueStart(line, keyEnd);
            StringBuilder value = new StringBuilder(line.substring(valueStart));
            for (int j = i + 1; j <= last; j++) {
                value.setLength(value.length() - 1);
                value.append(lines.get(j).stripLeading());
            }
            String next = edit.change().apply(value.toString());
            if (next == null) {
                return;
            }
            for (int j = last; j > i; j--) {
                lines.remove(j);
            }
            lines.set(i, line.substring(0, valueStart) + escapeValue(next));
            lines.add(i, line.substring(0, keyStart) + "# kubelift: " + edit.reason());
            // a key set twice (the last one wins in java.util.Properties): every occurrence is
            // edited, so no earlier
            // or later copy keeps an old value (a secret left in the ConfigMap)
            found = true;
            i++;
        }
        if (found) {
            return;
        }
        String next = edit.change().apply(null);
        if (next != null) {
            lines.add("# kubelift: " + edit.reason());
            lines.add(
                    edit.key().replace(" ", "\\ ").replace("=", "\\=").replace(":", "\\:")
                            + "="
                            + escapeValue(next));
        }
    }

    private static boolean continues(String line) {
        int n = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }

    private static int keyEnd(String line, int from) {
        int i = from;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '=' || c == ':' || Character.isWhitespace(c)) {
                return i;
            }
            i++;
        }
        return Math.min(i, line.length());
    }

    private static int valueStart(String line, int keyEnd) {
        int i = keyEnd;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        if (i < line.length() && (line.charAt(i) == '=' || line.charAt(i) == ':')) {
            i++;
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
        }
        return i;
    }

    private static String unescapeKey(String k) {
        return k.replaceAll("\\\\(.)", "$1");
    }

    static String escapeValue(String v) {
        String s = v.replace("\\", "\\\\").replace("\n", "\\n");
        return s.startsWith(" ") ? "\\" + s : s;
    }
}
