package io.kubelift.generator;

import io.kubelift.model.AppFiles;
import io.kubelift.model.FileSet;
import io.kubelift.model.MigrationPlan;
import io.kubelift.model.PlanCodec;
import io.kubelift.model.SecretSource;
import io.kubelift.model.SecretValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Test cases, one folder each, found by listing {@code cases/}: {@code <case>/input/plan.yaml} (a
 * hand-written plan), {@code <case>/input/app/} (the app's config files, held in memory), {@code
 * <case>/expected/} (the generated tree, the golden files); and the secret values.
 */
public final class Fixtures {
    public static final Path RESOURCES = Path.of("src/test/resources");

    /** The folder of the generator's cases, {@code <case>/{input,expected}}. */
    public static final Path CASES_DIR = RESOURCES.resolve("cases");

    /** Every case: the folders below {@link #CASES_DIR}. */
    public static final List<String> CASES = caseDirs(CASES_DIR);

    /** Secret values of the fixtures, by secret key; the leak tests look for them everywhere. */
    public static final Map<String, String> SECRET_VALUES =
            Map.of(
                    "ssl.server.keystore.password", "Keyst0re-S3cret!",
                    "db.password", "Ord3rs-Pa55word",
                    "spring.datasource.password", "Sp#ing-Secr3t");

    private Fixtures() {}

    /** The subdirectories of {@code dir} (one test case each), sorted. */
    public static List<String> caseDirs(Path dir) {
        try (var s = Files.list(dir)) {
            return s.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static MigrationPlan plan(String name) {
        return PlanCodec.read(CASES_DIR.resolve(name + "/input/plan.yaml"));
    }

    public static AppFiles app(String name) {
        Path root = CASES_DIR.resolve(name + "/input/app");
        Map<String, byte[]> files = new TreeMap<>();
        try (var s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the name messages give the app (as before the cases had their own folders)
        return new MemoryAppFiles("apps/" + name, files);
    }

    public static SecretSource secrets() {
        return ref -> Optional.ofNullable(SECRET_VALUES.get(ref.key())).map(SecretValue::of);
    }

    public static FileSet generate(String name) {
        return Generator.withDefaults()
                .generate(plan(name), app(name), secrets(), GenerateOptions.defaults());
    }

    /** Writes a file set below {@code dir} with its modes. */
    public static void write(FileSet files, Path dir) throws IOException {
        for (var e : files.files().entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue().content());
            Files.setPosixFilePermissions(
                    p, PosixFilePermissions.fromString(e.getValue().mode().posix()));
        }
    }

    /** AppFiles over a map, as the generator sees an app. */
    public record MemoryAppFiles(String displayName, Map<String, byte[]> files)
            implements AppFiles {
        @Override
        public Optional<byte[]> read(String path) {
            return Optional.ofNullable(files.get(path)).map(byte[]::clone);
        }

        @Override
        public List<String> list() {
            return List.copyOf(files.keySet());
        }
    }
}
