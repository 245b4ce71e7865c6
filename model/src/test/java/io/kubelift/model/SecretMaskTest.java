package io.kubelift.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMaskTest {
    private final SecretMask mask =
            SecretMask.of(List.of(SecretValue.of("p@ss w/rd\"1"), SecretValue.of("KS-LEAKME")));

    @Test
    void masksEveryOccurrenceOfEveryValueOnOneLine() {
        assertEquals(
                "-Da=**** -Db=**** x=****",
                mask.mask("-Da=KS-LEAKME -Db=p@ss w/rd\"1 x=KS-LEAKME"));
    }

    @Test
    void masksTheFormsAValueTakesWhenCopied() {
        String plain = "p@ss w/rd\"1";
        byte[] b = plain.getBytes(StandardCharsets.UTF_8);
        for (String form :
                List.of(
                        URLEncoder.encode(plain, StandardCharsets.UTF_8),
                        "p@ss w/rd\\\"1",
                        Base64.getEncoder().encodeToString(b),
                        Base64.getUrlEncoder().encodeToString(b))) {
            String masked = mask.mask("before " + form + " after");
            assertFalse(masked.contains(form), form + " → " + masked);
            assertTrue(masked.contains(SecretValue.MASK), masked);
        }
        // inside a larger base64 blob, at every alignment
        for (String prefix : List.of("", "x", "xy")) {
            String blob =
                    Base64.getEncoder()
                            .encodeToString(
                                    ("user:" + prefix + "KS-LEAKME;tail")
                                            .getBytes(StandardCharsets.UTF_8));
            assertTrue(mask.leaksIn(blob), blob);
        }
    }

    @Test
    void maskFilesLeavesSecretInputsAndSaysWhatItChanged() {
        FileSet files =
                new FileSet()
                        .add("plan.yaml", "jvm: -Dx=KS-LEAKME\n")
                        .add("k8s/c.yaml", "a: b\n")
                        .add("k8s/base/secrets/m.env", "X=KS-LEAKME\n", FileSet.Mode.PRIVATE);
        SecretMask.Masked m = mask.maskFiles(files);
        assertEquals(List.of("plan.yaml"), m.maskedPaths());
        assertEquals("jvm: -Dx=****\n", m.files().text("plan.yaml"));
        assertEquals("X=KS-LEAKME\n", m.files().text("k8s/base/secrets/m.env"));
        assertEquals(FileSet.Mode.PRIVATE, m.files().files().get("k8s/base/secrets/m.env").mode());
    }

    @Test
    void shortValuesAreNotMaskedInFreeText() {
        assertEquals("a banana", SecretMask.of(List.of(SecretValue.of("a"))).mask("a banana"));
        assertTrue(SecretMask.of(List.of(SecretValue.of("abc"))).isEmpty());
    }

    @Test
    void aWordValueIsMaskedWhereItStandsAloneButNotInsideAName() {
        // Jetty ships etc/jdbcRealm.properties with password = jetty: the product's own name must
        // survive
        SecretMask jetty = SecretMask.of(List.of(SecretValue.of("jetty")));
        assertEquals("password = ****", jetty.mask("password = jetty"));
        assertEquals("{\"password\": \"****\"}", jetty.mask("{\"password\": \"jetty\"}"));
        assertEquals(
                "redis://:****@cache:6379 -Dp=****",
                jetty.mask("redis://:jetty@cache:6379 -Dp=jetty"));
        assertEquals(
                "name: jetty-12 main: org.eclipse.jetty.start.Main path: /opt/jetty/etc",
                jetty.mask(
                        "name: jetty-12 main: org.eclipse.jetty.start.Main path: /opt/jetty/etc"));
        assertTrue(jetty.leaksIn("password=jetty"));
        assertFalse(jetty.leaksIn("org.eclipse.jetty.start.Main"));
    }

    @Test
    void aShippedDefaultThatIsAWordOfThePlansOwnVocabularyIsNotMaskedInFreeText() {
        // Payara's domain.xml ships password="password": masking the word would turn every
        // "kind: password" of the plan into "kind: ****"
        Component server =
                Component.builder("server")
                        .secrets(
                                List.of(
                                        new SecretRef(
                                                "admin-password",
                                                "config/domain.xml",
                                                "password",
                                                null,
                                                null)))
                        .build();
        MigrationPlan plan =
                MigrationPlan.of(
                        "payara-6", new PlanSpec(new Source("x", List.of()), List.of(server)));
        List<SecretValue> kept =
                SecretMask.confidential(
                        List.of(SecretValue.of("password"), SecretValue.of("Zq9-LEAKME")),
                        SecretMask.publicWords(plan, List.of()));
        assertEquals(List.of("Zq9-LEAKME"), kept.stream().map(SecretValue::reveal).toList());
    }

    @Test
    void aShippedDefaultThatIsAlsoAnAppNameIsNotMaskedInFreeText() {
        MigrationPlan plan =
                MigrationPlan.of("karaf-4", new PlanSpec(new Source("x", List.of()), List.of()));
        java.util.Set<String> words =
                SecretMask.publicWords(
                        plan, List.of("etc/users.properties", "bin/karaf", "lib/jetty-util.jar"));
        List<SecretValue> kept =
                SecretMask.confidential(
                        List.of(
                                SecretValue.of("karaf"),
                                SecretValue.of("Jetty"),
                                SecretValue.of("Zq9-LEAKME")),
                        words);
        assertEquals(List.of("Zq9-LEAKME"), kept.stream().map(SecretValue::reveal).toList());
    }

    /**
     * The console's mask ({@link SecretMask#remembered()}) follows the rule the files' mask does: a
     * value that is a public word of the app (Jetty's jdbcRealm password {@code jetty}) is not
     * masked, whichever of values and words was remembered first; a real secret still is.
     */
    @Test
    void theConsoleMaskLeavesPublicWordsAsTheFilesMaskDoes() {
        try {
            SecretMask.forgetRemembered();
            SecretMask.remember(List.of(SecretValue.of("jetty"), SecretValue.of("Zq9-LEAKME")));
            assertEquals(
                    "**** **** **** ok", SecretMask.remembered().mask("jetty Zq9-LEAKME jetty ok"));
            SecretMask.rememberPublic(
                    SecretMask.publicWords(null, List.of("etc/jetty.xml", "lib/jetty-server.jar")));
            String line = "  jetty                Deployment  ports 8080; password Zq9-LEAKME";
            String files =
                    SecretMask.of(
                                    List.of(SecretValue.of("jetty"), SecretValue.of("Zq9-LEAKME")),
                                    SecretMask.publicWords(
                                            null, List.of("etc/jetty.xml", "lib/jetty-server.jar")))
                            .mask(line);
            assertEquals("  jetty                Deployment  ports 8080; password ****", files);
            assertEquals(files, SecretMask.remembered().mask(line));
            // words first, then values: the same
            SecretMask.forgetRemembered();
            SecretMask.rememberPublic(java.util.Set.of("jetty"));
            SecretMask.remember(List.of(SecretValue.of("jetty"), SecretValue.of("Zq9-LEAKME")));
            assertEquals(files, SecretMask.remembered().mask(line));
        } finally {
            SecretMask.forgetRemembered();
        }
    }

    /**
     * Issue #15: {@code name: ****} is an alias in YAML; masked YAML stays valid and keeps ****.
     */
    @Test
    void maskedYamlStaysValidYamlWithTheMaskAsAString() throws Exception {
        SecretMask m =
                SecretMask.of(List.of(SecretValue.of("KS-LEAKME"), SecretValue.of("adminpw")));
        String yaml =
                "a: KS-LEAKME\n"
                        + "b: KS-LEAKME-suffix  # a comment\n"
                        + "c:\n  - KS-LEAKME\n  - x KS-LEAKME\n"
                        + "d: [KS-LEAKME, 'KS-LEAKME', \"adminpw\"]\n"
                        + "e: {k: adminpw, j: 1}\n"
                        + "KS-LEAKME: key\n"
                        + "f: |\n  adminpw\n"
                        + "g: it's KS-LEAKME\n";
        String masked = m.maskYaml(yaml);
        assertFalse(masked.contains("LEAKME") || masked.contains("adminpw"), masked);
        var tree = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(masked);
        assertEquals("****", tree.get("a").asText(), masked);
        assertEquals("****-suffix", tree.get("b").asText(), masked);
        assertEquals("****", tree.get("c").get(0).asText(), masked);
        assertEquals("x ****", tree.get("c").get(1).asText(), masked);
        assertEquals("****", tree.get("d").get(0).asText(), masked);
        assertEquals("****", tree.get("d").get(1).asText(), masked);
        assertEquals("****", tree.get("d").get(2).asText(), masked);
        assertEquals("****", tree.get("e").get("k").asText(), masked);
        assertEquals(1, tree.get("e").get("j").asInt(), masked);
        assertEquals("key", tree.get("****").asText(), masked);
        assertEquals("it's ****", tree.get("g").asText(), masked);
        // plain mask() is for free text and leaves YAML alone
        assertEquals("a: ****\n", m.mask("a: KS-LEAKME\n"));
    }

    @Test
    void maskFilesQuotesInYamlFilesOnly() {
        SecretMask m = SecretMask.of(List.of(SecretValue.of("KS-LEAKME")));
        FileSet in =
                new FileSet().add("x.yaml", "a: KS-LEAKME\n").add("x.properties", "a: KS-LEAKME\n");
        FileSet out = m.maskFiles(in).files();
        assertEquals("a: '****'\n", out.text("x.yaml"));
        assertEquals("a: ****\n", out.text("x.properties"));
    }
}
