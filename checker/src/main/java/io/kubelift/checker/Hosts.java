package io.kubelift.checker;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Classifies host names: loopback, wildcard (bind to all interfaces), placeholders, and
 * documentation hosts.
 */
public final class Hosts {
    private static final Set<String> LOOPBACK =
            Set.of(
                    "localhost",
                    "localhost.localdomain",
                    "ip6-localhost",
                    "::1",
                    "[::1]",
                    "0:0:0:0:0:0:0:1");
    private static final Set<String> WILDCARD =
            Set.of("0.0.0.0", "::", "[::]", "*", "0:0:0:0:0:0:0:0", "");

    /**
     * XML namespace and schema hosts that appear in every config file and are never connected to.
     */
    private static final Set<String> DOCUMENTATION =
            Set.of(
                    "www.w3.org",
                    "w3.org",
                    "java.sun.com",
                    "xmlns.jcp.org",
                    "jakarta.ee",
                    "www.springframework.org",
                    "maven.apache.org",
                    "logging.apache.org",
                    "jakarta.apache.org",
                    "www.apache.org",
                    "example.com",
                    "www.example.com",
                    "example.org",
                    "schemas.xmlsoap.org");

    private static final Pattern URL_TO_LOOPBACK =
            Pattern.compile(
                    "(?i)([a-z][a-z0-9+.-]*:)?[a-z][a-z0-9+.-]*://(?:[^/@\\s]*@)?(localhost|127\\.[0-9.]+|\\[::1])([:/\\s\"'<]|$)");

    private Hosts() {}

    public static boolean isLoopback(String host) {
        String h = norm(host);
        return LOOPBACK.contains(h) || h.startsWith("127.");
    }

    public static boolean isWildcard(String host) {
        return WILDCARD.contains(norm(host));
    }

    public static boolean isPlaceholder(String host) {
        String h = norm(host);
        return h.contains("${")
                || h.startsWith("$")
                || h.contains("{{")
                || h.startsWith("%")
                || h.startsWith("<")
                || h.startsWith("@");
    }

    public static boolean isDocumentation(String host) {
        String h = norm(host);
        return DOCUMENTATION.contains(h) || h.endsWith(".example.com") || h.endsWith(".example");
    }

    /**
     * True when {@code text} holds a URL (any scheme, including {@code jdbc:x://}) to a loopback
     * host.
     */
    public static boolean hasUrlToLoopback(String text) {
        return text != null && URL_TO_LOOPBACK.matcher(text).find();
    }

    private static String norm(String host) {
        return host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
    }
}
