package io.kubelift.analyzer.scan;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether bytes are text worth parsing, and decodes them (strict UTF-8, Latin-1 as the
 * noted fall-back).
 */
public final class TextFiles {
    /** Extensions that are binary by nature: never sniffed, never parsed. */
    private static final Set<String> BINARY_EXT =
            Set.of(
                    "jar",
                    "war",
                    "ear",
                    "zip",
                    "gz",
                    "tgz",
                    "tar",
                    "bz2",
                    "xz",
                    "class",
                    "so",
                    "dll",
                    "dylib",
                    "exe",
                    "png",
                    "jpg",
                    "jpeg",
                    "gif",
                    "ico",
                    "pdf",
                    "jks",
                    "p12",
                    "pfx",
                    "keystore",
                    "truststore",
                    "bin",
                    "dat",
                    "db",
                    "woff",
                    "woff2",
                    "ttf",
                    "eot",
                    "mp4",
                    "avi");

    private TextFiles() {}

    public static boolean binaryByName(String path) {
        String n = RelPaths.fileName(path).toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot >= 0 && BINARY_EXT.contains(n.substring(dot + 1));
    }

    /** NUL bytes or mostly control characters in the first 8 KiB. */
    public static boolean looksBinary(byte[] b) {
        int n = Math.min(b.length, 8192);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xff;
            if (c == 0) {
                return true;
            }
            if (c < 0x09 || c > 0x0d && c < 0x20 && c != 0x1b) {
                control++;
            }
        }
        return n > 0 && control * 10 > n;
    }

    /** The decoded text, and whether it had to fall back from UTF-8. */
    public record Decoded(String text, boolean latin1) {}

    public static Decoded decode(byte[] b) {
        int off =
                b.length >= 3
                                && (b[0] & 0xff) == 0xEF
                                && (b[1] & 0xff) == 0xBB
                                && (b[2] & 0xff) == 0xBF
                        ? 3
                        : 0;
        try {
            String s =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(b, off, b.length - off))
                            .toString();
            return new Decoded(s, false);
        } catch (CharacterCodingException e) {
            return new Decoded(
                    new String(b, off, b.length - off, StandardCharsets.ISO_8859_1), true);
        }
    }
}
