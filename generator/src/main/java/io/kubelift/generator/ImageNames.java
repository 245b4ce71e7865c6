package io.kubelift.generator;

import io.kubelift.model.Component;
import io.kubelift.model.MigrationPlan;
import io.kubelift.model.PlanCodec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Image references. A component's image comes from {@link GenerateOptions#images()} (written by
 * {@code kubelift build}, by digest). Without one, the default is {@code
 * <plan-name>-<component>:<tag>} where the tag is the first 12 hex digits of the SHA-256 of the
 * plan's YAML: deterministic, changes whenever the plan changes, and never {@code latest}.
 */
public final class ImageNames {
    private ImageNames() {}

    /**
     * Every component's image, in plan order; the plan is hashed (for the default tag) at most
     * once.
     */
    public static Map<String, String> imagesFor(MigrationPlan plan, GenerateOptions options) {
        Map<String, String> images = new LinkedHashMap<>();
        String tag = null;
        for (Component c : plan.spec().components()) {
            String given = options.images().get(c.name());
            if (given == null || given.isBlank()) {
                var d = options.org();
                if (tag == null) {
                    tag =
                            io.kubelift.generator.defaults.OrgDefaults.TAG_FIXED.equals(
                                            d.tagPolicy())
                                    ? d.tag()
                                    : planTag(plan);
                }
                given =
                        (d.registry() != null ? d.registry() + "/" : "")
                                + plan.metadata().name()
                                + "-"
                                + c.name()
                                + ":"
                                + tag;
            }
            images.put(c.name(), given);
        }
        return images;
    }

    public static String planTag(MigrationPlan plan) {
        return sha256(PlanCodec.toYaml(plan)).substring(0, 12);
    }

    public static String sha256(String text) {
        try {
            byte[] d =
                    MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
