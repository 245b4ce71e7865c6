package io.kubelift.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An absolute directory counts only where it stands as a whole path. */
class PathPrefixesTest {
    @Test
    void aPrefixIsFoundOnPathBoundariesOnly() {
        assertEquals(List.of(5), PathPrefixes.occurrences("file:/srv/b/etc", "/srv/b"));
        assertEquals(List.of(1), PathPrefixes.occurrences("'/srv/b'", "/srv/b"));
        assertEquals(List.of(0), PathPrefixes.occurrences("/srv/b", "/srv/b"));
        assertEquals(List.of(7), PathPrefixes.occurrences("file:///srv/b/x", "/srv/b"));
        assertEquals(List.of(), PathPrefixes.occurrences("/srv/b-home/lib", "/srv/b"), "longer");
        assertEquals(List.of(), PathPrefixes.occurrences("/srv/b.old", "/srv/b"), "longer");
        assertEquals(List.of(), PathPrefixes.occurrences("/opt/srv/b/x", "/srv/b"), "deeper");
        assertEquals(List.of(), PathPrefixes.occurrences("x/srv/b", "/srv/b"), "relative");
        assertEquals(List.of(3, 12), PathPrefixes.occurrences("cp=/srv/b/a:/srv/b/c", "/srv/b"));
    }

    @Test
    void theLongestPrefixMovesFirstAndMovedTextIsNotMovedAgain() {
        Map<String, String> moves =
                Map.of("/srv/b", "/opt/app", "/srv/b/home", "/opt/app/homes/home", "/opt", "/x");
        assertEquals(
                "a=/opt/app/etc b=/opt/app/homes/home/lib c=/srv/bb d=/x/y",
                PathPrefixes.move("a=/srv/b/etc b=/srv/b/home/lib c=/srv/bb d=/opt/y", moves));
        assertEquals("no paths here", PathPrefixes.move("no paths here", moves));
    }
}
