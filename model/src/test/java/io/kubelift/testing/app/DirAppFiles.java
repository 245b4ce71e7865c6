package io.kubelift.testing.app;

import io.kubelift.model.AppFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** {@link AppFiles} over a plain directory, for tests. */
public final class DirAppFiles implements AppFiles {
    private final Path root;

    public DirAppFiles(Path root) {
        this.root = root;
    }

    @Override
    public Optional<byte[]> read(String path) {
        Path p = root.resolve(path);
        try {
            return Files.isRegularFile(p) ? Optional.of(Files.readAllBytes(p)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> list() {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String displayName() {
        return root.toString();
    }
}
