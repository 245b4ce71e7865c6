package io.kubelift.analyzer.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code .kubeliftignore} at the app root: paths that are not part of the app (test harnesses,
 * build leftovers), like a {@code .dockerignore}. One pattern a line; {@code #} starts a comment. A
 * pattern without a '/' (a trailing one aside) matches a file or directory name at any depth
 * ({@code *.log}, {@code tmp/}); one with a '/' matches the path from the root ({@code e2e/},
 * {@code docs/*.pdf}). An ignored directory is not entered.
 */
final class IgnoreFile {
    static final String NAME = ".kubeliftignore";
    private static final long MAX_BYTES = 64 * 1024;
    private static final IgnoreFile NONE = new IgnoreFile(List.of(), List.of());

    private final List<PathMatcher> byName;
    private final List<PathMatcher> byPath;

    private IgnoreFile(List<PathMatcher> byName, List<PathMatcher> byPath) {
        this.byName = byName;
        this.byPath = byPath;
    }

    static IgnoreFile read(Path root) {
        Path file = root.resolve(NAME);
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    || Files.size(file) > MAX_BYTES) {
                return NONE;
            }
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return NONE; // an unreadable ignore file ignores nothing: every file is still analysed
        }
    }

    static IgnoreFile parse(List<String> lines) {
        List<PathMatcher> byName = new ArrayList<>();
        List<PathMatcher> byPath = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String pattern = line.replaceAll("^/+", "").replaceAll("/+$", "");
            if (pattern.isEmpty()) {
                continue;
            }
            try {
                PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
                (pattern.contains("/") || line.startsWith("/") ? byPath : byName).add(m);
            } catch (IllegalArgumentException e) {
                // a malformed pattern matches nothing
            }
        }
        return new IgnoreFile(List.copyOf(byName), List.copyOf(byPath));
    }

    /** Whether {@code rel} (a '/'-separated path from the root) is left out. */
    boolean ignores(String rel) {
        if (rel.equals(NAME)) {
            return true;
        }
        Path path = Path.of(rel);
        for (PathMatcher m : byPath) {
            if (m.matches(path)) {
                return true;
            }
        }
        Path name = path.getFileName();
        for (PathMatcher m : byName) {
            if (m.matches(name)) {
                return true;
            }
        }
        return false;
    }
}
