package io.kubelift.analyzer.parse;

/**
 * Reads one kind of file and reports what it sees to the sink, with evidence. A parser never throws
 * for bad input: it reports a {@link io.kubelift.model.Problem} and returns. Implementations are
 * listed in {@link Parsers}.
 */
public interface FileParser {
    /**
     * A short id, e.g. {@code hadoop-xml}; also the plan's config file format when {@link
     * #configFormat()} is set.
     */
    String id();

    boolean accepts(SourceFile file);

    void parse(SourceFile file, ParseContext ctx);

    /**
     * The plan's {@code ConfigFile.format} for files this parser reads, or null when they are not
     * config files.
     */
    default String configFormat() {
        return null;
    }
}
