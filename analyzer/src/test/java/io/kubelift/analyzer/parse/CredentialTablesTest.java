package io.kubelift.analyzer.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Credential tables (issue #14): entries carrying a password hash in a named scheme. */
class CredentialTablesTest {
    private static List<String> hits(String path, String text) {
        FactSink sink = new FactSink();
        CredentialTables t = new CredentialTables();
        SourceFile f = SourceFile.of(path, text);
        if (t.accepts(f)) {
            t.parse(f, new ParseContext(sink, null));
        }
        return sink.secrets().stream()
                .map(h -> h.key() + ":" + h.kind() + ":" + h.evidence().line())
                .toList();
    }

    @Test
    void aGlassFishFileRealmKeyfile() {
        assertEquals(
                List.of("admin:password-hash:2"),
                hits(
                        "glassfish/domains/domain1/config/admin-keyfile",
                        "# file realm\nadmin;{SSHA256}CT01k0fHc2Vjc2VjcmV0aGFzaGVkdmFsdWU=;asadmin\n"));
    }

    @Test
    void htpasswdCryptAndJettyStyleHashes() {
        assertEquals(
                List.of(
                        "alice:password-hash:1",
                        "bob:password-hash:2",
                        "carol:password-hash:3",
                        "dave:password-hash:4",
                        "erin:password-hash:5"),
                hits(
                        "conf/.htpasswd",
                        "alice:$apr1$CT02salt$Wq0xYmZkZ2FiY2RlZmdo\n"
                                + "bob:$2y$10$CT03abcdefghijklmnopqrstuvwxyzABCDEFGHIJ\n"
                                + "carol:$6$CT04salt$abcdefghijklmnop\n"
                                + "dave: OBF:1v2j1uum1xtv1zej1zer1xtn1uvk1v1v\n"
                                + "erin = MD5:164c88b302622e17050af52c89945d44\n"));
    }

    @Test
    void scriptsNoticesAndOrdinaryFilesAreNotTables() {
        assertTrue(hits("bin/start", "#!/bin/sh\nexec java -cp lib/* Main\n").isEmpty());
        assertTrue(hits("NOTICE", "This product includes software\n").isEmpty());
        // one hash among many lines is a mention, not a table
        assertTrue(hits("README", "a\nb\nc\nexample: alice:$6$abcdefgh$ijklmnopqrst\n").isEmpty());
        assertFalse(
                new CredentialTables()
                        .accepts(SourceFile.of("conf/app.properties", "a={SSHA}abcdefghijkl\n")),
                ".properties files are the properties parser's");
    }
}
