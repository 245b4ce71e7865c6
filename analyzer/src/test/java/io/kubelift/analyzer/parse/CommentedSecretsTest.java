package io.kubelift.analyzer.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.model.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue #14/#15: sensitive settings in comments are secrets, marked commented, masked. */
class CommentedSecretsTest {
    private static FactSink scan(String path, String text) {
        FactSink sink = new FactSink();
        ParseContext ctx = new ParseContext(sink, null);
        SourceFile f = SourceFile.of(path, text);
        for (FileParser p : Parsers.defaults()) {
            if (p.accepts(f)) {
                p.parse(f, ctx);
            }
        }
        return sink;
    }

    private static List<String> hits(FactSink sink) {
        return sink.secrets().stream()
                .map(h -> h.key() + ":" + h.evidence().line() + ":" + h.commented())
                .toList();
    }

    @Test
    void aCommentedKeyValueLineWithASensitiveNameIsACommentedSecret() {
        FactSink sink =
                scan(
                        "conf/keycloak.conf",
                        "# The password of the database user.\n#db-password=CS01-kc-pw\n"
                                + "#db-username=keycloak\n#health-enabled=true\ndb=postgres\n");
        assertEquals(List.of("db-password:2:true"), hits(sink));
        assertTrue(
                sink.problems().stream()
                        .anyMatch(
                                p ->
                                        p.kind() == Problem.Kind.NOTE
                                                && p.line() == 2
                                                && p.message().contains("in a comment")),
                sink.problems().toString());
        assertTrue(
                sink.facts().stream()
                        .noneMatch(x -> String.valueOf(x.evidence()).contains("CS01-kc-pw")),
                "the evidence of the comment is masked");
    }

    @Test
    void everyCommentStyleOfTheLineFormats() {
        assertEquals(
                List.of("db.password:2:true"),
                hits(scan("conf/app.properties", "a=b\n! db.password = CS02-bang\n")));
        assertEquals(
                List.of("database.password:2:true"),
                hits(scan("conf/app.ini", "[database]\n; password = CS03-ini\n")));
        assertEquals(
                List.of("password:3:true"),
                hits(scan("conf/app.yml", "db:\n  user: app\n  # password: CS04-yaml\n")));
        assertEquals(
                List.of("DB_PASSWORD:1:true"),
                hits(scan(".env", "# DB_PASSWORD=CS05-env\nDB_HOST=db\n")));
    }

    @Test
    void proseSwitchesPlaceholdersAndNonSecretsAreNot() {
        assertEquals(
                List.of(),
                hits(
                        scan(
                                "conf/app.properties",
                                "# password: the password of the admin user\n#password=\n"
                                        + "#password=${DB_PASS}\n#token.enabled=true\n#server.port=8080\n"
                                        + "#hostKey=${karaf.etc}/host.key\n")));
    }

    @Test
    void aSettingAlsoSetForRealKeepsItsNameTheCommentIsCarriedUnderItsLine() {
        FactSink sink =
                scan("conf/app.properties", "#db.password=CS06-old\ndb.password=CS06-new\n");
        assertEquals(List.of("db.password:2:false", "db.password#1:1:true"), hits(sink));
    }

    @Test
    void commentedXmlElementsAndAttributes() {
        FactSink sink =
                scan(
                        "conf/ds.xml",
                        "<datasources>\n  <!--\n  <password>CS07-xml-element</password>\n"
                                + "  <connection user=\"app\" password=\"CS08-xml-attr\"/>\n"
                                + "  <credential-reference clear-text=\"CS09-clear-text\"/>\n  -->\n"
                                + "  <!-- the password is set below -->\n</datasources>\n");
        assertEquals(
                List.of(
                        "password:3:true",
                        "connection@password:4:true",
                        "credential-reference@clear-text:5:true"),
                hits(sink));
    }

    @Test
    void usersFilesKeepTheirOwnRules() {
        assertEquals(
                List.of(), hits(scan("etc/users.properties", "#karaf = karaf,_g_:admingroup\n")));
    }
}
