package io.kubelift.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A file name or key from the app cannot start a line of its own in an env file (issue #15, point
 * 6).
 */
class SecretEnvFilesTest {
    @Test
    void commentsStayOneInertLine() {
        assertEquals(
                "conf/a\\nJAVA_TOOL_OPTIONS=-javaagent:/tmp/x.jar\\n.properties",
                SecretEnvFiles.inert(
                        "conf/a\nJAVA_TOOL_OPTIONS=-javaagent:/tmp/x.jar\n.properties"));
        assertEquals("key\\u001b[31m\\r", SecretEnvFiles.inert("key\u001b[31m\r"));
        assertEquals("café.properties", SecretEnvFiles.inert("café.properties"));
    }
}
