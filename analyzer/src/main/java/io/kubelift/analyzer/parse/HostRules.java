package io.kubelift.analyzer.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds literal host names and IPs in values: URL authorities, {@code host:port} pairs and bare
 * names under host-like keys. Java class names, file names and wildcard addresses (0.0.0.0) are not
 * hosts.
 */
public final class HostRules {
    /** A host reference: the host text, its port (or -1), and the offset in the value. */
    public record HostRef(String host, int port) {}

    private static final String LABEL = "[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?";
    private static final String NAME = "(?:" + LABEL + ")(?:\\." + LABEL + ")*";
    private static final String IPV4 = "(?:\\d{1,3}\\.){3}\\d{1,3}";
    private static final Pattern URL =
            Pattern.compile(
                    "[a-zA-Z][a-zA-Z0-9+.-]*://(?:[^@/\\s]*@)?(\\[[0-9a-fA-F:]+\\]|"
                            + IPV4
                            + "|"
                            + NAME
                            + ")?(?::(\\d{1,5}))?");
    private static final Pattern HOST_PORT =
            Pattern.compile("(?<![\\w./$-])(" + IPV4 + "|" + NAME + "):(\\d{1,5})(?![\\w.])");
    private static final Pattern BARE = Pattern.compile("^(" + IPV4 + "|" + NAME + ")$");
    private static final Pattern HOST_KEY =
            Pattern.compile(
                    "(?i).*(host|hostname|server|servers|address|addr|url|uri|connect|endpoint|quorum|bootstrap|brokers?|peers?|master|nodes|hosts|ensemble)$");
    private static final Set<String> FILE_EXT =
            Set.of(
                    "jks",
                    "xml",
                    "properties",
                    "log",
                    "jar",
                    "sh",
                    "conf",
                    "cfg",
                    "txt",
                    "yml",
                    "yaml",
                    "json",
                    "pid",
                    "out",
                    "war",
                    "gz",
                    "html",
                    "keytab",
                    "pem",
                    "crt",
                    "key",
                    "p12",
                    "class",
                    "java",
                    "sql",
                    "py");
    private static final Pattern IPV4_ONLY = Pattern.compile(IPV4);
    private static final Pattern WORD_WITH_DIGIT = Pattern.compile("[a-z][a-z0-9-]*\\d[a-z0-9-]*");
    private static final Pattern TLD = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern JAVA_PACKAGE =
            Pattern.compile("(java|javax|sun|jdk|org\\.apache|com\\.sun)\\..*");
    private static final Set<String> WILDCARD = Set.of("0.0.0.0", "::", "*");

    private HostRules() {}

    public static List<HostRef> find(String key, String value) {
        List<HostRef> out = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return out;
        }
        // cheap tests first: most values (numbers, paths, flags) have no scheme and no colon
        boolean hasUrl = value.contains("://");
        boolean hasColon = value.indexOf(':') >= 0;
        Matcher u = URL.matcher(value);
        List<int[]> taken = new ArrayList<>();
        while (hasUrl && u.find()) {
            taken.add(new int[] {u.start(), u.end()});
            if (u.group(1) != null && isHost(u.group(1))) {
                out.add(new HostRef(u.group(1), u.group(2) == null ? -1 : port(u.group(2))));
            }
        }
        Matcher hp = HOST_PORT.matcher(value);
        while (hasColon && hp.find()) {
            int s = hp.start();
            if (taken.stream().anyMatch(r -> s >= r[0] && s < r[1])) {
                continue;
            }
            if (isHost(hp.group(1)) && port(hp.group(2)) > 0) {
                out.add(new HostRef(hp.group(1), port(hp.group(2))));
            }
        }
        if (out.isEmpty() && key != null && HOST_KEY.matcher(key).matches()) {
            for (String part : value.split("[,\\s]+")) {
                if (BARE.matcher(part).matches()
                        && isHost(part)
                        && (part.contains(".") || part.equalsIgnoreCase("localhost"))) {
                    out.add(new HostRef(part, -1));
                }
            }
        }
        return out;
    }

    public static boolean isHost(String h) {
        if (h == null || h.isEmpty() || WILDCARD.contains(h)) {
            return false;
        }
        if (IPV4_ONLY.matcher(h).matches()) {
            for (String o : h.split("\\.")) {
                if (Integer.parseInt(o) > 255) {
                    return false;
                }
            }
            return true;
        }
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.contains(".") && !WORD_WITH_DIGIT.matcher(h).matches()) {
            return false; // single words are too ambiguous, except names with digits like zk1 or
            // rm01
        }
        if (!h.equals(h.toLowerCase(Locale.ROOT))) {
            return false; // Java class names
        }
        String last = h.substring(h.lastIndexOf('.') + 1);
        if (h.contains(".") && (FILE_EXT.contains(last) || !TLD.matcher(last).matches())) {
            return false;
        }
        return !JAVA_PACKAGE.matcher(h).matches();
    }

    private static int port(String s) {
        try {
            int p = Integer.parseInt(s);
            return p >= 1 && p <= 65535 ? p : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public static boolean isLoopback(String host) {
        return host.equalsIgnoreCase("localhost") || host.startsWith("127.");
    }
}
