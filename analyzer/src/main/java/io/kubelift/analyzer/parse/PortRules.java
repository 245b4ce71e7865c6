package io.kubelift.analyzer.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds ports a process listens on from config settings: {@code *port} keys with a number (also XML
 * attributes, {@code socket-binding[http]@port}), and listen/bind/address keys with {@code
 * host:port} or {@code scheme://host:port} values ({@code
 * <acceptor>tcp://0.0.0.0:61616</acceptor>}). Placeholders resolve to their defaults first ({@code
 * ${jboss.http.port:8080}} → 8080). Keys under client-side prefixes (datasource, redis, mail,
 * zookeeper connect strings…) name remote services, not listeners; which vocabulary words are
 * listeners, clients or templates is data ({@link SettingKnowledge}).
 */
public final class PortRules {
    private static final Pattern PORT_KEY = Pattern.compile("(?i).*(^|[-_.@/]|[a-z])port$");

    /** Words that end in "port" without being one. */
    private static final Pattern NOT_PORT =
            Pattern.compile("(?i)(.*[-_.@/])?(trans|sup|re|im|ex|pass|air|sea)port$");

    /**
     * "connect" as a client word, but not "connector" (Tomcat's Connector, GlassFish's
     * jmx-connector listen).
     */
    private static final Pattern CLIENT_KEY =
            Pattern.compile(
                    "(?i).*(datasource|jdbc|redis|mail|smtp|mongo|ldap|database|db\\.|kafka\\.bootstrap|zookeeper\\.connect|connect(?!or)|remote|proxy|upstream|target|advertised|shutdown).*");

    /** Hosts that mean "listen here": wildcard and loopback addresses. */
    private static final Pattern LOCAL_HOST =
            Pattern.compile(
                    "(?i)(|0\\.0\\.0\\.0|\\*|::|\\[::]|\\[::0]|localhost|127\\.0\\.0\\.1|\\[::1]|::1)");

    private static final Pattern URL_HOST_PORT =
            Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://(\\[[^]]*]|[^/\\s,:?;]*):(\\d{1,5})");
    private static final Pattern URL_PORT =
            Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[^/\\s,:]*:(\\d{1,5})");
    private static final Pattern HOST_PORT =
            Pattern.compile("(?:^|[\\s,])[^\\s,:/]*:(\\d{1,5})(?:$|[\\s,])");

    /**
     * ZooKeeper-style ensemble lines: {@code
     * server.N=host:quorumPort:electionPort[:role][;clientPort]}.
     */
    private static final Pattern ENSEMBLE_KEY = Pattern.compile("server\\.\\d+");

    private static final Pattern ENSEMBLE_VALUE =
            Pattern.compile("^[^:;\\s]+:(\\d{1,5}):(\\d{1,5})(?::\\w+)?(?:;.*)?$");

    private PortRules() {}

    /**
     * The peer ports an ensemble member listens on, by name ({@code quorum}, {@code election}):
     * every member opens them, so they are the component's ports even though the line names other
     * hosts too.
     */
    public static java.util.Map<String, Integer> quorumPorts(String key, String value) {
        java.util.Map<String, Integer> out = new java.util.LinkedHashMap<>();
        if (key == null || value == null || !ENSEMBLE_KEY.matcher(key.trim()).matches()) {
            return out;
        }
        Matcher m = ENSEMBLE_VALUE.matcher(value.trim());
        if (m.matches()) {
            out.put("quorum", Integer.parseInt(m.group(1)));
            out.put("election", Integer.parseInt(m.group(2)));
        }
        return out;
    }

    public static List<Integer> listenPorts(String key, String value) {
        List<Integer> out = new ArrayList<>();
        SettingKnowledge k = SettingKnowledge.get();
        if (key == null
                || value == null
                || CLIENT_KEY.matcher(key).matches()
                || k.client(key)
                || k.template(key)) {
            return out;
        }
        String v = Placeholders.withDefaults(value).trim();
        if (PORT_KEY.matcher(key).matches()
                && !NOT_PORT.matcher(key).matches()
                && v.matches("\\d{1,5}")) {
            add(out, v);
            return out;
        }
        if (k.localListener(key) && !k.listener(key)) {
            Matcher u = URL_HOST_PORT.matcher(v);
            while (u.find()) {
                if (LOCAL_HOST.matcher(u.group(1)).matches()) {
                    add(out, u.group(2));
                }
            }
            return out;
        }
        if (k.listener(key)) {
            Matcher u = URL_PORT.matcher(v);
            while (u.find()) {
                add(out, u.group(1));
            }
            if (out.isEmpty()) {
                Matcher h = HOST_PORT.matcher(v);
                while (h.find()) {
                    add(out, h.group(1));
                }
            }
        }
        return out;
    }

    private static void add(List<Integer> out, String s) {
        int p = Integer.parseInt(s);
        if (p >= 1 && p <= 65535 && !out.contains(p)) {
            out.add(p);
        }
    }
}
