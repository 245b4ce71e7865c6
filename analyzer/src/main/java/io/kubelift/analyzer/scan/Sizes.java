package io.kubelift.analyzer.scan;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte sizes: human display, and JVM/Hadoop-style sizes ({@code 1g}, {@code 512m}, {@code 2048}).
 */
public final class Sizes {
    private static final Pattern JVM_SIZE = Pattern.compile("(\\d+)([kKmMgGtT]?)[bB]?");

    private Sizes() {}

    public static String human(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GiB";
        }
        if (bytes >= 1L << 20) {
            return (bytes >> 20) + " MiB";
        }
        return bytes + " bytes";
    }

    /**
     * {@code 1g} → 1073741824; a bare number is read in {@code bareUnit} ('m' for Hadoop HEAPSIZE,
     * 'b' for -Xmx).
     */
    public static Optional<Long> parse(String text, char bareUnit) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = JVM_SIZE.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String unit = m.group(2).isEmpty() ? String.valueOf(bareUnit) : m.group(2);
        int shift =
                switch (unit.toLowerCase(Locale.ROOT)) {
                    case "k" -> 10;
                    case "m" -> 20;
                    case "g" -> 30;
                    case "t" -> 40;
                    default -> 0;
                };
        if (n > (Long.MAX_VALUE >> shift)) {
            return Optional.empty();
        }
        return Optional.of(n << shift);
    }
}
