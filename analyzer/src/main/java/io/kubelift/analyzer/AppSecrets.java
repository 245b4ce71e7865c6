package io.kubelift.analyzer;

import io.kubelift.analyzer.parse.FactSink;
import io.kubelift.analyzer.parse.FileParser;
import io.kubelift.analyzer.parse.ParseContext;
import io.kubelift.analyzer.parse.Parsers;
import io.kubelift.analyzer.parse.SecretHit;
import io.kubelift.analyzer.parse.SourceFile;
import io.kubelift.analyzer.scan.FileTree;
import io.kubelift.analyzer.scan.TextFiles;
import io.kubelift.model.AppFiles;
import io.kubelift.model.SecretRef;
import io.kubelift.model.SecretSource;
import io.kubelift.model.SecretValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Re-reads a {@link SecretRef}'s value from the app file it names, with the same parsers and rules
 * that found it (hadoop-xml, properties, YAML, INI, env, shell exports, JAAS, JDBC URLs, Java
 * literals, PEM). Values are only ever returned as {@link SecretValue}; each file is parsed at most
 * once per instance.
 */
public final class AppSecrets implements SecretSource {
    private final AppFiles files;
    private final List<FileParser> parsers = Parsers.defaults();
    private final Map<String, List<SecretHit>> byFile = new HashMap<>();

    private AppSecrets(AppFiles files) {
        this.files = files;
    }

    public static AppSecrets of(AppFiles files) {
        return new AppSecrets(files);
    }

    @Override
    public synchronized Optional<SecretValue> valueOf(SecretRef ref) {
        if (byFile.isEmpty()) {
            // the console's mask leaves this app's public words unmasked, as its files' mask does
            io.kubelift.model.SecretMask.rememberPublic(
                    io.kubelift.model.SecretMask.publicWords(null, files.list()));
        }
        List<SecretHit> hits = byFile.computeIfAbsent(ref.file(), this::scan);
        io.kubelift.model.SecretMask.remember(
                hits.stream()
                        .filter(h -> io.kubelift.model.SecretNames.confidentialKind(h.kind()))
                        .map(SecretHit::value)
                        .toList());
        List<SecretHit> same = hits.stream().filter(h -> h.key().equals(ref.key())).toList();
        if (same.isEmpty()) {
            return Optional.empty();
        }
        // a key set twice in a .properties file: java.util.Properties keeps the last, so that is
        // what the app uses
        return Optional.of(
                same.get(ref.file().endsWith(".properties") ? same.size() - 1 : 0).value());
    }

    private List<SecretHit> scan(String path) {
        Optional<byte[]> bytes = files.read(path);
        if (bytes.isEmpty() || TextFiles.looksBinary(bytes.get())) {
            return List.of();
        }
        FactSink sink = new FactSink();
        ParseContext ctx = new ParseContext(sink, files instanceof FileTree t ? t : null);
        SourceFile f = SourceFile.of(path, TextFiles.decode(bytes.get()).text());
        for (FileParser p : parsers) {
            try {
                if (p.accepts(f)) {
                    p.parse(f, ctx);
                }
            } catch (RuntimeException | StackOverflowError e) {
                // a file that fails to parse yields no secrets
            }
        }
        return sink.secrets();
    }
}
