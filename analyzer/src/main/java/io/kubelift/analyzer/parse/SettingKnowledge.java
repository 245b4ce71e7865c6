package io.kubelift.analyzer.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What config settings mean, read from the data file {@code settings.knowledge} next to this class:
 * which settings are listen addresses, which name remote services, which sections are templates,
 * which keys and server properties are directories. The vocabulary of products lives in that file;
 * this class only matches keys against it.
 */
final class SettingKnowledge {
    /** A directory a server property stands for, relative to the referencing file's directory. */
    public record DirProperty(String name, DirRules.Use use, String relative, String purpose) {}

    record DirKey(Pattern pattern, DirRules.Use use, String purpose) {}

    private final List<Pattern> listeners = new ArrayList<>();
    private final List<Pattern> localListeners = new ArrayList<>();
    private final List<Pattern> clients = new ArrayList<>();
    private final List<Pattern> templates = new ArrayList<>();
    private final List<DirKey> dirs = new ArrayList<>();
    private final List<DirProperty> dirProperties = new ArrayList<>();

    private static final SettingKnowledge DEFAULT = load("settings.knowledge");

    public static SettingKnowledge get() {
        return DEFAULT;
    }

    static SettingKnowledge load(String resource) {
        try (InputStream in = SettingKnowledge.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    /**
     * Parses the rule text; a malformed rule is a bug in the shipped data, reported with its line.
     */
    static SettingKnowledge parse(String text, String name) {
        SettingKnowledge k = new SettingKnowledge();
        int lineNo = 0;
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                int hash = line.indexOf(" #");
                String l =
                        (line.startsWith("#") ? "" : hash >= 0 ? line.substring(0, hash) : line)
                                .trim();
                if (l.isEmpty()) {
                    continue;
                }
                String[] w = l.split("\\s+", 5);
                switch (w[0]) {
                    case "listener" -> k.listeners.add(suffix(w[1]));
                    case "local-listener" -> k.localListeners.add(suffix(w[1]));
                    case "client", "others" -> k.clients.add(suffix(w[1]));
                    case "template" ->
                            k.templates.add(Pattern.compile("(?i)(^|.*/)" + w[1] + "(/.*|@.*|$)"));
                    case "dir" ->
                            k.dirs.add(
                                    new DirKey(
                                            suffix(w[2]),
                                            use(w[1]),
                                            w.length > 3 ? l.split("\\s+", 4)[3] : w[1]));
                    case "dir-property" ->
                            k.dirProperties.add(
                                    new DirProperty(
                                            w[1], use(w[2]), w[3], w.length > 4 ? w[4] : w[1]));
                    default -> throw new IllegalArgumentException("unknown rule " + w[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(name + ":" + lineNo + ": " + e.getMessage(), e);
        }
        return k;
    }

    private static Pattern suffix(String regex) throws PatternSyntaxException {
        return Pattern.compile("(?i)(^|.*[/.@_-])" + regex);
    }

    private static DirRules.Use use(String s) {
        return DirRules.Use.valueOf(s.toUpperCase(Locale.ROOT));
    }

    private static boolean any(List<Pattern> ps, String key) {
        for (Pattern p : ps) {
            if (p.matcher(key).matches()) {
                return true;
            }
        }
        return false;
    }

    public boolean listener(String key) {
        return any(listeners, key);
    }

    public boolean localListener(String key) {
        return any(localListeners, key);
    }

    public boolean client(String key) {
        return any(clients, key);
    }

    public boolean template(String key) {
        return any(templates, key);
    }

    public Optional<DirRules.DirUse> dir(String key) {
        for (DirKey d : dirs) {
            if (d.pattern().matcher(key).matches()) {
                return Optional.of(new DirRules.DirUse(d.use(), d.purpose()));
            }
        }
        return Optional.empty();
    }

    public List<DirProperty> dirProperties() {
        return dirProperties;
    }
}
