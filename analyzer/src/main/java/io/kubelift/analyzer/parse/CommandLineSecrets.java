package io.kubelift.analyzer.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets written as options on a command line, in any script or options file: JVM system
 * properties ({@code -Djavax.net.ssl.keyStorePassword=…}) and program options ({@code
 * --db-password=…}, {@code --db-password …}), whose name is a secret name ({@link
 * SecretRules#keyKind}) or whose value carries a secret ({@link SecretRules#valueKind}: a URL with
 * a password). Values that are variable references ({@code $X}, {@code ${X}}, {@code %X%}) are not
 * literals and are left alone.
 */
public final class CommandLineSecrets implements FileParser {
    private static final Pattern OPTION =
            Pattern.compile(
                    "(?<![\\w$%{.-])(-D|--|-)([A-Za-z][\\w.\\-]*)(=|[ \\t]+)(\"([^\"]*)\"|'([^']*)'|([^\\s\"'`;|&)<>]+))");

    /**
     * One option found on a line: prefix ({@code -D}, {@code --}), name, separator, the value, and
     * its kind.
     */
    public record Option(String prefix, String name, String separator, String value, String kind) {}

    @Override
    public String id() {
        return "command-line-secrets";
    }

    @Override
    public String configFormat() {
        return null;
    }

    @Override
    public boolean accepts(SourceFile f) {
        String n = f.lowerName();
        return ShellScriptParser.isScript(f)
                || n.endsWith(".bat")
                || n.endsWith(".cmd")
                || n.endsWith(".ps1")
                || n.endsWith(".py")
                || n.endsWith(".pl")
                || n.endsWith(".vmoptions")
                || n.endsWith(".jvmopts")
                || n.equals("jvm.options")
                || n.endsWith("/jvm.options")
                || n.equals("java.args")
                || n.endsWith(".service");
    }

    @Override
    public void parse(SourceFile f, ParseContext ctx) {
        for (int i = 1; i <= f.lines().size(); i++) {
            for (Option o : options(f.line(i))) {
                ctx.sink()
                        .secret(
                                o.name(),
                                o.kind(),
                                o.value(),
                                ctx.ev(f, i),
                                ParseContext.attrs(
                                        "format", "command-line", "option", o.prefix() + o.name()));
            }
        }
    }

    /** The secret-bearing options of one line (or one argument list joined with blanks). */
    public static List<Option> options(String line) {
        List<Option> out = new ArrayList<>();
        if (line == null || line.indexOf('-') < 0) {
            return out;
        }
        Matcher m = OPTION.matcher(line);
        while (m.find()) {
            String prefix = m.group(1);
            String sep = m.group(3);
            if (!sep.equals("=") && !prefix.equals("--")) {
                continue; // "-p secret" is too ambiguous; "--password secret" and "-Dx=y" are not
            }
            String value =
                    m.group(5) != null ? m.group(5) : m.group(6) != null ? m.group(6) : m.group(7);
            if (value.startsWith("-")
                    || value.contains("$")
                    || value.matches("%[A-Za-z_][A-Za-z0-9_]*%")) {
                continue;
            }
            String name = m.group(2);
            Optional<String> kind =
                    SecretRules.keyKind(name, value).or(() -> SecretRules.valueKind(value));
            kind.ifPresent(k -> out.add(new Option(prefix, name, sep, value, k)));
        }
        return out;
    }
}
