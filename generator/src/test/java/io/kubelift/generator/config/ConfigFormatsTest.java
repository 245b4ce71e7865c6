package io.kubelift.generator.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each format editor changes only what the edits name and keeps comments, order and layout. */
class ConfigFormatsTest {
    @Test
    void hadoopXmlReplacesValuesAddsMissingPropertiesAndSkipsCommentedOnes() {
        String in =
                "<?xml version=\"1.0\"?>\n<configuration>\n"
                        + "  <!-- <property><name>a.host</name><value>old</value></property> -->\n"
                        + "  <property>\n    <name>a.host</name>\n    <value>old.example:8032</value>\n  </property>\n"
                        + "  <property><name>b</name><value/></property>\n"
                        + "</configuration>\n";
        String out =
                new HadoopXmlFormat()
                        .apply(
                                in,
                                List.of(
                                        ConfigEdit.replaceHost(
                                                "a.host", "old.example", "rm", "peer"),
                                        ConfigEdit.set("b", "x<y", "why"),
                                        ConfigEdit.set("c", "1", "new")));
        assertEquals(
                "<?xml version=\"1.0\"?>\n<configuration>\n"
                        + "  <!-- <property><name>a.host</name><value>old</value></property> -->\n"
                        + "  <!-- kubelift: peer -->\n"
                        + "  <property>\n    <name>a.host</name>\n    <value>rm:8032</value>\n  </property>\n"
                        + "  <!-- kubelift: why -->\n"
                        + "  <property><name>b</name><value>x&lt;y</value></property>\n"
                        + "  <!-- kubelift: new -->\n  <property>\n    <name>c</name>\n    <value>1</value>\n  </property>\n"
                        + "</configuration>\n",
                out);
    }

    @Test
    void hadoopXmlWithoutConfigurationElementIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new HadoopXmlFormat().apply("<x/>", List.of(ConfigEdit.set("a", "b", null))));
    }

    @Test
    void hadoopXmlSecretThatIsNotThereIsReported() {
        assertThrows(
                ConfigEdit.MissingKeyException.class,
                () ->
                        new HadoopXmlFormat()
                                .apply(
                                        "<configuration>\n</configuration>\n",
                                        List.of(ConfigEdit.secret("p", "${env.P}", null))));
    }

    @Test
    void propertiesKeepSeparatorsCommentsAndJoinContinuations() {
        String in = "# head\nhost = old.example\nlist=a,\\\n  b\nkeep:1\n";
        String out =
                new PropertiesFormat()
                        .apply(
                                in,
                                List.of(
                                        ConfigEdit.replaceHost("host", null, "svc", "peer"),
                                        ConfigEdit.set("list", "c", "one value"),
                                        ConfigEdit.set("new.key", "C:\\dir", "added")));
        assertEquals(
                "# head\n# kubelift: peer\nhost = svc\n# kubelift: one value\nlist=c\nkeep:1\n"
                        + "# kubelift: added\nnew.key=C:\\\\dir\n",
                out);
    }

    @Test
    void yamlReplacesNestedAndFlatKeysKeepsCommentsAndAddsUnderTheDeepestParent() {
        String in =
                "# app\nserver:\n  port: 8080  # web\nspring.datasource.password: 'x'\nlist:\n  - name: a\n    host: h\n";
        String out =
                new YamlFormat()
                        .apply(
                                in,
                                List.of(
                                        ConfigEdit.set("server.port", "9090", "pinned"),
                                        ConfigEdit.secret(
                                                "spring.datasource.password", "${DB}", "secret"),
                                        ConfigEdit.set(
                                                "server.ssl.enabled",
                                                "false",
                                                "tls at the ingress"),
                                        ConfigEdit.set("server.address", "a: b", "needs quotes")));
        assertEquals(
                "# app\nserver:\n  # kubelift: pinned\n  port: 9090 # web\n"
                        + "  # kubelift: tls at the ingress\n  ssl:\n    enabled: false\n"
                        + "  # kubelift: needs quotes\n  address: \"a: b\"\n"
                        + "# kubelift: secret\nspring.datasource.password: ${DB}\nlist:\n  - name: a\n    host: h\n",
                out);
    }

    @Test
    void yamlRefusesToAddKeysUnderSequencesOrScalars() {
        String in = "list:\n  - name: a\nname: x\n";
        assertThrows(
                IllegalArgumentException.class,
                () -> new YamlFormat().apply(in, List.of(ConfigEdit.set("list.host", "h", null))));
        assertThrows(
                IllegalArgumentException.class,
                () -> new YamlFormat().apply(in, List.of(ConfigEdit.set("name.first", "h", null))));
    }

    @Test
    void replaceHostWithoutLegacyHostReplacesTheHostOfEveryItem() {
        var e = ConfigEdit.replaceHost("k", null, "zk", null);
        assertEquals("zk:2181,zk:2182", e.change().apply("a:2181, b:2182"));
        assertEquals("zk", e.change().apply("old"));
        assertEquals(null, e.change().apply("zk"));
    }

    @Test
    void replaceHostReplacesOnlyTheWholeHostName() {
        var e = ConfigEdit.replaceHost("k", "db01.example", "db", null);
        assertEquals(
                "jdbc:postgresql://db:5432/x?backup=db01.example.org,db",
                e.change()
                        .apply(
                                "jdbc:postgresql://db01.example:5432/x?backup=db01.example.org,db01.example"));
        assertEquals(null, e.change().apply("xdb01.example"));
    }
}
