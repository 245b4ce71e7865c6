package io.kubelift.analyzer.scan;

/**
 * Caps that keep a scan of an untrusted tree bounded: how big a file may be to be parsed or read,
 * how many entries an app may have, how deep its directories go. Files over a cap are skipped (and
 * reported) by their size alone, without reading them.
 */
public record ScanLimits(
        long maxParseBytes, long maxReadBytes, int maxEntries, int maxDepth, long maxTotalBytes) {
    public static final ScanLimits DEFAULT =
            new ScanLimits(2L << 20, 256L << 20, 50_000, 48, 1L << 30);
}
