package io.kubelift.cli.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The planted-secret app ({@code secret-corpus/app}) and the list of what is planted where ({@code
 * secrets.tsv}).
 */
public final class SecretCorpus {
    /** One planted secret. */
    public record Planted(String name, String kind, String file, String value) {}

    private SecretCorpus() {}

    public static List<Planted> planted() throws IOException {
        List<Planted> list = new ArrayList<>();
        try (InputStream in =
                SecretCorpus.class.getResourceAsStream("/secret-corpus/secrets.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                list.add(new Planted(f[0], f[1], f[2], f[3]));
            }
        }
        return list;
    }

    /** name → value, for {@link LeakScanner}. */
    public static Map<String, String> values() throws IOException {
        Map<String, String> m = new TreeMap<>();
        planted().forEach(p -> m.put(p.name(), p.value()));
        return m;
    }

    /** Copies the app to {@code target} (a fresh directory), keeping the scripts executable. */
    public static Path copyApp(Path target) throws IOException {
        Path src;
        try {
            src = Path.of(SecretCorpus.class.getResource("/secret-corpus/app").toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = target.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return target;
    }
}
