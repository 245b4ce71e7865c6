package io.kubelift.model.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubelift.model.KubeliftException;
import org.junit.jupiter.api.Test;

/**
 * Error messages quote hostile input (file names, keys); they must stay one line and inert on a
 * terminal.
 */
class ErrorMessageSafetyTest {
    @Test
    void controlCharactersInQuotedInputAreEscaped() {
        KubeliftException e =
                KubeliftException.badInput(
                        "etc/evil\nname.xml:3", "unknown key '\u001b[2Jx\r'", "fix\tit\u0085");
        assertEquals(
                "etc/evil\\nname.xml:3: unknown key '\\u001b[2Jx\\r' — fix\\tit\\u0085",
                e.getMessage());
    }

    @Test
    void printableTextIsUnchanged() {
        assertEquals(
                "a/b.xml:1: bad — see docs/é.md",
                KubeliftException.format("a/b.xml:1", "bad", "see docs/é.md"));
        assertEquals("no location", KubeliftException.format(null, "no location", null));
    }
}
