package io.kubelift.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Absolute directory prefixes in free text (a config file, a script, a JVM option), found and moved
 * only where they stand as a whole path: {@code /srv/broker} matches in {@code
 * file:/srv/broker/etc/}, {@code '/srv/broker'}, {@code file:///srv/broker/x} and {@code
 * path=/srv/broker}, but not in {@code /srv/broker-home} (a longer name) or {@code /opt/srv/broker}
 * (a deeper path). The analyzer finds the install's own location with it and {@code kubelift
 * generate} moves it in the config files it writes, so both agree on what counts.
 */
public final class PathPrefixes {
    private PathPrefixes() {}

    /** The offsets where {@code prefix} stands as a whole path in {@code text}. */
    public static List<Integer> occurrences(String text, String prefix) {
        List<Integer> at = new ArrayList<>();
        if (prefix == null || prefix.isEmpty() || text == null) {
            return at;
        }
        int from = 0;
        int i;
        while ((i = text.indexOf(prefix, from)) >= 0) {
            int end = i + prefix.length();
            if (startsPath(text, i) && (end == text.length() || !isNameChar(text.charAt(end)))) {
                at.add(i);
            }
            from = i + 1;
        }
        return at;
    }

    /**
     * {@code text} with every whole-path occurrence of each key of {@code moves} replaced by its
     * value; a longer prefix is matched before a shorter one it starts with, and replaced text is
     * never matched again.
     */
    public static String move(String text, Map<String, String> moves) {
        List<Map.Entry<String, String>> byLength = new ArrayList<>(moves.entrySet());
        byLength.removeIf(e -> e.getKey() == null || e.getKey().isEmpty());
        byLength.sort(
                Comparator.comparing((Map.Entry<String, String> e) -> e.getKey().length())
                        .reversed()
                        .thenComparing(Map.Entry::getKey));
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        scan:
        while (i < text.length()) {
            if (text.charAt(i) == '/') {
                for (Map.Entry<String, String> m : byLength) {
                    String p = m.getKey();
                    int end = i + p.length();
                    if (text.startsWith(p, i)
                            && startsPath(text, i)
                            && (end == text.length() || !isNameChar(text.charAt(end)))) {
                        out.append(m.getValue());
                        i = end;
                        continue scan;
                    }
                }
            }
            out.append(text.charAt(i));
            i++;
        }
        return out.toString();
    }

    /**
     * Whether an absolute path may start at {@code i}: at the start of the text, after a character
     * that is not part of a path (quote, {@code =}, {@code :}, space …), or after the {@code //} of
     * a URI ({@code file:///srv/broker}) — not after a name or a {@code /} that would make it part
     * of a deeper path.
     */
    private static boolean startsPath(String text, int i) {
        if (i == 0) {
            return true;
        }
        char before = text.charAt(i - 1);
        if (before == '/') {
            return text.startsWith("://", i - 3);
        }
        return !isNameChar(before);
    }

    private static boolean isNameChar(char ch) {
        return Character.isLetterOrDigit(ch) || ch == '.' || ch == '_' || ch == '-';
    }
}
