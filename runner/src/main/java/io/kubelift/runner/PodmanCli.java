package io.kubelift.runner;

import io.kubelift.model.KubeliftException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@link ContainerEngine} as a real {@code podman} process. */
final class PodmanCli implements ContainerEngine {
    private final String executable;

    PodmanCli(String executable) {
        this.executable = executable;
    }

    @Override
    public Result run(List<String> args, byte[] stdin) {
        List<String> cmd = new ArrayList<>();
        cmd.add(executable);
        cmd.addAll(args);
        Process p;
        try {
            p = new ProcessBuilder(cmd).start();
        } catch (IOException e) {
            throw KubeliftException.usage(
                    "cannot run " + executable + ": " + e.getMessage(),
                    "install podman (see .ci/containers-setup.sh) or pass --runtime");
        }
        CompletableFuture<String> err =
                CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
        CompletableFuture<String> out =
                CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        } catch (IOException e) {
            // the process may not read its input; its exit code tells what happened
        }
        try {
            int rc = p.waitFor();
            return new Result(rc, out.join(), err.join());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new KubeliftException(
                    KubeliftException.Kind.INTERNAL, "interrupted while running " + executable, e);
        }
    }

    private static String drain(InputStream in) {
        try (in) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            return b.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
