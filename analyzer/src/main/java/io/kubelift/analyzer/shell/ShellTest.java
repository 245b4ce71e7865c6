package io.kubelift.analyzer.shell;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Evaluates the simple string tests scripts use as guards — {@code [ -z "$X" ]}, {@code [ -n "$X"
 * ]}, {@code [ "x$X" = "x" ]}, {@code [ "$X" != "" ]}, {@code [[ … ]]}, {@code test …}, negated
 * with {@code !} — over the variables known at that point; an unset variable is empty, as in a
 * fresh container. Anything else (file tests, numbers, compound tests, values built from positional
 * parameters or command output, glob matches) is undecided and the interpreter treats the guarded
 * block as maybe-run.
 */
final class ShellTest {
    private static final Pattern UNDECIDABLE =
            Pattern.compile(
                    ".*(\\$\\(|`|\\$\\{?[0-9#@*?!]|\\s-[ao]\\s|&&|\\|\\||\\s\\(|\\\\\\().*");

    private ShellTest() {}

    static Optional<Boolean> evaluate(
            String condition, Map<String, ShellVar> env, List<String> positional) {
        if (condition == null) {
            return Optional.empty();
        }
        String s = condition.strip();
        boolean negate = false;
        while (s.startsWith("!")) {
            negate = !negate;
            s = s.substring(1).strip();
        }
        String inner;
        if (s.startsWith("[[") && s.endsWith("]]")) {
            inner = s.substring(2, s.length() - 2);
        } else if (s.startsWith("[") && s.endsWith("]")) {
            inner = s.substring(1, s.length() - 1);
        } else if (s.startsWith("test ")) {
            inner = s.substring(5);
        } else {
            // the commands true, false and ':' — typically a flag variable, `if $cygwin; then`
            // with cygwin=false
            if (UNDECIDABLE.matcher(" " + s + " ").matches()) {
                return Optional.empty();
            }
            Expander x = new Expander(env, positional, new HashSet<>());
            List<String> w = x.words(s);
            if (x.readUnknown() || w.size() != 1) {
                return Optional.empty();
            }
            String cmd = w.get(0);
            if (!cmd.equals("true") && !cmd.equals("false") && !cmd.equals(":")) {
                return Optional.empty();
            }
            return Optional.of(negate == cmd.equals("false"));
        }
        if (UNDECIDABLE.matcher(" " + inner + " ").matches()) {
            return Optional.empty();
        }
        Expander x = new Expander(env, positional, new HashSet<>());
        List<String> w = x.words(inner.strip());
        if (x.readUnknown()) {
            return Optional.empty(); // a value from the command line or a command's output
        }
        Optional<Boolean> r =
                switch (w.size()) {
                    case 1 ->
                            w.get(0).equals("-n")
                                    ? Optional.empty()
                                    : Optional.of(!w.get(0).isEmpty());
                    case 2 ->
                            switch (w.get(0)) {
                                case "-z" -> Optional.of(w.get(1).isEmpty());
                                case "-n" -> Optional.of(!w.get(1).isEmpty());
                                default -> Optional.empty();
                            };
                    case 3 -> compare(w.get(0), w.get(1), w.get(2), s.startsWith("[["));
                    default -> Optional.empty();
                };
        return negate ? r.map(b -> !b) : r;
    }

    private static Optional<Boolean> compare(String a, String op, String b, boolean doubleBracket) {
        if (doubleBracket && (b.contains("*") || b.contains("?") || b.contains("["))) {
            return Optional.empty(); // [[ $x == pat* ]] is a glob match
        }
        return switch (op) {
            case "=", "==" -> Optional.of(a.equals(b));
            case "!=" -> Optional.of(!a.equals(b));
            default -> Optional.empty();
        };
    }
}
