package io.kubelift.model;

import java.util.Locale;
import java.util.regex.Pattern;

/** Kubernetes naming rules and a sanitiser that turns arbitrary text into a valid name. */
public final class Names {
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Names() {
    }

    public static boolean isDnsLabel(String s) {
        return s != null && DNS_LABEL.matcher(s).matches();
    }

    public static boolean isEnvName(String s) {
        return s != null && ENV_NAME.matcher(s).matches();
    }

    /**
     * A name the user chose (a plan's name), checked rather than silently changed: a usage error naming the rule and
     * the nearest valid name.
     */
    public static String requireDnsLabel(String name, String what) {
        if (!isDnsLabel(name)) {
            throw KubeliftException.usage(what + " '" + name + "' is not a valid Kubernetes name (lower-case letters, "
                    + "digits and '-', at most 63, starting and ending with a letter or digit)", "try '" + dnsLabel(name) + "'");
        }
        return name;
    }

    /** {@code "Resource Manager_01"} → {@code "resource-manager-01"}; never empty, at most {@code max} chars. */
    public static String dnsLabel(String text, int max) {
        String s = text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        s = s.replaceAll("^-+|-+$", "");
        if (s.length() > max) {
            s = s.substring(0, max).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "app" : s;
    }

    public static String dnsLabel(String text) {
        return dnsLabel(text, 63);
    }

    /** {@code "ssl.server.keystore.password"} → {@code "SSL_SERVER_KEYSTORE_PASSWORD"}. */
    public static String envName(String text) {
        String s = (text == null ? "" : text).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
        s = s.replaceAll("^_+|_+$", "");
        if (s.isEmpty()) {
            return "VALUE";
        }
        return Character.isDigit(s.charAt(0)) ? "_" + s : s;
    }
}
