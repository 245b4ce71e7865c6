package io.kubelift.model.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.model.KubeliftException;

/** What every parser must do with input it refuses: a user error, on one line, naming the input. */
public final class FuzzOracles {
    private FuzzOracles() {}

    public static void assertOneLineBadInput(KubeliftException e, String name) {
        assertEquals(KubeliftException.Kind.BAD_INPUT, e.kind(), e.getMessage());
        String m = e.getMessage();
        assertTrue(m.startsWith(name), "the message names the input: " + m);
        for (int i = 0; i < m.length(); i++) {
            char c = m.charAt(i);
            assertTrue(
                    c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0),
                    "the message is one line without control characters (terminal escapes): "
                            + m.replace("\n", "\\n"));
        }
    }
}
