package io.kubelift.analyzer.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credential tables: files of {@code user<sep>hash[<sep>groups]} lines whose entries carry a
 * password hash in a recognised scheme — a GlassFish/Payara file realm ({@code
 * admin;{SSHA256}…;asadmin}), an {@code htpasswd} ({@code alice:$apr1$…}, {@code $2y$…}), a Jetty
 * or LDAP-style password ({@code OBF:…}, {@code MD5:…}, {@code {SSHA}…}), a crypt(3) table ({@code
 * $5$…}, {@code $6$…}). Known by their content, whatever their name (most have none): a file where
 * at least half the entries carry such a hash. Each hash is a secret named by the entry's user
 * (kind {@code password-hash}). A hash is not the password, but it is what an attacker cracks
 * offline, so it is kept out of ConfigMaps and images like any credential. {@code .properties}
 * users files are read by the properties parser.
 */
final class CredentialTables implements FileParser {
    /** A password hash in a named scheme. */
    static final Pattern HASH =
            Pattern.compile(
                    "(\\{(?i:s?sha(?:-?1|224|256|384|512)?|s?md5|crypt|bcrypt|pbkdf2[\\w-]*|argon2\\w*|scrypt)\\}"
                            + "[A-Za-z0-9+/=.$:_-]{8,}"
                            + "|\\$(?:2[abxy]?|1|5|6|y|apr1|argon2(?:id|i|d)|pbkdf2[\\w-]*|scrypt)\\$[A-Za-z0-9./$=,+-]{8,}"
                            + "|(?:OBF|MD5|CRYPT):[A-Za-z0-9./$]{8,})");

    /** The user: the first field of the entry. */
    private static final Pattern USER = Pattern.compile("^\\s*([^\\s;:=,#]+)\\s*[;:=,\\s]");

    private static final java.util.Set<String> EXTENSIONS =
            java.util.Set.of(
                    "txt",
                    "passwd",
                    "htpasswd",
                    "htdigest",
                    "digest",
                    "pwd",
                    "users",
                    "keyfile",
                    "shadow",
                    "credentials",
                    "realm");

    @Override
    public String id() {
        return "credential-table";
    }

    @Override
    public String configFormat() {
        return "credentials";
    }

    @Override
    public boolean accepts(SourceFile f) {
        String n = f.lowerName();
        int dot = n.lastIndexOf('.');
        if (dot > 0 && !EXTENSIONS.contains(n.substring(dot + 1))) {
            return false;
        }
        int entries = 0;
        int hashed = 0;
        for (String l : f.lines()) {
            String s = l.strip();
            if (s.isEmpty() || s.startsWith("#") || s.startsWith("//")) {
                continue;
            }
            entries++;
            if (USER.matcher(s).find() && HASH.matcher(s).find()) {
                hashed++;
            }
            if (entries > 10_000) {
                return false; // not a table a person keeps by hand
            }
        }
        return hashed > 0 && hashed * 2 >= entries;
    }

    @Override
    public void parse(SourceFile f, ParseContext ctx) {
        for (int i = 1; i <= f.lines().size(); i++) {
            String s = f.line(i).strip();
            if (s.startsWith("#") || s.startsWith("//")) {
                continue;
            }
            Matcher u = USER.matcher(s);
            Matcher h = HASH.matcher(s);
            if (!u.find() || !h.find() || h.start() < u.end(1)) {
                continue;
            }
            ctx.sink()
                    .secret(
                            u.group(1),
                            "password-hash",
                            h.group(1),
                            ctx.ev(f, i),
                            ParseContext.attrs("format", "credentials"));
        }
    }
}
