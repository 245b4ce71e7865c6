package io.kubelift.testing.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the small entries (JSON) of an uncompressed tar, for checking Jib's docker-archives in
 * tests.
 */
public final class TarReader {
    private TarReader() {}

    public static Map<String, byte[]> read(Path tar, long maxEntry) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(tar)) {
            byte[] h = new byte[512];
            while (in.readNBytes(h, 0, 512) == 512) {
                String name = new String(h, 0, 100, StandardCharsets.US_ASCII).replace("\0", "");
                if (name.isEmpty()) {
                    break;
                }
                long size =
                        Long.parseLong(
                                new String(h, 124, 12, StandardCharsets.US_ASCII)
                                        .replace("\0", "")
                                        .trim(),
                                8);
                long padded = (size + 511) / 512 * 512;
                if (size <= maxEntry) {
                    byte[] b = in.readNBytes((int) size);
                    out.put(name, b);
                    in.skipNBytes(padded - size);
                } else {
                    in.skipNBytes(padded);
                    out.put(name, new byte[0]);
                }
            }
        }
        return out;
    }
}
