package io.kubelift.analyzer.scan;

/**
 * Why a file of the app was not read; each becomes a {@link io.kubelift.model.Problem} naming the
 * file.
 */
enum SkipReason {
    TOO_LARGE("larger than the %s cap, skipped without reading"),
    SPECIAL_FILE("a FIFO, device or socket, never opened"),
    LINK_ESCAPES("a symbolic link that leaves the app root, not followed"),
    LINK_LOOP("a symbolic link loop or dangling link, not followed"),
    LINK_TO_DIRECTORY("a symbolic link to a directory, not followed"),
    UNSAFE_ENTRY_NAME("an archive entry with an absolute or '..' path (zip-slip), not extracted"),
    ARCHIVE_LINK("a link entry in an archive, not followed"),
    TOO_MANY_ENTRIES("beyond the cap of %s entries, the rest is not scanned"),
    TOO_DEEP("nested deeper than %s directories, not scanned"),
    UNREADABLE("could not be read (%s)");

    private final String message;

    SkipReason(String message) {
        this.message = message;
    }

    public String describe(Object detail) {
        return message.contains("%s") ? String.format(message, detail) : message;
    }
}
