package io.kubelift.analyzer;

import io.kubelift.analyzer.parse.FactSink;
import io.kubelift.analyzer.parse.FileParser;
import io.kubelift.analyzer.parse.ParseContext;
import io.kubelift.analyzer.parse.Parsers;
import io.kubelift.analyzer.parse.SourceFile;
import io.kubelift.analyzer.scan.FileTree;
import io.kubelift.analyzer.scan.TextFiles;
import io.kubelift.model.AppFiles;
import io.kubelift.model.FactKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The app files that hold a secret, found by the secret rules of the file parsers alone: no
 * launch-script interpretation, no detectors, no plan. {@code build} keeps these files out of image
 * layers even when a (possibly edited) plan attaches their secrets to no component, without
 * analysing the app again.
 */
public final class SecretFiles {
    private SecretFiles() {}

    /** App-relative paths of every text file in which a parser sees a secret, sorted. */
    public static Set<String> of(AppFiles files) {
        List<FileParser> parsers = Parsers.defaults();
        Set<String> found = new TreeSet<>();
        for (String path : files.list()) {
            Optional<byte[]> bytes = files.read(path);
            if (bytes.isEmpty() || TextFiles.looksBinary(bytes.get())) {
                continue;
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
                    // a file that fails to parse is a problem of the analysis, not of this scan
                }
            }
            if (!sink.secrets().isEmpty()
                    || sink.facts().stream().anyMatch(x -> x.kind() == FactKind.SECRET)) {
                found.add(path);
            }
        }
        return found;
    }
}
