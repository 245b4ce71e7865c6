package io.kubelift.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubelift.model.Component;
import io.kubelift.model.ConfigFile;
import io.kubelift.model.SecretRef;
import io.kubelift.model.SecretSource;
import io.kubelift.model.SecretValue;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Secrets in a file kubelift cannot edit by key (generic XML): the value is replaced where it
 * stands.
 */
class LiteralSecretsTest {
    @Test
    void twoSettingsWithTheSameValueAreBothServed() {
        // WildFly's datasource: user name and password are both "sa"; replacing the first leaves no
        // "sa" token
        String xml =
                "<datasource>\n  <security user-name=\"sa\" password=\"sa\"/>\n</datasource>\n";
        ConfigFile file = new ConfigFile("conf/standalone.xml", "xml");
        Component c =
                Component.builder("server")
                        .configFiles(List.of(file))
                        .secrets(
                                List.of(
                                        new SecretRef(
                                                "datasource/security@user-name",
                                                file.path(),
                                                "password",
                                                "DS_USER",
                                                null),
                                        new SecretRef(
                                                "datasource/security@password",
                                                file.path(),
                                                "password",
                                                "DS_PASSWORD",
                                                null)))
                        .build();
        SecretSource sa = ref -> Optional.of(SecretValue.of("sa"));
        ConfigRewriter.Rewritten r =
                ConfigRewriter.withDefaults().rewrite(c, file, xml, h -> h, sa);
        assertEquals(
                "<datasource>\n  <security user-name=\"${DS_USER}\" password=\"${DS_USER}\"/>\n</datasource>\n",
                r.content());
    }
}
