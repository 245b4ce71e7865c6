package io.kubelift.image;

import io.kubelift.model.KubeliftException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a helper program (jlink, jdeps, ldd, debootstrap, tar) and returns its stdout; a failure
 * names the program.
 */
final class ExternalCommand {
    private ExternalCommand() {}

    static String run(List<String> command, Path workDir) {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new KubeliftException(
                    KubeliftException.Kind.BAD_INPUT,
                    KubeliftException.format(
                            null,
                            "cannot run " + command.get(0) + ": " + e.getMessage(),
                            "install it (see .ci/containers-setup.sh) or choose another --base"),
                    e);
        }
        try {
            p.getOutputStream().close();
        } catch (IOException ignored) {
            // nothing to send
        }
        CompletableFuture<String> err =
                CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
        String out = drain(p.getInputStream());
        int rc;
        try {
            rc = p.waitFor();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new KubeliftException(
                    KubeliftException.Kind.INTERNAL,
                    "interrupted while running " + command.get(0),
                    e);
        }
        if (rc != 0) {
            String tail = tail(err.join() + out, 1500);
            throw new KubeliftException(
                    KubeliftException.Kind.BAD_INPUT,
                    KubeliftException.format(
                            null,
                            command.get(0) + " failed with exit code " + rc + ": " + tail.strip(),
                            "fix the cause above, or choose another --base"));
        }
        return out;
    }

    private static String drain(InputStream in) {
        try (in) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            return buf.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String tail(String s, int max) {
        return s.length() <= max ? s : "…" + s.substring(s.length() - max);
    }
}
