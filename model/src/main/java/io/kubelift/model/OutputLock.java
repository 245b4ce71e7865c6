package io.kubelift.model;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock one write of an output directory holds, so two runs into the same directory never
 * interleave (each run's recovery would otherwise delete the other's temporary tree). It is an OS
 * file lock on {@code .NAME.kubelift-lock} beside the directory (the directory itself is swapped by
 * rename, so it cannot hold the lock): the kernel drops it when the process ends, even on {@code
 * kill -9}, so a lock file a killed run left behind never blocks a later run.
 *
 * <p>The holder deletes the file before it releases the lock. A run that opened the file before
 * that deletion and gets the lock afterwards holds a lock on an unlinked file: it notices because
 * the token it wrote is not what the path now reads, and tries again on the new file, so two runs
 * never both believe they hold the lock.
 *
 * <p>A second run does not wait: it fails at once with a bad-input error (exit 3) naming the
 * directory.
 */
final class OutputLock implements AutoCloseable {
    static final String LOCK_MARK = ".kubelift-lock";
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    static Path lockFile(Path out) {
        return out.resolveSibling("." + out.getFileName() + LOCK_MARK);
    }

    static OutputLock acquire(Path outDir, Path out) {
        for (int attempt = 0; attempt < 100; attempt++) {
            OutputLock l = tryAcquire(outDir, out);
            if (l != null) {
                return l;
            }
        }
        throw KubeliftException.badInput(
                outDir.toString(),
                "another kubelift run is writing this output directory now "
                        + "(its lock file keeps changing)",
                "wait for that run to finish and run again, or choose another output directory");
    }

    /**
     * The lock, or null when the lock was got on a file another run had already deleted (try
     * again).
     */
    private static OutputLock tryAcquire(Path outDir, Path out) {
        Path file = lockFile(out);
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
            l = null; // held by another thread of this JVM (a batch writing twice into one
            // directory)
        } catch (IOException e) {
            close(ch);
            throw KubeliftException.badInput(
                    outDir.toString(),
                    "cannot lock " + file + ": " + e.getMessage(),
                    "check the file system supports locks, or choose another output directory");
        }
        if (l == null) {
            close(ch);
            throw KubeliftException.badInput(
                    outDir.toString(),
                    "another kubelift run is writing this output directory now "
                            + "(it holds "
                            + file.getFileName()
                            + ")",
                    "wait for that run to finish and run again, or choose another output directory");
        }
        String token = ProcessHandle.current().pid() + " " + java.util.UUID.randomUUID() + "\n";
        try {
            ch.truncate(0);
            ch.write(
                    java.nio.ByteBuffer.wrap(
                            token.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    0);
            String onDisk =
                    java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
            if (onDisk.equals(token)) {
                return new OutputLock(file, ch, l);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // deleted by the run that held it: try again on a new file
        } catch (IOException e) {
            close(ch);
            throw KubeliftException.badInput(
                    outDir.toString(),
                    "cannot write the lock file " + file + ": " + e.getMessage(),
                    "check the parent directory is writable");
        }
        close(ch);
        return null;
    }

    @Override
    public void close() {
        try {
            java.nio.file.Files.deleteIfExists(file); // before the release: see the class comment
        } catch (IOException e) {
            // a lock file left behind is harmless: the kernel lock is what counts
        }
        try {
            lock.release();
        } catch (IOException e) {
            // the channel's close below drops it anyway
        }
        close(channel);
    }

    private static void close(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
