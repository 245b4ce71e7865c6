package io.kubelift.analyzer.parse;

import io.kubelift.model.Problem;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sensitive settings written in comments: {@code #db-password=password} in a properties, {@code
 * .conf}, {@code .cfg}, INI, {@code .env} or YAML file, {@code <!-- <password>x</password> -->} or
 * {@code <!-- <connection password="x"/> -->} in XML. The app does not read them, but a reader of
 * the file sees a credential (a shipped template names the setting a real install fills in; an old
 * password is left behind), so each one is a secret marked {@code commented}: its value is masked
 * wherever the file goes (plan, ConfigMap, reports) and a note says where it is. A value that is
 * prose ({@code # password: the password of the admin user}), a placeholder or a switch is not a
 * credential; a setting also set for real in the same file keeps its own name, and the comment's
 * value is carried under {@code key#line}.
 */
final class CommentedSecrets implements FileParser {
    /** {@code # key = value}, {@code ; key: value}, {@code // key=value}, {@code #export K=v}. */
    private static final Pattern LINE_COMMENT =
            Pattern.compile(
                    "^\\s*(?:#+|!|;+|//)\\s*(?:export\\s+)?[\"']?([A-Za-z_][\\w.\\-]*)[\"']?\\s*[=:]\\s*(\"[^\"\\s]+\"|'[^'\\s]+'|[^\\s\"']+)\\s*,?\\s*$");

    /** An INI section, whose name prefixes its keys as the INI parser reports them. */
    private static final Pattern SECTION = Pattern.compile("^\\s*\\[([^\\]]+)\\]\\s*$");

    private static final Pattern XML_COMMENT = Pattern.compile("(?s)<!--(.*?)-->");

    /** An element with a text value inside a comment: {@code <password>x</password>}. */
    private static final Pattern XML_ELEMENT =
            Pattern.compile("<([A-Za-z_][\\w.\\-]*)(?:\\s[^>]*)?>([^<\\s]{1,512})</\\1\\s*>");

    /** A start tag inside a comment, with its attributes. */
    private static final Pattern XML_TAG =
            Pattern.compile("<([A-Za-z_][\\w.\\-:]*)(\\s[^<>]*?)/?>");

    private static final Pattern XML_ATTRIBUTE =
            Pattern.compile("([A-Za-z_][\\w.\\-]*)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");

    @Override
    public String id() {
        return "commented-secrets";
    }

    @Override
    public boolean accepts(SourceFile f) {
        String n = f.lowerName();
        return n.endsWith(".properties")
                || n.endsWith(".conf")
                || n.endsWith(".cfg")
                || n.endsWith(".ini")
                || n.endsWith(".yaml")
                || n.endsWith(".yml")
                || n.endsWith(".env")
                || n.startsWith(".env")
                || n.endsWith(".xml");
    }

    @Override
    public void parse(SourceFile f, ParseContext ctx) {
        if (f.lowerName().endsWith(".xml")) {
            xml(f, ctx);
            return;
        }
        if (PropertiesParser.isUsersFile(f)) {
            return; // a commented user line (#admin=…) names a user, not a setting: see the users
            // file rules
        }
        boolean ini = f.lowerName().endsWith(".ini") || f.lowerName().endsWith(".cfg");
        String section = null;
        for (int i = 1; i <= f.lines().size(); i++) {
            Matcher s = SECTION.matcher(f.line(i));
            if (ini && s.matches()) {
                section = s.group(1).trim();
                continue;
            }
            Matcher m = LINE_COMMENT.matcher(f.line(i));
            if (m.matches()) {
                String key = section == null ? m.group(1) : section + "." + m.group(1);
                found(f, ctx, key, unquote(m.group(2)), i);
            }
        }
    }

    private static void xml(SourceFile f, ParseContext ctx) {
        String text = String.join("\n", f.lines());
        Matcher c = XML_COMMENT.matcher(text);
        while (c.find()) {
            String body = c.group(1);
            int base = c.start(1);
            Matcher e = XML_ELEMENT.matcher(body);
            while (e.find()) {
                found(f, ctx, e.group(1), e.group(2), lineOf(text, base + e.start()));
            }
            Matcher t = XML_TAG.matcher(body);
            while (t.find()) {
                Matcher a = XML_ATTRIBUTE.matcher(t.group(2));
                while (a.find()) {
                    String value = a.group(2) != null ? a.group(2) : a.group(3);
                    String key = t.group(1) + "@" + a.group(1);
                    int line = lineOf(text, base + t.start(2) + a.start());
                    // the attribute is the secret by its own name (password="x") or as the value
                    // of a sensitive element (<credential-reference clear-text="x"/>)
                    found(f, ctx, key, value, line);
                }
            }
        }
    }

    private static void found(SourceFile f, ParseContext ctx, String key, String value, int line) {
        Optional<String> kind = SecretRules.keyKind(key, value);
        if (kind.isEmpty()
                || kind.get().equals("username")
                || kind.get().equals("key-file")
                || prose(value)) {
            return;
        }
        String secret = SecretRules.literalPart(value);
        if (secret == null || secret.isBlank()) {
            return;
        }
        String name = liveInFile(f, ctx, key) ? key + "#" + line : key;
        ctx.sink()
                .secret(
                        name,
                        kind.get(),
                        secret,
                        ctx.ev(f, line),
                        ParseContext.attrs("format", "comment", "commented", "true"));
        ctx.problem(
                Problem.Kind.NOTE,
                f,
                line,
                key
                        + ": a credential in a comment — the app does not read it, but anyone who"
                        + " reads the file does; its value is masked wherever the file goes (delete it"
                        + " from the file, or set the real value in the Secret)");
    }

    /** The setting is also set for real in this file (by an earlier parser of the same file). */
    private static boolean liveInFile(SourceFile f, ParseContext ctx, String key) {
        String k = key.replaceAll(".*@", "");
        return ctx.sink().entries().stream()
                .anyMatch(
                        e ->
                                e.file().equals(f.path())
                                        && (e.key().equals(key)
                                                || e.key().endsWith("." + k)
                                                || e.key().endsWith("/" + k)
                                                || e.key().endsWith("@" + k)
                                                || e.key().equals(k)));
    }

    /** Words of a sentence, an ellipsis or a description, not a value. */
    private static boolean prose(String v) {
        return v.endsWith(".")
                || v.endsWith("...")
                || v.matches(
                        "(?i)(the|a|an|your|set|see|default|here|none|null|empty|xxx+|\\.\\.\\.)");
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String unquote(String v) {
        return v.length() >= 2
                        && (v.startsWith("\"") && v.endsWith("\"")
                                || v.startsWith("'") && v.endsWith("'"))
                ? v.substring(1, v.length() - 1)
                : v;
    }
}
