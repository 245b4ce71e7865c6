package io.kubelift.model;

import java.util.List;
import java.util.Optional;

/**
 * Read access to the analysed app's files, by path relative to the app root with '/' separators,
 * whether the app is a directory or an archive. Implementations stay inside the root (no '..', no
 * links out) and cap sizes; the generator reads config files through this, never through the file
 * system directly.
 */
public interface AppFiles {
    /**
     * The file's bytes, or empty when it does not exist, is not a regular file, or was skipped as
     * unsafe.
     */
    Optional<byte[]> read(String path);

    /** Every readable regular file, sorted. */
    List<String> list();

    /** A name for messages (the directory or archive path as the user gave it). */
    String displayName();
}
