package io.kubelift.analyzer.java;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.visitor.VoidVisitor;
import io.kubelift.analyzer.parse.FileParser;
import io.kubelift.analyzer.parse.ParseContext;
import io.kubelift.analyzer.parse.SourceFile;
import io.kubelift.model.Problem;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Java sources, parsed once each with one shared javaparser configuration, then read by one visitor
 * per concern ({@link EntryPoints}, {@link Imports}, {@link ProcessEnvironment}, {@link Listeners},
 * {@link LocalState}, {@link NativeAndRemoting}, {@link Literals}). Parse failures become problems
 * with the line of the first error.
 */
public final class JavaSourceParser implements FileParser {
    private static final ParserConfiguration CONFIG =
            new ParserConfiguration()
                    .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
                    .setAttributeComments(false)
                    .setStoreTokens(
                            true); // node ranges (evidence lines) are computed from the tokens
    private static final AtomicLong PARSES = new AtomicLong();

    /**
     * One javaparser visitor per concern, each run over the parsed file (parsing dominates; a visit
     * is cheap): entry points, imports, process environment, listeners, local state, native code
     * and remoting, literals.
     */
    private static final List<VoidVisitor<JavaFile>> CONCERNS =
            List.of(
                    new Imports(),
                    new EntryPoints(),
                    new NativeAndRemoting(),
                    new ProcessEnvironment(),
                    new Listeners(),
                    new LocalState(),
                    new Literals());

    private final JavaParser parser = new JavaParser(CONFIG);

    /**
     * The javaparser configuration every Java file is parsed with (shared; the benchmarks' bare
     * parse uses it too).
     */
    public static ParserConfiguration configuration() {
        return CONFIG;
    }

    /** How many Java files this JVM has parsed (for the parse-once test and measurements). */
    public static long parseCount() {
        return PARSES.get();
    }

    @Override
    public String id() {
        return "java";
    }

    @Override
    public boolean accepts(SourceFile f) {
        return f.lowerName().endsWith(".java");
    }

    @Override
    public void parse(SourceFile f, ParseContext ctx) {
        PARSES.incrementAndGet();
        ParseResult<CompilationUnit> r;
        try {
            r = parser.parse(f.text());
        } catch (RuntimeException | StackOverflowError e) {
            ctx.problem(
                    Problem.Kind.PARSE_ERROR,
                    f,
                    0,
                    "Java source could not be parsed: " + e.getClass().getSimpleName());
            return;
        }
        if (!r.isSuccessful() || r.getResult().isEmpty()) {
            var p = r.getProblems().isEmpty() ? null : r.getProblems().get(0);
            int line =
                    p == null
                            ? 0
                            : p.getLocation()
                                    .flatMap(l -> l.getBegin().getRange())
                                    .map(rg -> rg.begin.line)
                                    .orElse(0);
            String msg =
                    p == null ? "unknown error" : p.getMessage().lines().findFirst().orElse("");
            ctx.problem(
                    Problem.Kind.PARSE_ERROR,
                    f,
                    line,
                    "Java source could not be parsed: "
                            + (msg.length() > 160 ? msg.substring(0, 160) + "…" : msg));
            return;
        }
        CompilationUnit cu = r.getResult().get();
        JavaFile file =
                new JavaFile(
                        f,
                        ctx,
                        cu.getPackageDeclaration().map(p -> p.getNameAsString() + ".").orElse(""));
        for (VoidVisitor<JavaFile> concern : CONCERNS) {
            cu.accept(concern, file);
        }
    }
}
