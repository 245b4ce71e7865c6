package io.kubelift.analyzer.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@code java} command line split into classpath, JVM options, main class or jar, and program
 * arguments. {@code unresolvedOptions} are the JVM options (as in {@code jvmOptions}) whose text
 * was built, in part, from something the analysis does not know — an unset variable, a missing
 * argument, command output ({@link Word}).
 */
public record JavaCommand(
        String mainClass,
        String jar,
        List<String> classpath,
        List<String> jvmOptions,
        List<String> args,
        List<String> unresolvedOptions) {
    public JavaCommand {
        unresolvedOptions = unresolvedOptions == null ? List.of() : List.copyOf(unresolvedOptions);
    }

    public JavaCommand(
            String mainClass,
            String jar,
            List<String> classpath,
            List<String> jvmOptions,
            List<String> args) {
        this(mainClass, jar, classpath, jvmOptions, args, List.of());
    }

    /**
     * Whether the option (as listed in {@code jvmOptions}) was built from something the analysis
     * does not know.
     */
    public boolean isUnresolved(String option) {
        return unresolvedOptions.contains(option);
    }

    private static final Pattern CLASS_NAME =
            Pattern.compile("([A-Za-z_$][A-Za-z0-9_$]*\\.)*[A-Za-z_$][A-Za-z0-9_$]*");

    public static boolean isClassName(String w) {
        return w != null
                && CLASS_NAME.matcher(w).matches()
                && (w.contains(".") || Character.isUpperCase(w.charAt(0)));
    }

    public static boolean isQualifiedClassName(String w) {
        return w != null
                && w.contains(".")
                && CLASS_NAME.matcher(w).matches()
                && !w.endsWith(".sh")
                && !w.endsWith(".jar")
                && !w.endsWith(".properties")
                && !w.endsWith(".xml")
                && !w.endsWith(".cfg")
                && !w.endsWith(".conf");
    }

    /** Parses words whose origin is fully known (no option is unresolved). */
    public static JavaCommand parse(List<String> words) {
        return parseWords(words.stream().map(Word::of).toList());
    }

    public static JavaCommand parseWords(List<Word> tracedWords) {
        List<String> words = tracedWords.stream().map(Word::text).toList();
        List<String> unresolved = new ArrayList<>();
        String main = null;
        String jar = null;
        List<String> cp = new ArrayList<>();
        List<String> opts = new ArrayList<>();
        List<String> args = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = stripQuotes(words.get(i));
            if (main != null || jar != null) {
                if (!w.isEmpty()) {
                    args.add(w);
                }
                continue;
            }
            if (w.isEmpty()) {
                continue;
            }
            if ((w.equals("-cp") || w.equals("-classpath") || w.equals("--class-path"))
                    && i + 1 < words.size()) {
                for (String e : stripQuotes(words.get(++i)).split(":")) {
                    if (!e.isBlank()) {
                        cp.add(e);
                    }
                }
            } else if (w.equals("-jar") && i + 1 < words.size()) {
                jar = stripQuotes(words.get(++i));
            } else if ((w.equals("--add-opens")
                            || w.equals("--add-exports")
                            || w.equals("--add-modules"))
                    && i + 1 < words.size()) {
                opts.add(w + "=" + stripQuotes(words.get(++i)));
                if (tracedWords.get(i).unresolved()) {
                    unresolved.add(opts.get(opts.size() - 1));
                }
            } else if (w.startsWith("-")) {
                opts.add(w);
                if (tracedWords.get(i).unresolved()) {
                    unresolved.add(w);
                }
            } else if (isClassName(w)) {
                main = w;
            } else {
                // an unexpanded or unknown word where the class should be: stop, the class is not
                // known here
                return new JavaCommand(null, null, cp, opts, List.of(), unresolved);
            }
        }
        return new JavaCommand(main, jar, cp, opts, args, unresolved);
    }

    static String stripQuotes(String w) {
        String s = w;
        while (s.length() >= 2
                && (s.startsWith("\"") && s.endsWith("\"")
                        || s.startsWith("'") && s.endsWith("'"))) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.equals("\"") || s.equals("'")) {
            return "";
        }
        return s;
    }
}
