package io.kubelift.cli;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean …?": the closest known word to a mistyped command or option (edit distance, or a
 * unique prefix).
 */
final class Suggest {
    private Suggest() {}

    /** The candidate closest to {@code typed}, if one is close enough to be a plausible typo. */
    static Optional<String> closest(String typed, Collection<String> candidates) {
        String t = typed.toLowerCase(Locale.ROOT);
        if (t.matches("-[a-z0-9]")) {
            // A one-letter flag is never "close" to another by spelling; name the only long option
            // with that initial.
            var same =
                    candidates.stream()
                            .filter(c -> c.toLowerCase(Locale.ROOT).startsWith("-" + t))
                            .toList();
            return same.size() == 1 ? Optional.of(same.get(0)) : Optional.empty();
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(t, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        // A typo: at most a third of the word wrong (at least one edit allowed, at most three).
        if (best != null && bestDistance <= Math.max(1, Math.min(3, stripDashes(t).length() / 3))) {
            return Optional.of(best);
        }
        // A shortened word ("--out" for "--output", "conv" for "convert"), when only one word
        // starts so.
        if (stripDashes(t).length() >= 2) {
            var prefixed =
                    candidates.stream()
                            .filter(c -> c.toLowerCase(Locale.ROOT).startsWith(t))
                            .toList();
            if (prefixed.size() == 1) {
                return Optional.of(prefixed.get(0));
            }
        }
        return Optional.empty();
    }

    /** {@code " (did you mean 'x'?)"} or empty. */
    static String hint(String typed, Collection<String> candidates) {
        return closest(typed, candidates).map(c -> "did you mean '" + c + "'?").orElse("");
    }

    private static String stripDashes(String s) {
        return s.replaceFirst("^-+", "");
    }

    /** Damerau–Levenshtein (optimal string alignment): a swap of two neighbours is one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] =
                        Math.min(
                                Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1
                        && j > 1
                        && a.charAt(i - 1) == b.charAt(j - 2)
                        && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
