package io.kubelift.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * kubelift's version as the build stamped it into the model jar (for provenance annotations on
 * generated objects).
 */
public final class ToolVersion {
    private static final String VERSION = load();

    private ToolVersion() {}

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in =
                ToolVersion.class.getResourceAsStream("kubelift-version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
