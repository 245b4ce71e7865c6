package io.kubelift.analyzer.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SettingKnowledgeTest {
    @Test
    void rulesMatchTheEndOfAKey() {
        SettingKnowledge k =
                SettingKnowledge.parse(
                        """
                # comment
                listener  acceptor(\\[[^\\]]*\\])?     # inline comment
                client    connectors/connector(\\[[^\\]]*\\])?
                template  config\\[default-config\\]
                dir state (paging|journal)-directory   message store
                dir-property my.data.dir state ../data my product's data
                """,
                        "test");
        assertTrue(k.listener("configuration/core/acceptors/acceptor[artemis]"));
        assertFalse(k.listener("configuration/core/acceptors"));
        assertTrue(k.client("core/connectors/connector[x]"));
        assertTrue(k.template("domain/configs/config[default-config]/x@port"));
        assertFalse(k.template("domain/configs/config[server-config]/x@port"));
        assertEquals(DirRules.Use.STATE, k.dir("core/journal-directory").orElseThrow().use());
        assertEquals("message store", k.dir("core/paging-directory").orElseThrow().purpose());
        assertEquals("../data", k.dirProperties().get(0).relative());
        assertEquals("my product's data", k.dirProperties().get(0).purpose());
    }

    @Test
    void aBadRuleNamesItsLine() {
        var e =
                assertThrows(
                        IllegalStateException.class,
                        () ->
                                SettingKnowledge.parse(
                                        "listener ok\nlistener (unclosed\n", "x.knowledge"));
        assertTrue(e.getMessage().startsWith("x.knowledge:2:"), e.getMessage());
        var u =
                assertThrows(
                        IllegalStateException.class,
                        () -> SettingKnowledge.parse("frobnicate x\n", "x.knowledge"));
        assertTrue(
                u.getMessage().contains("x.knowledge:1: unknown rule frobnicate"), u.getMessage());
    }

    @Test
    void theShippedDataLoads() {
        assertTrue(SettingKnowledge.get().listener("broker/web@bind"));
        assertFalse(SettingKnowledge.get().dirProperties().isEmpty());
    }
}
