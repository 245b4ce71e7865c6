package io.kubelift.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The matching rules of corpus/README.md, on small keys and plans. */
class ScoreTest {
    static JsonNode yaml(String s) throws Exception {
        return Score.YAML.readTree(s);
    }

    @Test
    void secretsMatchBySettingSegmentAliasAndFile() throws Exception {
        JsonNode ks = yaml("{setting: clear-text, aliases: [credential-reference], file: standalone/configuration/standalone.xml}");
        assertTrue(Score.secretMatches(ks, "server/key-store[applicationKS]/credential-reference@clear-text", "standalone/configuration/standalone.xml"));
        assertFalse(Score.secretMatches(ks, "server/x@clear-text", "domain/configuration/domain.xml"));
        assertFalse(Score.secretMatches(ks, "server/x@password", "standalone/configuration/standalone.xml"));
        JsonNode dotted = yaml("{setting: jetty.sslContext.keyStorePassword, file: etc/jetty-ssl-context.xml}");
        assertTrue(Score.secretMatches(dotted, "Configure/New/Set/jetty.sslContext.keyStorePassword", "etc/jetty-ssl-context.xml"));
        JsonNode wholeFile = yaml("{file: config/admin-keyfile}");
        assertTrue(Score.secretMatches(wholeFile, "admin", "glassfish/domains/domain1/config/admin-keyfile"));
    }

    @Test
    void aStateDirIsCoveredByItselfOrAnAncestorNeverByTheRoot() {
        Path root = Path.of("/cache/artemis");
        assertEquals("data/journal", Score.normPath("/cache/artemis/data/journal/", root));
        assertEquals("data", Score.normPath("./data", root));
        assertEquals("", Score.normPath("/cache/artemis", root));
        assertTrue(Score.covers("data", "data/journal"));
        assertTrue(Score.covers("data/journal", "data/journal"));
        assertFalse(Score.covers("data/journal", "data"));
        assertFalse(Score.covers("", "data"));
        assertFalse(Score.covers("dat", "data/journal"));
        assertTrue(Score.covers("/var/lib/app/data", "data"));   // absolute vs relative compare by suffix
    }

    @Test
    void componentsPairOneToOneByMainClassThenNameAndScoreKinds() throws Exception {
        JsonNode key = yaml("""
                components:
                - {name: broker, aliases: [artemis], mainClasses: [org.example.Broker], workload: StatefulSet}
                - {name: domain, optional: true, aliases: [domain], mainClasses: [org.example.Broker], workload: StatefulSet}
                ports: [{port: 61616}, {port: 8161}, {port: 9999, optional: true}]
                secrets: [{setting: admin, file: etc/users.properties}]
                state: [{path: data/journal}]
                """);
        JsonNode plan = yaml("""
                spec:
                  components:
                  - name: artemis
                    workload: Deployment
                    entrypoint: {mainClass: org.example.Broker}
                    ports: [{port: 61616}, {port: 9999}, {port: 1234}]
                    secrets: [{key: admin, file: etc/users.properties}, {key: other, file: etc/x}]
                    state: [{path: data}]
                  - name: artemis-cli
                    entrypoint: {mainClass: org.example.Cli}
                """);
        Score.AppScore s = new Score.AppScore("t");
        Score.scoreApp(key, plan, Path.of("/nowhere"), s);
        var c = s.counts;
        assertEquals(1, c.get("components").tpR);          // broker paired (by main class)
        assertEquals(1, c.get("components").expected);     // the optional one is not expected
        assertEquals(2, c.get("components").predicted);
        assertEquals(1, c.get("components").tpP);          // artemis-cli pairs with nothing: a name word is no main-class match
        assertEquals(0, c.get("workload").tpR);            // Deployment, the key says StatefulSet
        assertEquals(1, c.get("mainClasses").tpP);
        assertEquals(2, c.get("mainClasses").predicted);
        assertEquals(1, c.get("ports").tpR);               // 61616 of {61616, 8161}
        assertEquals(2, c.get("ports").tpP);               // 61616 and the optional 9999; 1234 is a false positive
        assertEquals(3, c.get("ports").predicted);
        assertEquals(1, c.get("secrets").tpR);
        assertEquals(1, c.get("secrets").tpP);
        assertEquals(1, c.get("state").tpR);
        assertTrue(s.misses.contains("port missed: 8161 ()"), s.misses.toString());
    }
}
