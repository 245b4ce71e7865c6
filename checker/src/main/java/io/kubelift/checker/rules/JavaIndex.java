package io.kubelift.checker.rules;

import io.kubelift.model.AppFiles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java sources of an app, read for {@code java.referenced}: comments and string literals
 * blanked, imports (single-type, on-demand and static) resolving simple names, fully-qualified
 * names written in code. It is lexical (no type inference): a simple name resolves through the
 * file's imports, its own package, and {@code java.lang}.
 */
final class JavaIndex {
    private static final Pattern IMPORT =
            Pattern.compile("(?m)^\\s*import\\s+(static\\s+)?([\\w.]+)(\\.\\*)?\\s*;");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
    private static final Pattern FQN =
            Pattern.compile("(?<![\\w.])((?:[a-z_]\\w*\\.)+[A-Z]\\w*(?:\\.[A-Z]\\w*)*)");
    private static final Pattern NAME = Pattern.compile("(?<![\\w.])([A-Z]\\w*)");
    private static final long MAX_BYTES = 2L * 1024 * 1024;

    private record Source(
            String file,
            String code,
            String pkg,
            Map<String, String> single,
            List<String> onDemand,
            Map<String, String> staticMembers,
            java.util.Set<String> declared) {}

    private static final Pattern DECLARED =
            Pattern.compile("\\b(?:class|interface|enum|record)\\s+([A-Z]\\w*)");
    private static final Map<String, Boolean> JAVA_LANG =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * True for a public type of java.lang (Object, String, Runtime, …), asked of the running JDK.
     */
    private static boolean inJavaLang(String simple) {
        return JAVA_LANG.computeIfAbsent(
                simple,
                n -> {
                    try {
                        Class.forName("java.lang." + n, false, JavaIndex.class.getClassLoader());
                        return true;
                    } catch (ClassNotFoundException | LinkageError e) {
                        return false;
                    }
                });
    }

    private final List<Source> sources = new ArrayList<>();

    JavaIndex(AppFiles app) {
        if (app == null) {
            return;
        }
        for (String f : app.list()) {
            if (!f.endsWith(".java")) {
                continue;
            }
            text(app, f).ifPresent(t -> sources.add(index(f, blank(t))));
        }
    }

    static Optional<String> text(AppFiles app, String f) {
        return app.read(f)
                .filter(b -> b.length <= MAX_BYTES && !binary(b))
                .map(b -> new String(b, StandardCharsets.UTF_8));
    }

