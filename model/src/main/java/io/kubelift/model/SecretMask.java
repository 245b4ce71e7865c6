package io.kubelift.model;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one masking step every writer passes: the plan, scripts, command files, ConfigMaps, reports,
 * the console, logs and error messages. It knows every secret value found in a run and replaces
 * each occurrence, in the forms a value takes when copied around (plain, URL-encoded,
 * JSON/YAML-escaped, base64 in the standard and URL-safe alphabets), by {@value SecretValue#MASK}.
 * Only the writer of Kubernetes Secret inputs ({@code secrets/*.env}, mode 0600) is exempt.
 *
 * <p>It is a net under the analyzer and generator, which already keep values out of what they
 * write: what it still catches is counted ({@link #maskFiles} returns the files it changed) so a
 * run can say where a value would have leaked instead of hiding it. Values shorter than {@value
 * #MIN_LENGTH} characters are not masked in free text (a password {@code "a"} would blank every
 * {@code a}); they are still kept out of output by the upstream rules.
 */
public final class SecretMask {
    /** Shortest value masked in free text. */
    public static final int MIN_LENGTH = 4;

    public static final SecretMask NONE = new SecretMask(List.of(), Set.of());

    /**
     * The literal forms to replace, longest first so a value inside a longer one masks the longer
     * one whole.
     */
    private final List<String> forms;

    /**
     * Word values ({@code jetty}, {@code admin}, {@code changeit}: letters and digits only) are
     * masked only where they stand as a token of their own, not inside a name: a shipped default
     * password that is also the product's name must not turn {@code org.eclipse.jetty} or the plan
     * name {@code jetty-12} into {@code ****}.
     */
    private final Map<String, java.util.regex.Pattern> words;

    private SecretMask(List<String> forms, Set<String> wordValues) {
        this.forms = forms;
        Map<String, java.util.regex.Pattern> w = new TreeMap<>();
        for (String v : wordValues) {
            w.put(
                    v,
                    java.util.regex.Pattern.compile(
                            "(?<![A-Za-z0-9._/-])"
                                    + java.util.regex.Pattern.quote(v)
                                    + "(?![A-Za-z0-9._/-])"));
        }
        this.words = Map.copyOf(w);
    }

    private static final java.util.regex.Pattern WORD =
            java.util.regex.Pattern.compile("[A-Za-z0-9]+");

    public static SecretMask of(Collection<SecretValue> values) {
        Set<String> forms = new LinkedHashSet<>();
        Set<String> wordValues = new LinkedHashSet<>();
        for (SecretValue v : values) {
            if (v == null) {
                continue;
            }
            String plain = v.reveal().strip();
            if (plain.length() < MIN_LENGTH) {
                continue;
            }
            forms.addAll(formsOf(plain));
            if (WORD.matcher(plain).matches()) {
                wordValues.add(plain);
            }
        }
        List<String> sorted = new ArrayList<>(forms);
        sorted.sort(
                Comparator.comparingInt(String::length)
                        .reversed()
                        .thenComparing(Comparator.naturalOrder()));
        return new SecretMask(List.copyOf(sorted), wordValues);
    }

    /**
     * The mask of an app: its secret values less those that are public words of the app ({@link
     * #confidential}). Every mask of a run is built here (the files of convert and generate, the
     * leak guard, the console's {@link #remembered()}), so files and console follow one rule.
     */
    public static SecretMask of(Collection<SecretValue> values, Set<String> publicWords) {
        return of(confidential(values, publicWords));
    }

    /**
     * The values that are confidential: a value that is also one of the app's own public names (its
     * plan or a component name, a word of one of its file paths: Karaf ships {@code karaf = karaf},
     * Jetty a JDBC realm with password {@code jetty}) is a shipped default, known to anyone who has
     * the product. It still goes only to the Secret, and the report flags the literal credential,
     * but it is not masked in free text: there it would blank the product's own name ({@code name:
     * ****} is not even valid YAML).
     */
    public static List<SecretValue> confidential(
            Collection<SecretValue> values, Set<String> publicWords) {
        List<SecretValue> out = new ArrayList<>();
        for (SecretValue v : values) {
            if (v != null
                    && !publicWords.contains(
                            v.reveal().strip().toLowerCase(java.util.Locale.ROOT))) {
                out.add(v);
            }
        }
        return out;
    }

    /**
     * The public words of an app: its plan and component names, the plan's own vocabulary (secret
     * kinds, protocols, config formats, workload kinds) and every word of its file paths.
     */
    public static Set<String> publicWords(MigrationPlan plan, Collection<String> paths) {
        Set<String> words = new java.util.HashSet<>();
        if (plan != null) {
            words.add(plan.metadata().name().toLowerCase(java.util.Locale.ROOT));
            for (Component c : plan.spec().components()) {
                words.add(c.name().toLowerCase(java.util.Locale.ROOT));
                // the plan's own vocabulary: a shipped default equal to a secret's kind (Payara's
                // domain.xml has password="password"), a protocol or a format is a word every
                // plan holds as a value; masking it would blank the plan's structure (kind: ****)
                c.secrets().forEach(s -> addWord(words, s.kind()));
                c.ports().forEach(pt -> addWord(words, pt.protocol()));
                c.ports().forEach(pt -> addWord(words, pt.appProtocol()));
                c.configFiles().forEach(f -> addWord(words, f.format()));
                if (c.workload() != null) {
                    addWord(words, c.workload().name());
                }
            }
        }
        for (String p : paths) {
            for (String w : p.toLowerCase(java.util.Locale.ROOT).split("[/._\\\\-]+")) {
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
        }
        return words;
    }

    private static void addWord(Set<String> words, String w) {
        if (w != null && !w.isBlank()) {
            words.add(w.strip().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /**
     * The forms a value takes when it is copied into other text; also what leak scanners look for.
     */
    public static Set<String> formsOf(String plain) {
        Set<String> out = new LinkedHashSet<>();
        out.add(plain);
        out.add(URLEncoder.encode(plain, StandardCharsets.UTF_8));
        out.add(URLEncoder.encode(plain, StandardCharsets.UTF_8).replace("+", "%20"));
        out.add(
                plain.replace("\\", "\\\\")
                        .replace("\"", "\\\"")); // inside a JSON or double-quoted YAML string
        out.add(plain.replace("'", "''")); // inside a single-quoted YAML string
        byte[] bytes = plain.getBytes(StandardCharsets.UTF_8);
        for (Base64.Encoder enc : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
            // at each of the three alignments a value can have inside a longer encoded text, minus
            // the edge characters
            // that depend on its neighbours
            for (int shift = 0; shift < 3; shift++) {
                byte[] padded = new byte[shift + bytes.length];
                System.arraycopy(bytes, 0, padded, shift, bytes.length);
                String e = enc.withoutPadding().encodeToString(padded);
                int from = shift == 0 ? 0 : (shift * 4 + 2) / 3;
                int to = e.length() - ((shift + bytes.length) % 3 == 0 ? 0 : 1);
                if (to - from >= MIN_LENGTH + 2) {
                    out.add(e.substring(from, to));
                }
            }
            out.add(enc.encodeToString(bytes));
        }
        out.removeIf(s -> s.length() < MIN_LENGTH);
        return out;
    }

    /**
     * Every value met in this process, for the console and error messages (which are written far
     * from the analysis).
     */
    private static final Set<SecretValue> REMEMBERED =
            java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The public words of the apps met in this process (see {@link #publicWords}). */
    private static final Set<String> REMEMBERED_PUBLIC =
            java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static volatile SecretMask remembered = NONE;

    /**
     * Adds values to the process-wide mask the console and error messages pass ({@link
     * #remembered()}). Give every value found, as it is: the rule that leaves public words unmasked
     * is applied when the mask is built, with the words {@link #rememberPublic} was given, whatever
     * the order of the calls.
     */
    public static void remember(Collection<SecretValue> values) {
        boolean changed = false;
        for (SecretValue v : values) {
            changed |= v != null && v.reveal().strip().length() >= MIN_LENGTH && REMEMBERED.add(v);
        }
        if (changed) {
            rebuildRemembered();
        }
    }

    /**
     * Adds public words of an app (its names and the words of its paths, {@link #publicWords}) to
     * the process-wide mask's rule, as for the files of that app.
     */
    public static void rememberPublic(Collection<String> words) {
        if (REMEMBERED_PUBLIC.addAll(words)) {
            rebuildRemembered();
        }
    }

    private static void rebuildRemembered() {
        synchronized (REMEMBERED) {
            remembered = of(List.copyOf(REMEMBERED), Set.copyOf(REMEMBERED_PUBLIC));
        }
    }

    /**
     * Forgets the remembered values and words: a front end calls it when one command starts (tests
     * run many in one JVM).
     */
    public static void forgetRemembered() {
        synchronized (REMEMBERED) {
            REMEMBERED.clear();
            REMEMBERED_PUBLIC.clear();
            remembered = NONE;
        }
    }

    /** The mask of every value met in this process so far. */
    public static SecretMask remembered() {
        return remembered;
    }

    public boolean isEmpty() {
        return forms.isEmpty();
    }

    /** A mask knowing the values of both. */
    public SecretMask with(SecretMask other) {
        Set<String> all = new LinkedHashSet<>(forms);
        all.addAll(other.forms);
        Set<String> wordValues = new LinkedHashSet<>(words.keySet());
        wordValues.addAll(other.words.keySet());
        List<String> sorted = new ArrayList<>(all);
        sorted.sort(
                Comparator.comparingInt(String::length)
                        .reversed()
                        .thenComparing(Comparator.naturalOrder()));
        return new SecretMask(List.copyOf(sorted), wordValues);
    }

    /** {@code text} with every known value masked. */
    public String mask(String text) {
        if (text == null || forms.isEmpty()) {
            return text;
        }
        String out = text;
        for (String f : forms) {
            if (!out.contains(f)) {
                continue;
            }
            java.util.regex.Pattern word = words.get(f);
            out =
                    word == null
                            ? out.replace(f, SecretValue.MASK)
                            : word.matcher(out)
                                    .replaceAll(
                                            java.util.regex.Matcher.quoteReplacement(
                                                    SecretValue.MASK));
        }
        return out;
    }

    /**
     * {@code text}, a YAML document, with every known value masked and kept valid YAML: a plain
     * scalar that starts with the mask ({@code name: ****}, {@code - ****x}, {@code [****]}) would
     * read as an alias ({@code *…}), so each such scalar is single-quoted ({@code name: '****'}).
     * Every writer of masked text into YAML (output files, the plan, rendered YAML) goes through
     * here.
     */
    public String maskYaml(String text) {
        String masked = mask(text);
        return masked == null || masked.equals(text) ? masked : quoteMaskedScalars(masked);
    }

    /** Single-quotes each plain YAML scalar that starts with {@link SecretValue#MASK}. */
    static String quoteMaskedScalars(String yaml) {
        if (!yaml.contains(SecretValue.MASK)) {
            return yaml;
        }
        StringBuilder out = new StringBuilder(yaml.length() + 16);
        int from = 0;
        while (from <= yaml.length()) {
            int nl = yaml.indexOf('\n', from);
            int end = nl < 0 ? yaml.length() : nl;
            out.append(quoteMaskedScalarsInLine(yaml.substring(from, end)));
            if (nl < 0) {
                break;
            }
            out.append('\n');
            from = nl + 1;
        }
        return out.toString();
    }

    private static String quoteMaskedScalarsInLine(String line) {
        if (!line.contains(SecretValue.MASK)) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length() + 8);
        char quote = 0;
        int flow = 0;
        boolean scalarMayStart = true; // at the indentation, after "- ", ": ", "? ", "[", "{", ","
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == quote) {
                    quote = 0;
                }
                i++;
                continue;
            }
            if (scalarMayStart && line.startsWith(SecretValue.MASK, i)) {
                int end = plainScalarEnd(line, i, flow > 0);
                out.append('\'')
                        .append(line.substring(i, end).strip().replace("'", "''"))
                        .append('\'');
                out.append(line, i + line.substring(i, end).strip().length(), end);
                i = end;
                scalarMayStart = false;
                continue;
            }
            if (c == '#' && (i == 0 || line.charAt(i - 1) == ' ')) {
                out.append(line, i, line.length()); // a comment
                break;
            }
            out.append(c);
            if (c == '\'' || c == '"') {
                quote = scalarMayStart ? c : 0;
                scalarMayStart = false;
            } else if (c == '[' || c == '{') {
                flow++;
                scalarMayStart = true;
            } else if (c == ']' || c == '}') {
                flow = Math.max(0, flow - 1);
                scalarMayStart = false;
            } else if (c == ',' && flow > 0) {
                scalarMayStart = true;
            } else if ((c == '-' || c == ':' || c == '?')
                    && (i + 1 == line.length() || line.charAt(i + 1) == ' ')
                    && (c == ':' || scalarMayStart)) {
                scalarMayStart = true;
            } else if (c != ' ' && c != '\t') {
                scalarMayStart = false;
            }
            i++;
        }
        return out.toString();
    }

    /** Where a plain scalar starting at {@code start} ends: before ": ", " #", a flow indicator. */
    private static int plainScalarEnd(String line, int start, boolean inFlow) {
        for (int j = start; j < line.length(); j++) {
            char c = line.charAt(j);
            boolean last = j + 1 == line.length();
            if (c == ':' && (last || line.charAt(j + 1) == ' ')) {
                return j;
            }
            if (c == '#' && line.charAt(j - 1) == ' ') {
                return j;
            }
            if (inFlow && (c == ',' || c == ']' || c == '}')) {
                return j;
            }
        }
        return line.length();
    }

    /**
     * True when {@code text} holds a known value in any form (a word value only as a token of its
     * own).
     */
    public boolean leaksIn(String text) {
        return text != null
                && forms.stream()
                        .anyMatch(
                                f ->
                                        text.contains(f)
                                                && (!words.containsKey(f)
                                                        || words.get(f).matcher(text).find()));
    }

    /**
     * Masks every file of {@code files} except the Secret inputs (mode {@link
     * FileSet.Mode#PRIVATE}), in place of a copy; returns the masked set and the paths it had to
     * change (each one a leak the upstream stages missed).
     */
    public Masked maskFiles(FileSet files) {
        if (forms.isEmpty()) {
            return new Masked(files, List.of());
        }
        Map<String, FileSet.Entry> changed = new TreeMap<>();
        files.files()
                .forEach(
                        (path, e) -> {
                            if (e.mode() == FileSet.Mode.PRIVATE || !isText(e.content())) {
                                return;
                            }
                            String text = e.text();
                            String masked = isYaml(path) ? maskYaml(text) : mask(text);
                            if (!masked.equals(text)) {
                                changed.put(
                                        path,
                                        new FileSet.Entry(
                                                masked.getBytes(StandardCharsets.UTF_8), e.mode()));
                            }
                        });
        List<String> notes = files.notes().stream().map(this::mask).toList();
        if (changed.isEmpty() && notes.equals(files.notes())) {
            return new Masked(files, List.of());
        }
        FileSet out = new FileSet();
        notes.forEach(out::note);
        files.files()
                .forEach(
                        (path, e) -> {
                            FileSet.Entry c = changed.getOrDefault(path, e);
                            out.add(path, c.content(), c.mode());
                        });
        return new Masked(out, List.copyOf(changed.keySet()));
    }

    /**
     * The result of {@link #maskFiles}: the files to write, and the paths in which a value was
     * masked.
     */
    public record Masked(FileSet files, List<String> maskedPaths) {}

    private static boolean isYaml(String path) {
        String p = path.toLowerCase(java.util.Locale.ROOT);
        return p.endsWith(".yaml") || p.endsWith(".yml");
    }

    private static boolean isText(byte[] b) {
        int n = Math.min(b.length, 8192);
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
                return false;
            }
        }
        return true;
    }
}
