package io.kubelift.analyzer.scan;

import java.util.Optional;

/** Normalises entry names from archives and rejects those that would escape the root (zip-slip). */
public final class RelPaths {
    private RelPaths() {}

    /**
     * {@code a/./b//c} → {@code a/b/c}; empty for absolute names, drive letters, or any {@code ..}
     * segment.
     */
    public static Optional<String> safe(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        for (String seg : n.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                return Optional.empty();
            }
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(seg);
        }
        return out.length() == 0 ? Optional.empty() : Optional.of(out.toString());
    }

    public static String fileName(String path) {
        int i = path.lastIndexOf('/');
        return i < 0 ? path : path.substring(i + 1);
    }

    public static String parent(String path) {
        int i = path.lastIndexOf('/');
        return i < 0 ? "" : path.substring(0, i);
    }
}
