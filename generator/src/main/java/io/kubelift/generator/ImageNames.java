package io.kubelift.generator;

import io.kubelift.model.Component;
import io.kubelift.model.MigrationPlan;
import io.kubelift.model.PlanCodec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Image references. A component's image comes from {@link GenerateOptions#images()} (written by
 * {@code kubelift build}, by digest). Without one, the default is {@code <plan-name>-<component>:<tag>} where
 * the tag is the first 12 hex digits of the SHA-256 of the plan's YAML: deterministic, changes whenever the plan
 * changes, and never {@code latest}.
 */
public final class ImageNames {
    private ImageNames() {
    }

    public static String imageFor(MigrationPlan plan, Component component, GenerateOptions options) {
        String given = options.images().get(component.name());
        return given != null && !given.isBlank() ? given : defaultImage(plan, component);
    }

    public static String defaultImage(MigrationPlan plan, Component component) {
        return plan.metadata().name() + "-" + component.name() + ":" + planTag(plan);
    }

    static String planTag(MigrationPlan plan) {
        return sha256(PlanCodec.toYaml(plan)).substring(0, 12);
    }

    public static String sha256(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
