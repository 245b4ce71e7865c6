package io.kubelift.bench;

import io.kubelift.analyzer.AnalyzeOptions;
import io.kubelift.analyzer.Analysis;
import io.kubelift.analyzer.Analyzer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Analysis vs the limit: the whole analyzer on the unpacked Hadoop sources jars against a bare javaparser parse of the
 * same {@code .java} files, in JVMs forked with the same flags. One invocation is one full pass over the tree
 * (single-shot: a pass takes seconds, so per-call overhead is irrelevant and warm-up passes JIT the parser).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class AnalysisBenchmark {
    /** The folder holding the unpacked sources jars (relative to the working directory). */
    @Param("bench/target/hadoop-src")
    public String sources;

    private Path root;
    private List<Path> javaFiles;

    @Setup(Level.Trial)
    public void locate() {
        root = Workload.root(sources);
        javaFiles = Workload.javaFiles(root);
    }

    @Benchmark
    public Analysis analyzer() {
        return Analyzer.withDefaultDetectors().analyze(root, AnalyzeOptions.defaults());
    }

    @Benchmark
    public int javaparser() {
        return new BareJavaParser().parseAll(javaFiles);
    }
}
