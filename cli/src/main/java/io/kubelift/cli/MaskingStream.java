package io.kubelift.cli;

import io.kubelift.model.SecretMask;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The console's pass through the one masking step: everything a command prints (progress,
 * summaries, reports sent to stdout, error messages) is masked line by line with every secret value
 * met in this process ({@link SecretMask#remembered()}) before it reaches the terminal or a pipe.
 */
final class MaskingStream extends OutputStream {
    private final OutputStream target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private MaskingStream(OutputStream target) {
        this.target = target;
    }

    static PrintStream wrap(PrintStream target) {
        return new PrintStream(new MaskingStream(target), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n') {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                line.write(b, start, i + 1 - start);
                emit();
                start = i + 1;
            }
        }
        line.write(b, start, off + len - start);
    }

    @Override
    public synchronized void flush() throws IOException {
        emit();
        target.flush();
    }

    private void emit() throws IOException {
        if (line.size() == 0) {
            return;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        target.write(SecretMask.remembered().mask(text).getBytes(StandardCharsets.UTF_8));
    }
}
