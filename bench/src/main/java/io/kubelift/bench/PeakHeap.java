package io.kubelift.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.kubelift.analyzer.AnalyzeOptions;
import io.kubelift.analyzer.Analysis;
import io.kubelift.analyzer.Analyzer;
import io.kubelift.analyzer.java.JavaSourceParser;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Peak heap of one analysis (or one bare javaparser pass) in a fresh JVM; run it under {@code -Xmx512m} to test the
 * 512 MB goal. Prints one line of {@code key=value}: the sum of the heap pools' peak usage (what the JVM had to hold,
 * garbage included, an upper bound) and the largest heap still in use right after a collection (the live set), the
 * wall and process CPU time (CPU time is the steadier number on a shared machine), the number of collections, and for the analyzer how many Java files it parsed (must equal the number of files: parse once).
 *
 * <p>Usage: {@code java -Xmx512m -cp bench/target/benchmarks.jar io.kubelift.bench.PeakHeap analyzer|javaparser [DIR]}
 */
public final class PeakHeap {
    private PeakHeap() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || !List.of("analyzer", "javaparser").contains(args[0])) {
            System.err.println("usage: PeakHeap analyzer|javaparser [DIR]");
            System.exit(2);
        }
        Path root = Workload.root(args.length > 1 ? args[1] : "bench/target/hadoop-src");
        List<Path> files = Workload.javaFiles(root);
        AtomicLong maxLiveAfterGc = new AtomicLong();
        AtomicLong collections = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, hb) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                    return;
                }
                var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
                maxLiveAfterGc.accumulateAndGet(used, Math::max);
                collections.incrementAndGet();
            }, null, null);
        }
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        String result;
        if (args[0].equals("analyzer")) {
            long before = JavaSourceParser.parseCount();
            Analysis a = Analyzer.withDefaultDetectors().analyze(root, AnalyzeOptions.defaults());
            result = "facts=" + a.facts().facts().size() + " problems=" + a.facts().problems().size()
                    + " javaParses=" + (JavaSourceParser.parseCount() - before);
        } else {
            result = "parsedOk=" + new BareJavaParser().parseAll(files);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long cpuMs = (os.getProcessCpuTime() - cpu0) / 1_000_000;
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        Thread.sleep(200); // let the last GC notifications arrive
        System.out.printf(Locale.ROOT, "mode=%s javaFiles=%d %s ms=%d cpuMs=%d maxHeapMB=%d peakPoolsMB=%d maxLiveAfterGcMB=%d gcs=%d%n",
                args[0], files.size(), result, ms, cpuMs, Runtime.getRuntime().maxMemory() >> 20, peak >> 20,
                maxLiveAfterGc.get() >> 20, collections.get());
    }
}
