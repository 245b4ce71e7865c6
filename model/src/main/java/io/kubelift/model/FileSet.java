package io.kubelift.model;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A set of output files in memory, keyed by a relative path with '/' separators, sorted. Stages
 * produce file sets; only {@link AtomicWriter} puts them on disk, all at once. Modes are fixed so
 * output is the same bytes and permissions on every machine.
 */
public final class FileSet {
    /** File permission classes: 0644, 0755 (scripts) and 0600 (secret inputs). */
    public enum Mode {
        REGULAR("rw-r--r--"),
        EXECUTABLE("rwxr-xr-x"),
        PRIVATE("rw-------");

        private final String posix;

        Mode(String posix) {
            this.posix = posix;
        }

        public String posix() {
            return posix;
        }
    }

    /** One file's content and mode. */
    public record Entry(byte[] content, Mode mode) {
        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private final TreeMap<String, Entry> files = new TreeMap<>();

    /**
     * What the stage that made these files decided and the user should be told (one line each, no
     * secret value); not a file.
     */
    private final java.util.List<String> notes = new java.util.ArrayList<>();

    /** Adds a note (see {@link #notes()}). */
    public FileSet note(String text) {
        notes.add(text);
        return this;
    }

    public java.util.List<String> notes() {
        return java.util.List.copyOf(notes);
    }

    public FileSet add(String path, String text) {
        return add(path, text.getBytes(StandardCharsets.UTF_8), Mode.REGULAR);
    }

    public FileSet add(String path, String text, Mode mode) {
        return add(path, text.getBytes(StandardCharsets.UTF_8), mode);
    }

    public FileSet add(String path, byte[] content, Mode mode) {
        String p = normalize(path);
        if (files.containsKey(p)) {
            throw new IllegalStateException("two generated files want the same path: " + p);
        }
        files.put(p, new Entry(content.clone(), mode));
        return this;
    }

    /** Adds every file of {@code other} below {@code prefix} (e.g. "k8s/"). */
    public FileSet addAll(String prefix, FileSet other) {
        other.files.forEach((p, e) -> add(prefix + p, e.content(), e.mode()));
        notes.addAll(other.notes);
        return this;
    }

    public Map<String, Entry> files() {
        return Collections.unmodifiableMap(files);
    }

    public boolean contains(String path) {
        return files.containsKey(path);
    }

    public String text(String path) {
        Entry e = files.get(path);
        return e == null ? null : e.text();
    }

    public int size() {
        return files.size();
    }

    static String normalize(String path) {
        String p = path.replace('\\', '/');
        if (p.startsWith("/") || p.isEmpty()) {
            throw new IllegalArgumentException("output paths are relative: " + path);
        }
        for (String part : p.split("/")) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException(
                        "output path has an empty, '.' or '..' part: " + path);
            }
        }
        return p;
    }
}
