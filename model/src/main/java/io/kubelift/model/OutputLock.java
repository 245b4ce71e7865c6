package io.kubelift.model;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lock one write of an output directory holds, so two runs into the same directory never
 * interleave (each run's recovery would otherwise delete the other's temporary tree). It is an OS
 * file lock on {@code .NAME.kubelift-lock} beside the directory (the directory itself is swapped by
 * rename, so it cannot hold the lock): the kernel drops it when the process ends, even on {@code
 * kill -9}, so a lock file a killed run left behind never blocks a later run.
 *
 * <p>The lock file is never deleted and never opened a second time while it is locked. The lock is
 * a POSIX record lock, which the kernel drops as soon as the process closes <em>any</em> descriptor
 * of the file: an earlier version read the file back through its path to check that no other run
 * had replaced it, and that read silently released the lock, so two runs could write (and one's
 * recovery delete the other's temporary tree). Deleting the file on release would need such a check
 * (a run could lock a file already unlinked), so the empty file stays.
 *
 * <p>For the same reason a second write from this JVM (a batch writing twice into one directory) is
 * refused from a table of the lock files this JVM holds, before it opens the file: opening and
 * closing it again would release the first write's lock.
 *
 * <p>A second run does not wait: it fails at once with a bad-input error (exit 3) naming the
 * directory.
 */
final class OutputLock implements AutoCloseable {
    static final String LOCK_MARK = ".kubelift-lock";

    /** The lock files this JVM holds, by their real path. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    static Path lockFile(Path out) {
        return out.resolveSibling("." + out.getFileName() + LOCK_MARK);
    }

    static OutputLock acquire(Path outDir, Path out) {
        Path file = lockFile(out);
        Path key;
        try {
            key = file.getParent().toRealPath().resolve(file.getFileName());
        } catch (IOException e) {
            throw KubeliftException.badInput(
                    outDir.toString(),
                    "cannot resolve the directory of the lock file " + file + ": " + e.getMessage(),
                    "check the parent directory exists and is readable");
        }
        if (!HELD.add(key)) {
            throw locked(outDir, file);
        }
        try {
            return lock(outDir, file, key);
        } catch (RuntimeException e) {
            HELD.remove(key);
            throw e;
        }
    }

    private static OutputLock lock(Path outDir, Path file, Path key) {
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw KubeliftException.badInput(
                    outDir.toString(),
                    "cannot create the lock file " + file + ": " + e.getMessage(),
                    "check the parent directory is writable");
        }
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null; // held through another path to the same file (HELD is keyed by real path)
        } catch (IOException e) {
            close(ch);
            throw KubeliftException.badInput(
                    outDir.toString(),
                    "cannot lock " + file + ": " + e.getMessage(),
                    "check the file system supports locks, or choose another output directory");
        }
        if (l == null) {
            close(ch);
            throw locked(outDir, file);
        }
        return new OutputLock(key, ch, l);
    }

    private static KubeliftException locked(Path outDir, Path file) {
        return KubeliftException.badInput(
                outDir.toString(),
                "another kubelift run is writing this output directory now "
                        + "(it holds "
                        + file.getFileName()
                        + ")",
                "wait for that run to finish and run again, or choose another output directory");
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // the channel's close below drops it anyway
        }
        close(channel);
        HELD.remove(key);
    }

    private static void close(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
