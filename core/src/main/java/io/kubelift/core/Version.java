package io.kubelift.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** kubelift's version, from the build (resource filtered by Maven). */
public final class Version {
    private Version() {}

    public static String get() {
        try (InputStream in =
                Version.class.getResourceAsStream("/io/kubelift/core/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
