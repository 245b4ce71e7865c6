package io.kubelift.cli.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Looks for secret values in output: each value as plain text and in base64 (standard and URL-safe
 * alphabets, at all three byte alignments, so a value inside a larger encoded blob is found too).
 * Gzip streams and tar archives (image layers) are opened and their entries scanned, recursively.
 */
public final class LeakScanner {
    /** One place a secret was found. */
    public record Leak(String where, String secretName, String form) {
        @Override
        public String toString() {
            return where + ": " + secretName + " (" + form + ")";
        }
    }

    private final Map<String, List<Needle>> needles = new TreeMap<>();

    private record Needle(String form, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** {@code secrets}: a name for each value (never printed) → the value. */
    public LeakScanner(Map<String, String> secrets) {
        secrets.forEach((name, value) -> needles.put(name, needlesFor(value)));
    }

    static List<Needle> needlesFor(String value) {
        List<Needle> list = new ArrayList<>();
        byte[] plain = value.getBytes(StandardCharsets.UTF_8);
        list.add(new Needle("plain", plain));
        String url = java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
        if (!url.equals(value)) {
            list.add(new Needle("url-encoded", url.getBytes(StandardCharsets.US_ASCII)));
            list.add(
                    new Needle(
                            "url-encoded",
                            url.replace("+", "%20").getBytes(StandardCharsets.US_ASCII)));
        }
        for (int shift = 0; shift < 3; shift++) {
            // Encode the value as if it started at byte offset 'shift' of a larger blob; keep the
            // characters
            // that depend only on the value's bytes.
            byte[] padded = new byte[shift + plain.length];
            System.arraycopy(plain, 0, padded, shift, plain.length);
            for (Base64.Encoder enc :
                    List.of(
                            Base64.getEncoder().withoutPadding(),
                            Base64.getUrlEncoder().withoutPadding())) {
                String b64 = enc.encodeToString(padded);
                int from =
                        shift == 0
                                ? 0
                                : (shift * 8 + 5) / 6; // first character not touched by the prefix
                int fullChars =
                        (shift + plain.length) / 3 * 4; // characters of complete 3-byte groups
                int to =
                        shift == 0 && plain.length % 3 == 0
                                ? b64.length()
                                : Math.min(b64.length(), fullChars);
                if (to - from >= 8) {
                    list.add(
                            new Needle(
                                    "base64@" + shift,
                                    b64.substring(from, to).getBytes(StandardCharsets.US_ASCII)));
                }
            }
        }
        return list;
    }

    /** Scans every regular file under {@code root} whose relative path is not {@code allowed}. */
    public List<Leak> scanTree(Path root, Predicate<String> allowed) throws IOException {
        List<Leak> leaks = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !allowed.test(rel)) {
                    leaks.addAll(scan(rel, Files.readAllBytes(p)));
                }
            }
        }
        return leaks;
    }

    /** Scans one blob; gzip and tar content is opened and its entries scanned instead. */
    public List<Leak> scan(String where, byte[] data) throws IOException {
        List<Leak> leaks = new ArrayList<>();
        if (data.length > 2 && (data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
                return scan(where + "!gunzip", in.readAllBytes());
            }
        }
        if (Tar.looksLikeTar(data)) {
            for (Map.Entry<String, byte[]> e : Tar.entries(data).entrySet()) {
                leaks.addAll(scan(where + "!" + e.getKey(), e.getValue()));
            }
            return leaks;
        }
        String hay =
                new String(
                        data,
                        StandardCharsets.ISO_8859_1); // one char per byte: String.indexOf is fast
        needles.forEach(
                (name, list) -> {
                    for (Needle n : list) {
                        if (hay.contains(n.text())) {
                            leaks.add(new Leak(where, name, n.form()));
                            return;
                        }
                    }
                });
        return leaks;
    }

    /** A minimal reader of ustar/GNU tar archives: regular-file entries by name. */
    static final class Tar {
        private Tar() {}

        static boolean looksLikeTar(byte[] d) {
            return d.length >= 512
                    && new String(d, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
        }

        static Map<String, byte[]> entries(byte[] d) {
            Map<String, byte[]> out = new TreeMap<>();
            int pos = 0;
            String longName = null;
            while (pos + 512 <= d.length && d[pos] != 0) {
                String name = field(d, pos, 100);
                String prefix = field(d, pos + 345, 155);
                long size =
                        Long.parseLong(
                                field(d, pos + 124, 12).trim().isEmpty()
                                        ? "0"
                                        : field(d, pos + 124, 12).trim(),
                                8);
                char type = (char) d[pos + 156];
                int body = pos + 512;
                int end = (int) Math.min(d.length, body + size);
                if (type == 'L') {
                    longName = field(d, body, (int) size);
                } else {
                    String full =
                            longName != null
                                    ? longName
                                    : prefix.isEmpty() ? name : prefix + "/" + name;
                    longName = null;
                    if (type == '0' || type == 0 || type == '7') {
                        byte[] content = new byte[end - body];
                        System.arraycopy(d, body, content, 0, content.length);
                        out.put(full, content);
                    }
                }
                pos = body + (int) ((size + 511) / 512 * 512);
            }
            return out;
        }

        private static String field(byte[] d, int off, int len) {
            int end = off;
            while (end < off + len && end < d.length && d[end] != 0) {
                end++;
            }
            return new String(d, off, end - off, StandardCharsets.UTF_8);
        }
    }
}