    private static boolean binary(byte[] b) {
        for (int i = 0; i < Math.min(b.length, 4096); i++) {
            if (b[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * A Konveyor Java pattern as a regex: {@code *} is any run of name characters (dots included),
     * {@code (a|b)} groups stay, other characters are literal.
     */
    static Pattern pattern(String p) {
        StringBuilder sb = new StringBuilder();
        for (char c : p.strip().toCharArray()) {
            switch (c) {
                case '*' -> sb.append("[\\w.$]*");
                case '.' -> sb.append("\\.");
                case '(', ')', '|' -> sb.append(c);
                case '$' -> sb.append("\\$");
                default -> {
                    if (Character.isJavaIdentifierPart(c)) {
                        sb.append(c);
                    } else {
                        sb.append(Pattern.quote(String.valueOf(c)));
                    }
                }
            }
        }
        return Condition.regex(sb.toString());
    }

    /**
     * Matches of a type/package/member {@code pattern} at a Konveyor location (empty: any
     * reference).
     */
    List<Condition.Match> find(Pattern pattern, String location) {
        List<Condition.Match> out = new ArrayList<>();
        for (Source s : sources) {
            String[] lines = s.code.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.isBlank()) {
                    continue;
                }
                String hit = matchLine(s, line, pattern, location);
                if (hit != null) {
                    out.add(new Condition.Match(s.file, i + 1, line.strip()));
                }
            }
        }
        return out;
    }

    private String matchLine(Source s, String line, Pattern pattern, String location) {
        boolean isImport = IMPORT.matcher(line).find();
        if (location.equals("IMPORT")) {
            Matcher m = IMPORT.matcher(line);
            return m.find() && (full(pattern, m.group(2)) || full(pattern, m.group(2) + ".*"))
                    ? m.group(2)
                    : null;
        }
        if (location.equals("PACKAGE")) {
            for (String ref : references(s, line)) {
                String pkg = ref.contains(".") ? ref.substring(0, ref.lastIndexOf('.')) : ref;
                if (full(pattern, pkg) || full(pattern, ref)) {
                    return ref;
                }
            }
            return null;
        }
        if (isImport || PACKAGE.matcher(line).find()) {
            return location.isEmpty() && IMPORT.matcher(line).find() && importMatches(line, pattern)
                    ? line
                    : null;
        }
        String context =
                switch (location) {
                    case "CONSTRUCTOR_CALL" -> "new\\s+";
                    case "INHERITANCE" -> "extends\\s+";
                    case "IMPLEMENTS_TYPE" -> "implements\\s+(?:[\\w.<>,\\s]+,\\s*)?";
                    case "ANNOTATION" -> "@";
                    default -> null;
                };
        if (location.equals("METHOD_CALL") || location.equals("METHOD")) {
            return methodCall(s, line, pattern);
        }
        for (String[] ref : referencesWithPosition(s, line)) {
            if (!full(pattern, ref[0])) {
                continue;
            }
            if (context == null) {
                return ref[0];
            }
            int at = Integer.parseInt(ref[1]);
            String before = line.substring(0, at);
            if (Pattern.compile("(?:" + context + ")$").matcher(before).find()
                    || location.equals("IMPLEMENTS_TYPE")
                            && before.matches(".*implements\\s+[\\w.<>,\\s]*")) {
                return ref[0];
            }
        }
        return null;
    }

    private static boolean importMatches(String line, Pattern pattern) {
        Matcher m = IMPORT.matcher(line);
        return m.find() && (full(pattern, m.group(2)) || full(pattern, m.group(2) + ".*"));
    }

    /**
     * {@code Type.method(}, {@code var.method(} (the variable's declared type, when the file
     * declares it), a call on a call chain (any type the file uses), or a statically imported
     * method.
     */
    private String methodCall(Source s, String line, Pattern pattern) {
        Matcher call =
                Pattern.compile("(?:(\\b[\\w.]+)\\s*\\.\\s*)?\\b([a-z]\\w*)\\s*\\(").matcher(line);
        while (call.find()) {
            String method = call.group(2);
            String qualifier = call.group(1);
            List<String> owners = new ArrayList<>();
            if (qualifier == null) {
                String before = line.substring(0, call.start(2)).stripTrailing();
                if (before.endsWith(".")) {
                    owners.addAll(typesUsed(s)); // a call chain: Runtime.getRuntime().exec(…)
                } else if (s.staticMembers.containsKey(method)) {
                    owners.add(s.staticMembers.get(method));
                }
            } else if (Character.isUpperCase(qualifier.charAt(0))
                    || qualifier.matches("[a-z_]\\w*(\\.[a-z_]\\w*)*\\.[A-Z]\\w*")) {
                owners.addAll(candidates(s, qualifier));
            } else {
                Matcher decl =
                        Pattern.compile(
                                        "\\b([A-Z][\\w.]*)(?:<[^;=()]*>)?\\s+"
                                                + Pattern.quote(qualifier)
                                                + "\\s*[=;:,)]")
                                .matcher(s.code);
                if (decl.find()) {
                    owners.addAll(candidates(s, decl.group(1)));
                } else {
                    owners.addAll(
                            typesUsed(s)); // a variable of unknown type: any type the file uses
                }
            }
            for (String owner : owners) {
                if (full(pattern, owner + "." + method)) {
                    return owner + "." + method;
                }
            }
        }
        return null;
    }

    private List<String> typesUsed(Source s) {
        List<String> out = new ArrayList<>(s.single.values());
        for (String[] r : referencesWithPosition(s, s.code)) {
            out.add(r[0]);
        }
        return out;
    }

    private List<String> references(Source s, String line) {
        return referencesWithPosition(s, line).stream().map(r -> r[0]).toList();
    }

    private List<String[]> referencesWithPosition(Source s, String line) {
        List<String[]> out = new ArrayList<>();
        Matcher f = FQN.matcher(line);
        List<int[]> spans = new ArrayList<>();
        while (f.find()) {
            out.add(new String[] {f.group(1), String.valueOf(f.start())});
            spans.add(new int[] {f.start(), f.end()});
        }
        Matcher n = NAME.matcher(line);
        while (n.find()) {
            int at = n.start();
            if (spans.stream().anyMatch(sp -> at >= sp[0] && at < sp[1])) {
                continue;
            }
            for (String fq : candidates(s, n.group(1))) {
                out.add(new String[] {fq, String.valueOf(at)});
            }
        }
        return out;
    }

    /**
     * The fully-qualified names a simple or qualified type name written in {@code s} can stand for:
     * its single-type import; else each on-demand import, java.lang and the file's own package (the
     * pattern decides).
     */
    private static List<String> candidates(Source s, String name) {
        if (name.contains(".") && Character.isLowerCase(name.charAt(0))) {
            return List.of(name);
        }
        String first = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        String rest = name.contains(".") ? name.substring(name.indexOf('.')) : "";
        String single = s.single.get(first);
        if (single != null) {
            return List.of(single + rest);
        }
        if (s.declared.contains(first)) {
            return List.of(
                    (s.pkg.isEmpty() ? "" : s.pkg + ".")
                            + name); // a type of this file shadows imports
        }
        if (inJavaLang(first)) {
            return List.of(
                    "java.lang." + name); // an on-demand import cannot also supply it: it would not
            // compile
        }
        List<String> out = new ArrayList<>();
        s.onDemand.forEach(p -> out.add(p + "." + name));
        out.add("java.lang." + name);
        if (!s.pkg.isEmpty()) {
            out.add(s.pkg + "." + name);
        }
        return out;
    }

    private static boolean full(Pattern p, String s) {
        return p.matcher(s).matches();
    }

    private static Source index(String file, String code) {
        Matcher pm = PACKAGE.matcher(code);
        String pkg = pm.find() ? pm.group(1) : "";
        Map<String, String> single = new LinkedHashMap<>();
        List<String> onDemand = new ArrayList<>();
        Map<String, String> statics = new LinkedHashMap<>();
        Matcher m = IMPORT.matcher(code);
        while (m.find()) {
            String name = m.group(2);
            boolean isStatic = m.group(1) != null;
            boolean star = m.group(3) != null;
            if (isStatic) {
                if (!star) {
                    statics.put(
                            name.substring(name.lastIndexOf('.') + 1),
                            name.substring(0, name.lastIndexOf('.')));
                }
            } else if (star) {
                onDemand.add(name);
            } else {
                single.put(name.substring(name.lastIndexOf('.') + 1), name);
            }
        }
        java.util.Set<String> declared = new java.util.HashSet<>();
        Matcher d = DECLARED.matcher(code);
        while (d.find()) {
            declared.add(d.group(1));
        }
        return new Source(file, code, pkg, single, onDemand, statics, declared);
    }

    /** Comments and string/char literals replaced by spaces, line breaks kept. */
    static String blank(String t) {
        StringBuilder sb = new StringBuilder(t.length());
        int i = 0;
        int n = t.length();
        while (i < n) {
            char c = t.charAt(i);
            if (c == '/' && i + 1 < n && t.charAt(i + 1) == '/') {
                while (i < n && t.charAt(i) != '\n') {
                    sb.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < n && t.charAt(i + 1) == '*') {
                while (i < n && !(t.charAt(i) == '*' && i + 1 < n && t.charAt(i + 1) == '/')) {
                    sb.append(t.charAt(i) == '\n' ? '\n' : ' ');
                    i++;
                }
                sb.append("  ");
                i += 2;
            } else if (c == '"' || c == '\'') {
                char q = c;
                sb.append(q);
                i++;
                while (i < n && t.charAt(i) != q && t.charAt(i) != '\n') {
                    if (t.charAt(i) == '\\' && i + 1 < n) {
                        sb.append(' ');
                        i++;
                    }
                    sb.append(' ');
                    i++;
                }
                if (i < n) {
                    sb.append(t.charAt(i));
                    i++;
                }
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }
}
