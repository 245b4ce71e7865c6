package io.kubelift.analyzer.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlaceholdersTest {
    @Test
    void everyCommonPlaceholderFormResolvesToItsDefault() {
        assertEquals("8080", Placeholders.withDefaults("${jboss.http.port:8080}"));
        assertEquals("8080", Placeholders.withDefaults("${env.HTTP_PORT:8080}"));
        assertEquals("8080", Placeholders.withDefaults("${PORT:-8080}"));
        assertEquals(
                "tcp://0.0.0.0:61616",
                Placeholders.withDefaults("tcp://${host:0.0.0.0}:${port:61616}"));
        assertEquals("", Placeholders.withDefaults("${empty:}"));
    }

    @Test
    void nestedPlaceholdersResolveFromTheInside() {
        assertEquals("1", Placeholders.withDefaults("${a:${b:1}}"));
        assertEquals("x/9", Placeholders.withDefaults("${d:${e:x}}/${f:9}"));
    }

    @Test
    void aPlaceholderWithoutADefaultStays() {
        assertEquals("${HTTP_LISTENER_PORT}", Placeholders.withDefaults("${HTTP_LISTENER_PORT}"));
        assertTrue(Placeholders.unresolved(Placeholders.withDefaults("${a}/${b:2}")));
        assertEquals("${a}/2", Placeholders.withDefaults("${a}/${b:2}"));
        assertFalse(Placeholders.unresolved("8080"));
        assertEquals(null, Placeholders.withDefaults(null));
    }

    @Test
    void hostileNestingEndsQuickly() {
        String deep = "${a:".repeat(5000) + "1" + "}".repeat(5000);
        // bounded rounds: returns (partly resolved), never loops or overflows
        assertTrue(Placeholders.withDefaults(deep).length() <= deep.length());
    }
}
