package io.kubelift.checker.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kubelift.checker.Check;
import io.kubelift.checker.Factor;
import io.kubelift.model.KubeliftException;
import io.kubelift.model.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads rule files in the format of Konveyor's analyzer (a YAML list of rules with {@code ruleID},
 * {@code message}, {@code category}, {@code labels} and a {@code when} condition), so community
 * rule sets run as they are. Supported conditions: {@code java.referenced} (pattern, location),
 * {@code builtin.filecontent} (pattern, filePattern), {@code builtin.file} (pattern), {@code
 * builtin.xml} (xpath, namespaces, filepaths), {@code and}, {@code or}. A rule with another
 * condition is skipped and named in {@link Loaded#skipped()}.
 *
 * <p>kubelift reads two labels of its own: {@code kubelift.io/factor=VI} (the factor; without it
 * the rule's words choose one) and {@code kubelift.io/severity=error|warning|info} (without it:
 * mandatory → warning, else info).
 */
public final class RuleFiles {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final int MAX_FILES = 2_000;

    private RuleFiles() {}

    /** The rules read, and the rules skipped with why. */
    public record Loaded(List<Check> checks, List<String> skipped) {}

    /** The rules kubelift ships (checker/src/main/resources/io/kubelift/checker/rules/*.yaml). */
    public static Loaded builtIn() {
        List<Check> checks = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String name : List.of("remoting.yaml")) {
            try (InputStream in = RuleFiles.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("missing built-in rule file " + name);
                }
                parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name, checks, skipped);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return new Loaded(checks, skipped);
    }

    /**
     * Every {@code *.yaml}/{@code *.yml} rule file below {@code dir} (Konveyor's {@code
     * ruleset.yaml} is skipped).
     */
    public static Loaded load(Path dir) {
        if (!Files.exists(dir)) {
            throw KubeliftException.usage(
                    "rules directory " + dir + " does not exist",
                    "pass a directory of rule files to --rules");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files =
                    walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                            .filter(p -> p.getFileName().toString().matches("(?i).*\\.ya?ml"))
                            .filter(p -> !p.getFileName().toString().equals("ruleset.yaml"))
                            .sorted()
                            .toList();
        } catch (IOException e) {
            throw KubeliftException.badInput(
                    dir.toString(), "cannot be listed: " + e.getMessage(), null);
        }
        if (files.size() > MAX_FILES) {
            throw KubeliftException.badInput(
                    dir.toString(), "holds more than " + MAX_FILES + " rule files", null);
        }
        List<Check> checks = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path f : files) {
            try {
                parse(Files.readString(f, StandardCharsets.UTF_8), f.toString(), checks, skipped);
            } catch (IOException e) {
                throw KubeliftException.badInput(
                        f.toString(), "cannot be read: " + e.getMessage(), null);
            }
        }
        return new Loaded(checks, skipped);
    }

    static void parse(String text, String file, List<Check> checks, List<String> skipped) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (IOException e) {
            throw KubeliftException.badInput(
                    file,
                    "is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""),
                    "fix the syntax (rule files are YAML lists of rules, as Konveyor's analyzer reads them)");
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return;
        }
        if (!root.isArray()) {
            throw KubeliftException.badInput(
                    file,
                    "is not a list of rules",
                    "write '- ruleID: …' entries (Konveyor rule format; see docs/checker.md)");
        }
        for (JsonNode r : root) {
            String id = r.path("ruleID").asText("");
            if (id.isBlank()) {
                throw KubeliftException.badInput(
                        file, "has a rule without ruleID", "give every rule a ruleID");
            }
            if (!r.has("when")) {
                throw KubeliftException.badInput(
                        file, "rule " + id + " has no 'when' condition", "add a when: condition");
            }
            Condition when;
            try {
                when = Condition.parse(r.get("when"));
            } catch (Condition.Unsupported u) {
                skipped.add(file + ": rule " + id + " skipped: " + u.getMessage());
                continue;
            } catch (IllegalArgumentException e) {
                throw KubeliftException.badInput(
                        file, "rule " + id + ": " + e.getMessage(), "fix the condition");
            }
            String message = r.path("message").asText(r.path("description").asText(id));
            String description =
                    r.path("description").asText(message.lines().findFirst().orElse(id));
            List<String> labels = new ArrayList<>();
            r.path("labels").forEach(l -> labels.add(l.asText()));
            Factor factor = factor(labels, id + " " + description + " " + message);
            Severity severity = severity(labels, r.path("category").asText(""));
            StringBuilder links = new StringBuilder();
            r.path("links")
                    .forEach(
                            l ->
                                    links.append(" ")
                                            .append(l.path("title").asText(""))
                                            .append(" ")
                                            .append(l.path("url").asText("")));
            checks.add(
                    new RuleCheck(
                            checkId(factor, id),
                            severity,
                            oneLine(description),
                            oneLine(message)
                                    + " (rule "
                                    + id
                                    + " from "
                                    + Path.of(file).getFileName()
                                    + ")",
                            oneLine(message) + links.toString().stripTrailing(),
                            when));
        }
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    /** {@code TFnn-RULE-<ruleID>} in the id alphabet of checks. */
    static String checkId(Factor factor, String ruleId) {
        String body =
                ruleId.toUpperCase(Locale.ROOT)
                        .replaceAll("[^A-Z0-9]+", "-")
                        .replaceAll("^-+|-+$", "");
        return String.format(
                Locale.ROOT, "TF%02d-RULE-%s", factor.ordinal() + 1, body.isEmpty() ? "X" : body);
    }

    private static final Map<String, Factor> WORDS = new java.util.LinkedHashMap<>();

    static {
        WORDS.put("session", Factor.values()[5]);
        WORDS.put("cache", Factor.values()[5]);
        WORDS.put("storage", Factor.values()[5]);
        WORDS.put("file", Factor.values()[5]);
        WORDS.put("log", Factor.values()[10]);
        WORDS.put("jni", Factor.values()[1]);
        WORDS.put("native", Factor.values()[1]);
        WORDS.put("process", Factor.values()[1]);
        WORDS.put("rmi", Factor.values()[3]);
        WORDS.put("corba", Factor.values()[3]);
        WORDS.put("remot", Factor.values()[3]);
        WORDS.put("mail", Factor.values()[3]);
        WORDS.put("jca", Factor.values()[3]);
        WORDS.put("socket", Factor.values()[6]);
        WORDS.put("port", Factor.values()[6]);
        WORDS.put("credential", Factor.values()[2]);
        WORDS.put("secret", Factor.values()[2]);
        WORDS.put("config", Factor.values()[2]);
    }

    static Factor factor(List<String> labels, String words) {
        for (String l : labels) {
            if (l.startsWith("kubelift.io/factor=")) {
                String v = l.substring("kubelift.io/factor=".length()).strip();
                for (Factor f : Factor.values()) {
                    if (f.numeral().equalsIgnoreCase(v)
                            || String.valueOf(f.ordinal() + 1).equals(v)) {
                        return f;
                    }
                }
                throw new IllegalArgumentException("label " + l + " names no factor (I..XV)");
            }
        }
        String w = words.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, Factor> e : WORDS.entrySet()) {
            if (w.contains(e.getKey())) {
                return e.getValue();
            }
        }
        return Factor.values()[5];
    }

    static Severity severity(List<String> labels, String category) {
        for (String l : labels) {
            if (l.startsWith("kubelift.io/severity=")) {
                return Severity.valueOf(
                        l.substring("kubelift.io/severity=".length())
                                .strip()
                                .toUpperCase(Locale.ROOT));
            }
        }
        return "mandatory".equalsIgnoreCase(category) ? Severity.WARNING : Severity.INFO;
    }
}
