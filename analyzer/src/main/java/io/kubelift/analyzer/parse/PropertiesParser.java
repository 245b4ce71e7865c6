package io.kubelift.analyzer.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Java {@code .properties} files (and {@code .cfg} files in key=value form such as ZooKeeper's
 * zoo.cfg), keeping the line each key starts on. Continuation lines, {@code =}/{@code :}/blank
 * separators and {@code #}/{@code !} comments are handled as {@link java.util.Properties} does.
 */
final class PropertiesParser implements FileParser {
    @Override
    public String id() {
        return "properties";
    }

    @Override
    public String configFormat() {
        return "properties";
    }

    @Override
    public boolean accepts(SourceFile f) {
        String n = f.lowerName();
        return n.endsWith(".properties")
                || n.endsWith(".cfg") && !IniParser.hasSections(f)
                || n.endsWith(".conf") && keyValueOnly(f);
    }

    private static final java.util.regex.Pattern KEY_VALUE =
            java.util.regex.Pattern.compile("^\\s*([#!].*|[A-Za-z0-9_.\\-]+\\s*=.*|)$");

    /**
     * A {@code .conf} file written as {@code key=value} lines only (Keycloak's keycloak.conf, many
     * daemons' own settings), not an nginx/Apache/HOCON/JAAS file: every line is a comment, blank
     * or {@code key=value}, and at least one is a setting (commented out or not).
     */
    static boolean keyValueOnly(SourceFile f) {
        boolean any = false;
        for (String l : f.lines()) {
            if (!KEY_VALUE.matcher(l).matches()) {
                return false;
            }
            // a setting, live or commented out: a shipped template whose every setting is a
            // comment (Keycloak's keycloak.conf) is still a key=value file
            any |= SETTING.matcher(l).matches();
        }
        return any;
    }

    /** {@code key=value} or {@code #key=value}. */
    private static final java.util.regex.Pattern SETTING =
            java.util.regex.Pattern.compile("^\\s*[#!]?\\s*[A-Za-z0-9_.\\-]+\\s*=.*$");

    /**
     * A users file of a properties login module or realm ({@code users.properties}, Artemis' {@code
     * artemis-users.properties}, WildFly's {@code mgmt-users.properties}), known by its name: each
     * key is a user, each value that user's password or hash. Roles and groups files ({@code
     * *-roles.properties}) hold no credential and are not matched.
     */
    private static final java.util.regex.Pattern USERS_FILE =
            java.util.regex.Pattern.compile("(?i)(.*[-_.])?users?\\.properties");

    static boolean isUsersFile(SourceFile f) {
        String name = f.path().substring(f.path().lastIndexOf('/') + 1);
        return USERS_FILE.matcher(name).matches();
    }

    @Override
    public void parse(SourceFile f, ParseContext ctx) {
        boolean users = isUsersFile(f);
        for (ConfigEntry e : read(f, "properties")) {
            if (users) {
                ctx.userCredential(f, e);
            } else {
                ctx.config(f, e);
            }
        }
        LogConfigRules.fromProperties(f, ctx);
    }

    public static List<ConfigEntry> read(SourceFile f, String format) {
        List<ConfigEntry> out = new ArrayList<>();
        List<String> lines = f.lines();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).stripLeading();
            int start = i + 1;
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            StringBuilder logical = new StringBuilder();
            String cur = line;
            while (endsWithContinuation(cur) && i + 1 < lines.size()) {
                logical.append(cur, 0, cur.length() - 1);
                cur = lines.get(++i).stripLeading();
            }
            logical.append(cur);
            String s = logical.toString();
            int sep = -1;
            for (int j = 0; j < s.length(); j++) {
                char c = s.charAt(j);
                if (c == '\\') {
                    j++;
                    continue;
                }
                if (c == '=' || c == ':' || Character.isWhitespace(c)) {
                    sep = j;
                    break;
                }
            }
            String key = sep < 0 ? s : s.substring(0, sep);
            String value = "";
            if (sep >= 0) {
                int v = sep;
                while (v < s.length() && Character.isWhitespace(s.charAt(v))) {
                    v++;
                }
                if (v < s.length() && (s.charAt(v) == '=' || s.charAt(v) == ':')) {
                    v++;
                }
                value = s.substring(Math.min(v, s.length())).strip();
            }
            out.add(new ConfigEntry(f.path(), format, unescape(key), unescape(value), start));
        }
        return out;
    }

    private static boolean endsWithContinuation(String s) {
        int n = 0;
        for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(
                        switch (n) {
                            case 't' -> '\t';
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            default -> n;
                        });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
