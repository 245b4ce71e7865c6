package io.kubelift.analyzer.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.SecretValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A users file of a properties login module: each user's password is a secret named by the user.
 */
class UsersFileTest {
    private static FactSink parse(String path, String text) {
        FactSink sink = new FactSink();
        new PropertiesParser().parse(SourceFile.of(path, text), new ParseContext(sink, null));
        return sink;
    }

    @Test
    void eachUserOfAUsersFileIsASecretAndItsValueIsMasked() {
        FactSink sink =
                parse(
                        "etc/broker-users.properties",
                        "# users\nalice = ENC(1024:AB12:CD34)\nbob=plainpw1\ncarol=\n#dave=old\n");
        assertEquals(
                List.of("alice:user-password:2", "bob:user-password:3"),
                sink.secrets().stream()
                        .map(h -> h.key() + ":" + h.kind() + ":" + h.evidence().line())
                        .toList());
        List<Fact> props =
                sink.facts().stream().filter(x -> x.kind() == FactKind.CONFIG_PROPERTY).toList();
        assertTrue(
                props.stream()
                        .filter(x -> !x.subject().equals("carol"))
                        .allMatch(x -> SecretValue.MASK.equals(x.value())),
                props.toString());
        assertTrue(
                sink.facts().stream()
                        .noneMatch(x -> String.valueOf(x.value()).contains("plainpw1")),
                sink.facts().toString());
    }

    @Test
    void rolesFilesAndOtherPropertiesAreNotUsersFiles() {
        assertEquals(List.of(), parse("etc/broker-roles.properties", "admins = alice\n").secrets());
        assertEquals(List.of(), parse("etc/app.properties", "alice = ENC(1024:AB12)\n").secrets());
        assertEquals(List.of(), parse("conf/users.properties", "alice=${ALICE_PW}\n").secrets());
        assertEquals(1, parse("conf/users.properties", "alice=x1y2\n").secrets().size());
        // a list value (password,roles… or a group line) is not read as one credential
        assertEquals(
                List.of(),
                parse(
                                "etc/users.properties",
                                "karaf = karaf,_g_:admingroup\n_g_\\:admingroup = group,admin\n")
                        .secrets());
    }
}
