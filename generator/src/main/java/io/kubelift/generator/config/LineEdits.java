package io.kubelift.generator.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The frame of a format edited line by line: split the text into lines, apply each edit to them,
 * join them again.
 */
final class LineEdits {
    private LineEdits() {}

    /**
     * Applies the edits in order, each by {@code applyOne} on the file's lines (without the final
     * newline), and returns the lines joined, ending with a newline.
     */
    static String apply(
            String text, List<ConfigEdit> edits, BiConsumer<List<String>, ConfigEdit> applyOne) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (text.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        }
        for (ConfigEdit edit : edits) {
            applyOne.accept(lines, edit);
        }
        return String.join("\n", lines) + "\n";
    }
}
