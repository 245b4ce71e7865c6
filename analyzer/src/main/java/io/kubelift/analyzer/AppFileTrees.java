package io.kubelift.analyzer;

import io.kubelift.analyzer.scan.ArchiveTree;
import io.kubelift.analyzer.scan.DirectoryTree;
import io.kubelift.analyzer.scan.FileTree;
import io.kubelift.analyzer.scan.ScanLimits;
import io.kubelift.model.AppFiles;
import io.kubelift.model.KubeliftException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Safe {@link AppFiles} for an app directory or archive: capped sizes, no escapes, special files
 * never opened.
 */
public final class AppFileTrees {
    private AppFileTrees() {}

    public static AppFiles open(Path dirOrArchive) {
        return tree(dirOrArchive, ScanLimits.DEFAULT);
    }

    /**
     * @throws KubeliftException (BAD_INPUT) when the path is missing, not a directory or archive,
     *     or unreadable
     */
    static FileTree tree(Path app, ScanLimits limits) {
        String shown = app.toString();
        if (!Files.exists(app, LinkOption.NOFOLLOW_LINKS) && !Files.exists(app)) {
            throw KubeliftException.badInput(
                    shown,
                    "no such file or directory",
                    "give the app's directory or archive (.tar.gz, .tgz, .tar, .zip, .jar, .war)");
        }
        try {
            if (Files.isDirectory(app)) {
                return new DirectoryTree(app, shown, limits);
            }
            if (Files.isRegularFile(app)
                    && ArchiveTree.isArchiveName(app.getFileName().toString())) {
                return ArchiveTree.open(app, shown, limits);
            }
        } catch (IOException | RuntimeException e) {
            throw KubeliftException.badInput(
                    shown,
                    "cannot read the app ("
                            + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage())
                            + ")",
                    "check that it is a readable directory or a valid archive");
        }
        throw KubeliftException.badInput(
                shown,
                "not a directory or a supported archive",
                "give a directory, or a .tar.gz, .tgz, .tar, .zip, .jar or .war file");
    }
}
