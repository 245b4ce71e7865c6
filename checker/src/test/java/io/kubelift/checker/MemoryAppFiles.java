package io.kubelift.checker;

import io.kubelift.model.AppFiles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** App files held in memory, for tests. */
final class MemoryAppFiles implements AppFiles {
    private final Map<String, String> files = new TreeMap<>();

    MemoryAppFiles(List<String> paths) {
        paths.forEach(p -> files.put(p, ""));
    }

    MemoryAppFiles(Map<String, String> files) {
        this.files.putAll(files);
    }

    @Override
    public Optional<byte[]> read(String path) {
        return Optional.ofNullable(files.get(path)).map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public List<String> list() {
        return List.copyOf(files.keySet());
    }

    @Override
    public String displayName() {
        return "memory";
    }
}
