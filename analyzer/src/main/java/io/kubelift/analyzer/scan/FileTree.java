package io.kubelift.analyzer.scan;

import io.kubelift.model.AppFiles;
import io.kubelift.model.Problem;
import java.util.List;
import java.util.Optional;

/**
 * The app's files as the analyzer sees them: a sorted list of safe regular files (relative,
 * '/'-separated), their sizes, and the problems met while listing (every skipped entry with its
 * reason). Reading is capped.
 */
public interface FileTree extends AppFiles {
    /** Size in bytes of a listed file, or -1 when unknown. */
    long size(String path);

    /** Everything skipped or odd while listing, in path order. */
    List<Problem> problems();

    /**
     * Reads a file when it is at most {@code maxBytes}; empty otherwise (too big, unlisted, or
     * failed).
     */
    Optional<byte[]> read(String path, long maxBytes);

    ScanLimits limits();

    /**
     * A random-access view of a listed file of at most {@code maxBytes}, for formats read by their
     * index (a jar's central directory) rather than whole: a file channel for a directory tree, the
     * bytes in memory otherwise.
     */
    default Optional<java.nio.channels.SeekableByteChannel> channel(String path, long maxBytes) {
        return read(path, maxBytes)
                .map(org.apache.commons.compress.utils.SeekableInMemoryByteChannel::new);
    }

    @Override
    default Optional<byte[]> read(String path) {
        return read(path, limits().maxReadBytes());
    }
}
