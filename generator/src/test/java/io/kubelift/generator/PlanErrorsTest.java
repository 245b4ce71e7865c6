package io.kubelift.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.model.Health;
import io.kubelift.model.KubeliftException;
import io.kubelift.model.MigrationPlan;
import io.kubelift.model.Peer;
import io.kubelift.model.PlanSpec;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Plans the generator cannot honour fail with a user-fixable message, never a stack trace or a
 * guess.
 */
class PlanErrorsTest {
    private static KubeliftException generate(UnaryOperator<io.kubelift.model.Component> change) {
        MigrationPlan plan = Fixtures.plan("java-cp");
        var components = plan.spec().components().stream().map(change).toList();
        MigrationPlan changed =
                MigrationPlan.of(
                        plan.metadata().name(), new PlanSpec(plan.spec().source(), components));
        return assertThrows(
                KubeliftException.class,
                () ->
                        Generator.withDefaults()
                                .generate(
                                        changed,
                                        Fixtures.app("java-cp"),
                                        Fixtures.secrets(),
                                        GenerateOptions.defaults()));
    }

    @Test
    void aMissingConfigFileNamesTheFile() {
        var e =
                generate(
                        c ->
                                c.toBuilder()
                                        .configFiles(
                                                List.of(
                                                        new io.kubelift.model.ConfigFile(
                                                                "conf/nope.properties",
                                                                "properties")))
                                        .configOverrides(List.of())
                                        .secrets(List.of())
                                        .build());
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "apps/java-cp/conf/nope.properties: config file of component orders-api not found"),
                e.getMessage());
        assertEquals(KubeliftException.Kind.BAD_INPUT, e.kind());
    }

    @Test
    void aPeerOnAnUnknownComponentIsRefused() {
        var e =
                generate(
                        c ->
                                c.toBuilder()
                                        .peers(
                                                List.of(
                                                        new Peer(
                                                                "db.url",
                                                                "postgres",
                                                                "db01.example.internal",
                                                                null,
                                                                null)))
                                        .build());
        assertTrue(e.getMessage().contains("peer component 'postgres'"), e.getMessage());
    }

    @Test
    void aHealthCheckOnAnUnknownPortIsRefused() {
        var e = generate(c -> c.toBuilder().health(new Health("tcp", null, "admin", null)).build());
        assertTrue(e.getMessage().contains("port 'admin'"), e.getMessage());
    }

    @Test
    void aSecretKeyThatIsNotInTheFileIsRefused() {
        var e =
                generate(
                        c ->
                                c.toBuilder()
                                        .secrets(
                                                List.of(
                                                        new io.kubelift.model.SecretRef(
                                                                "db.passwd",
                                                                "conf/orders.properties",
                                                                null,
                                                                null,
                                                                null)))
                                        .build());
        assertTrue(
                e.getMessage()
                        .startsWith("conf/orders.properties: the plan names secret 'db.passwd'"),
                e.getMessage());
    }

    @Test
    void anOverrideOfAFileThatIsNotAConfigFileIsRefused() {
        var e =
                generate(
                        c ->
                                c.toBuilder()
                                        .configOverrides(
                                                List.of(
                                                        new io.kubelift.model.ConfigOverride(
                                                                "conf/other.properties",
                                                                "a",
                                                                "b",
                                                                null,
                                                                null)))
                                        .build());
        assertTrue(e.getMessage().contains("not one of its configFiles"), e.getMessage());
    }

    @Test
    void anImageForAnUnknownComponentIsAUsageError() {
        var e =
                assertThrows(
                        KubeliftException.class,
                        () ->
                                Generator.withDefaults()
                                        .generate(
                                                Fixtures.plan("java-cp"),
                                                Fixtures.app("java-cp"),
                                                Fixtures.secrets(),
                                                new GenerateOptions(
                                                        null,
                                                        Map.of(
                                                                "web",
                                                                "registry.example/web@sha256:abc"))));
        assertEquals(KubeliftException.Kind.USAGE, e.kind());
    }

    @Test
    void givenImagesAreUsedAndDefaultsNeverSayLatest() {
        var files =
                Generator.withDefaults()
                        .generate(
                                Fixtures.plan("java-cp"),
                                Fixtures.app("java-cp"),
                                Fixtures.secrets(),
                                new GenerateOptions(
                                        List.of("prod"),
                                        Map.of(
                                                "orders-api",
                                                "registry.example/orders@sha256:0123")));
        assertTrue(
                files.text("k8s/base/orders-api-deployment.yaml")
                        .contains("image: registry.example/orders@sha256:0123"));
        assertTrue(files.contains("k8s/overlays/prod/kustomization.yaml"));
        assertTrue(!files.contains("k8s/overlays/dev/kustomization.yaml"));
        String defaults = Fixtures.generate("java-cp").text("k8s/base/orders-api-deployment.yaml");
        assertTrue(defaults.matches("(?s).*image: orders-orders-api:[0-9a-f]{12}\n.*"), defaults);
    }
}
