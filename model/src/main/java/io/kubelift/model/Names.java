package io.kubelift.model;

import java.util.Locale;
import java.util.regex.Pattern;

/** Kubernetes naming rules and a sanitiser that turns arbitrary text into a valid name. */
public final class Names {
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Names() {}

    public static boolean isDnsLabel(String s) {
        return s != null && DNS_LABEL.matcher(s).matches();
    }

    /**
     * Variables whose value changes what runs or how (the loader, the shell, the JVM): never set
     * from a plan.
     */
    private static final java.util.Set<String> EXECUTION_ENV =
            java.util.Set.of(
                    "PATH",
                    "LD_PRELOAD",
                    "LD_LIBRARY_PATH",
                    "LD_AUDIT",
                    "BASH_ENV",
                    "ENV",
                    "IFS",
                    "SHELLOPTS",
                    "PS4");

    /**
     * Also never a secret's variable: the start script and the JVM read these, so a Secret key must
     * not replace them.
     */
    private static final java.util.Set<String> NOT_SECRET_ENV =
            java.util.Set.of(
                    "HOME",
                    "SHELL",
                    "JAVA_HOME",
                    "JAVA_TOOL_OPTIONS",
                    "_JAVA_OPTIONS",
                    "JDK_JAVA_OPTIONS",
                    "JAVA_OPTS",
                    "CLASSPATH",
                    "APP_HOME",
                    "HOSTNAME");

    /**
     * A variable a plan may not set at all ({@code PATH}, {@code LD_PRELOAD}, …): null when
     * allowed, else why.
     */
    public static String forbiddenEnv(String name) {
        return name != null && EXECUTION_ENV.contains(name)
                ? "it controls what the container executes"
                : null;
    }

    /** A variable a secret may not be delivered in: null when allowed, else why. */
    public static String forbiddenSecretEnv(String name) {
        if (name == null) {
            return null;
        }
        if (EXECUTION_ENV.contains(name) || NOT_SECRET_ENV.contains(name)) {
            return "the container's shell, loader or JVM reads it";
        }
        return name.startsWith("KUBELIFT_")
                ? "KUBELIFT_ variables belong to the generated start script"
                : null;
    }

    public static boolean isEnvName(String s) {
        return s != null && ENV_NAME.matcher(s).matches();
    }

    /**
     * A name the user chose (a plan's name), checked rather than silently changed: a usage error
     * naming the rule and the nearest valid name.
     */
    public static String requireDnsLabel(String name, String what) {
        if (!isDnsLabel(name)) {
            throw KubeliftException.usage(
                    what
                            + " '"
                            + name
                            + "' is not a valid Kubernetes name (lower-case letters, "
                            + "digits and '-', at most 63, starting and ending with a letter or digit)",
                    "try '" + dnsLabel(name) + "'");
        }
        return name;
    }

    /**
     * {@code "Resource Manager_01"} → {@code "resource-manager-01"}; never empty, at most {@code
     * max} chars.
     */
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
        String s =
                (text == null ? "" : text).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
        s = s.replaceAll("^_+|_+$", "");
        if (s.isEmpty()) {
            return "VALUE";
        }
        return Character.isDigit(s.charAt(0)) ? "_" + s : s;
    }
}
