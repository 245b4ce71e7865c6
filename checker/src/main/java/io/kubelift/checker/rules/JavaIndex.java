package io.kubelift.checker.rules;

import io.kubelift.model.AppFiles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java sources of an app, read for {@code java.referenced}: comments and string literals
 * blanked, imports (single-type, on-demand and static) resolving simple names, fully-qualified
 * names written in code. It is lexical (no type inference): a simple name resolves through the
 * file's imports, its own package, and {@code java.lang}.
 *
 * <p>Each file is read and tokenised once, when the index is built: every non-blank line keeps the
 * type names it references (resolved to their candidate fully-qualified names, with what precedes
 * each: {@code new}, {@code extends}, {@code implements}, {@code @}), its import, and its method
 * calls with their candidate owner types. A rule's pattern is then matched against that index, each
 * distinct name once per pattern. The index of an app is built once and shared by every rule of the
 * run ({@link #of}).
 */
final class JavaIndex {
    private static final Pattern IMPORT =
            Pattern.compile("(?m)^\\s*import\\s+(static\\s+)?([\\w.]+)(\\.\\*)?\\s*;");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
    private static final Pattern FQN =
            Pattern.compile("(?<![\\w.])((?:[a-z_]\\w*\\.)+[A-Z]\\w*(?:\\.[A-Z]\\w*)*)");
    private static final Pattern NAME = Pattern.compile("(?<![\\w.])([A-Z]\\w*)");
    private static final Pattern CALL =
            Pattern.compile("(?:(\\b[\\w.]+)\\s*\\.\\s*)?\\b([a-z]\\w*)\\s*\\(");
    private static final Pattern QUALIFIED_TYPE =
            Pattern.compile("[a-z_]\\w*(\\.[a-z_]\\w*)*\\.[A-Z]\\w*");
    private static final Pattern AFTER_NEW = Pattern.compile("(?:new\\s+)$");
    private static final Pattern AFTER_EXTENDS = Pattern.compile("(?:extends\\s+)$");
    private static final Pattern AFTER_IMPLEMENTS =
            Pattern.compile("(?:implements\\s+(?:[\\w.<>,\\s]+,\\s*)?)$");
    private static final Pattern IN_IMPLEMENTS = Pattern.compile(".*implements\\s+[\\w.<>,\\s]*");
    private static final Pattern AFTER_AT = Pattern.compile("(?:@)$");
    private static final long MAX_BYTES = 2L * 1024 * 1024;

    /** What the text just before a reference says it is (bits). */
    private static final int NEW = 1;

    private static final int EXTENDS = 2;
    private static final int IMPLEMENTS = 4;
    private static final int ANNOTATION = 8;

    /** A type name a line references, and what precedes it ({@link #NEW} …). */
    private record Ref(String name, int context) {}

    /** A method call: the method and the types that may own it. */
    private record Call(String method, List<String> owners) {}

    /**
     * One non-blank line of blanked code: its number, its stripped text, its import (null when it
     * is not one), whether it is an import or package declaration, its references and calls.
     */
    private record Line(
            int number,
            String text,
            String importName,
            boolean declaration,
            List<Ref> refs,
            List<Call> calls) {}

    private record Source(String file, List<Line> lines) {}

    /** What a file declares, used while its lines are tokenised. */
    private record Scope(
            String code,
            String pkg,
            Map<String, String> single,
            List<String> onDemand,
            Map<String, String> staticMembers,
            Set<String> declared,
            Map<String, List<String>> variableOwners,
            List<String>[] typesUsed,
            Map<String, String>[] declarations) {}

    private static final Pattern DECLARED =
            Pattern.compile("\\b(?:class|interface|enum|record)\\s+([A-Z]\\w*)");
    private static final Map<String, Boolean> JAVA_LANG =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The last apps indexed, so that every rule of one check run shares one index. */
    private static final Map<AppFiles, JavaIndex> INDEXES =
            Collections.synchronizedMap(new WeakHashMap<>());

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
    private final List<String> files;

    JavaIndex(AppFiles app) {
        this.files = app == null ? List.of() : app.list();
        if (app == null) {
            return;
        }
        for (String f : files) {
            if (!f.endsWith(".java")) {
                continue;
            }
            text(app, f).ifPresent(t -> sources.add(index(f, blank(t))));
        }
    }

    /**
     * The index of {@code app}, built on first use and shared while the same app (with the same
     * files) is checked.
     */
    static JavaIndex of(AppFiles app) {
        synchronized (INDEXES) {
            JavaIndex known = INDEXES.get(app);
            if (known != null && known.files.equals(app.list())) {
                return known;
            }
            JavaIndex built = new JavaIndex(app);
            INDEXES.put(app, built);
            return built;
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
        Map<String, Boolean> memo = new HashMap<>();
        List<Condition.Match> out = new ArrayList<>();
        for (Source s : sources) {
            Map<List<String>, Map<String, Boolean>> ownersMemo = new IdentityHashMap<>();
            for (Line line : s.lines) {
                if (matchLine(line, pattern, location, memo, ownersMemo)) {
                    out.add(new Condition.Match(s.file, line.number, line.text));
                }
            }
        }
        return out;
    }

    private static boolean matchLine(
            Line line,
            Pattern pattern,
            String location,
            Map<String, Boolean> memo,
            Map<List<String>, Map<String, Boolean>> ownersMemo) {
        if (location.equals("IMPORT")) {
            return line.importName != null && importMatches(line.importName, pattern, memo);
        }
        if (location.equals("PACKAGE")) {
            for (Ref ref : line.refs) {
                String r = ref.name;
                String pkg = r.contains(".") ? r.substring(0, r.lastIndexOf('.')) : r;
                if (full(pattern, pkg, memo) || full(pattern, r, memo)) {
                    return true;
                }
            }
            return false;
        }
        if (line.declaration) {
            return location.isEmpty()
                    && line.importName != null
                    && importMatches(line.importName, pattern, memo);
        }
        if (location.equals("METHOD_CALL") || location.equals("METHOD")) {
            for (Call call : line.calls) {
                if (ownsMethod(call, pattern, memo, ownersMemo)) {
                    return true;
                }
            }
            return false;
        }
        int wanted =
                switch (location) {
                    case "CONSTRUCTOR_CALL" -> NEW;
                    case "INHERITANCE" -> EXTENDS;
                    case "IMPLEMENTS_TYPE" -> IMPLEMENTS;
                    case "ANNOTATION" -> ANNOTATION;
                    default -> 0;
                };
        for (Ref ref : line.refs) {
            if ((wanted == 0 || (ref.context & wanted) != 0) && full(pattern, ref.name, memo)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when one of the call's owner types has the method the pattern names; a shared owner list
     * (the types a file uses) is matched once per method.
     */
    private static boolean ownsMethod(
            Call call,
            Pattern pattern,
            Map<String, Boolean> memo,
            Map<List<String>, Map<String, Boolean>> ownersMemo) {
        Map<String, Boolean> perMethod =
                ownersMemo.computeIfAbsent(call.owners, k -> new HashMap<>());
        Boolean known = perMethod.get(call.method);
        if (known != null) {
            return known;
        }
        boolean hit = false;
        for (String owner : call.owners) {
            if (full(pattern, owner + "." + call.method, memo)) {
                hit = true;
                break;
            }
        }
        perMethod.put(call.method, hit);
        return hit;
    }

    private static boolean importMatches(String name, Pattern pattern, Map<String, Boolean> memo) {
        return full(pattern, name, memo) || full(pattern, name + ".*", memo);
    }

    private static boolean full(Pattern p, String s, Map<String, Boolean> memo) {
        Boolean known = memo.get(s);
        if (known == null) {
            known = p.matcher(s).matches();
            memo.put(s, known);
        }
        return known;
    }

    /**
     * {@code Type.method(}, {@code var.method(} (the variable's declared type, when the file
     * declares it), a call on a call chain (any type the file uses), or a statically imported
     * method.
     */
    private static List<Call> calls(Scope s, String line) {
        List<Call> out = new ArrayList<>();
        Matcher call = CALL.matcher(line);
        while (call.find()) {
            String method = call.group(2);
            String qualifier = call.group(1);
            List<String> owners;
            if (qualifier == null) {
                String before = line.substring(0, call.start(2)).stripTrailing();
                if (before.endsWith(".")) {
                    owners = typesUsed(s); // a call chain: Runtime.getRuntime().exec(…)
                } else if (s.staticMembers.containsKey(method)) {
                    owners = List.of(s.staticMembers.get(method));
                } else {
                    owners = List.of();
                }
            } else if (Character.isUpperCase(qualifier.charAt(0))
                    || QUALIFIED_TYPE.matcher(qualifier).matches()) {
                owners = candidates(s, qualifier);
            } else {
                owners = s.variableOwners.computeIfAbsent(qualifier, q -> variableType(s, q));
            }
            if (!owners.isEmpty()) {
                out.add(new Call(method, owners));
            }
        }
        return out;
    }

    /**
     * The types a variable may have: its declared type when the file declares it, else any type the
     * file uses.
     */
    private static List<String> variableType(Scope s, String qualifier) {
        if (s.declarations[0] == null) {
            s.declarations[0] = declarations(s.code);
        }
        String type = s.declarations[0].get(qualifier);
        if (type != null) {
            return candidates(s, type);
        }
        return typesUsed(s); // a variable of unknown type: any type the file uses
    }

    /**
     * Each name the code declares with a type ({@code Type name =}, {@code Type<…> name;}, a
     * parameter {@code Type name)} …), with the type of its first declaration: what {@code
     * \b([A-Z][\w.]*)(?:<[^;=()]*>)?\s+NAME\s*[=;:,)]} finds first for each NAME, computed for
     * every name in one walk over the file instead of one regex search per name.
     */
    static Map<String, String> declarations(String code) {
        Map<String, String> out = new HashMap<>();
        int n = code.length();
        for (int x = 0; x < n; x++) {
            char c = code.charAt(x);
            if (c < 'A' || c > 'Z' || x > 0 && word(code.charAt(x - 1))) {
                continue;
            }
            int t = x + 1;
            while (t < n && (word(code.charAt(t)) || code.charAt(t) == '.')) {
                t++;
            }
            String type = code.substring(x, t);
            declared(code, t, type, out); // no type arguments
            if (t < n && code.charAt(t) == '<') {
                for (int j = t + 1; j < n; j++) {
                    char g = code.charAt(j);
                    if (g == ';' || g == '=' || g == '(' || g == ')') {
                        break;
                    }
                    if (g == '>') {
                        declared(code, j + 1, type, out); // type arguments closed at j
                    }
                }
            }
        }
        return out;
    }

    /** The name after the type that ends at {@code e}, when a declaration follows. */
    private static void declared(String code, int e, String type, Map<String, String> out) {
        int n = code.length();
        int k = e;
        while (k < n && space(code.charAt(k))) {
            k++;
        }
        if (k == e || k == n || !word(code.charAt(k))) {
            return;
        }
        int end = k;
        while (end < n && (word(code.charAt(end)) || code.charAt(end) == '.')) {
            end++;
        }
        int after = end;
        while (after < n && space(code.charAt(after))) {
            after++;
        }
        if (after < n && "=;:,)".indexOf(code.charAt(after)) >= 0) {
            out.putIfAbsent(code.substring(k, end), type);
        }
    }

    private static boolean word(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static List<String> typesUsed(Scope s) {
        if (s.typesUsed[0] == null) {
            Set<String> out = new LinkedHashSet<>(s.single.values());
            for (Ref r : references(s, s.code, false)) {
                out.add(r.name);
            }
            s.typesUsed[0] = List.copyOf(out); // each once: a pattern needs one owner to match
        }
        return s.typesUsed[0];
    }

    /**
     * The type names written in {@code text}, each with what precedes it on its line when {@code
     * withContext} (a line's references; the whole file's need no context).
     */
    private static List<Ref> references(Scope s, String text, boolean withContext) {
        List<Ref> out = new ArrayList<>();
        Matcher f = FQN.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (f.find()) {
            out.add(new Ref(f.group(1), withContext ? context(text, f.start()) : 0));
            spans.add(new int[] {f.start(), f.end()});
        }
        Matcher n = NAME.matcher(text);
        int span = 0; // spans are in text order, and so are the names: one walk over both
        while (n.find()) {
            int at = n.start();
            while (span < spans.size() && spans.get(span)[1] <= at) {
                span++;
            }
            if (span < spans.size() && at >= spans.get(span)[0]) {
                continue;
            }
            int context = -1;
            for (String fq : candidates(s, n.group(1))) {
                if (context < 0) {
                    context = withContext ? context(text, at) : 0;
                }
                out.add(new Ref(fq, context));
            }
        }
        return out;
    }

    /** What the text before position {@code at} of a line says the name there is. */
    private static int context(String line, int at) {
        String before = line.substring(0, at);
        int c = 0;
        // each keyword test first, so that only the lines that can match run the regexes
        if (before.contains("new") && AFTER_NEW.matcher(before).find()) {
            c |= NEW;
        }
        if (before.contains("extends") && AFTER_EXTENDS.matcher(before).find()) {
            c |= EXTENDS;
        }
        if (before.contains("implements")
                && (AFTER_IMPLEMENTS.matcher(before).find()
                        || IN_IMPLEMENTS.matcher(before).matches())) {
            c |= IMPLEMENTS;
        }
        if (before.contains("@") && AFTER_AT.matcher(before).find()) {
            c |= ANNOTATION;
        }
        return c;
    }

    /**
     * The fully-qualified names a simple or qualified type name written in {@code s} can stand for:
     * its single-type import; else each on-demand import, java.lang and the file's own package (the
     * pattern decides).
     */
    private static List<String> candidates(Scope s, String name) {
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
            // an on-demand import cannot also supply it: it would not compile
            return List.of("java.lang." + name);
        }
        List<String> out = new ArrayList<>();
        s.onDemand.forEach(p -> out.add(p + "." + name));
        out.add("java.lang." + name);
        if (!s.pkg.isEmpty()) {
            out.add(s.pkg + "." + name);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
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
        Set<String> declared = new HashSet<>();
        Matcher d = DECLARED.matcher(code);
        while (d.find()) {
            declared.add(d.group(1));
        }
        Scope scope =
                new Scope(
                        code,
                        pkg,
                        single,
                        onDemand,
                        statics,
                        declared,
                        new HashMap<>(),
                        (List<String>[]) new List<?>[1],
                        (Map<String, String>[]) new Map<?, ?>[1]);
        List<Line> lines = new ArrayList<>();
        String[] raw = code.split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i];
            if (line.isBlank()) {
                continue;
            }
            Matcher im = IMPORT.matcher(line);
            String importName = im.find() ? im.group(2) : null;
            boolean declaration = importName != null || PACKAGE.matcher(line).find();
            lines.add(
                    new Line(
                            i + 1,
                            line.strip(),
                            importName,
                            declaration,
                            references(scope, line, true),
                            declaration ? List.of() : calls(scope, line)));
        }
        return new Source(file, List.copyOf(lines));
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
