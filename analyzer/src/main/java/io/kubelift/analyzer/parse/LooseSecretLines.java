package io.kubelift.analyzer.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secret scan of a file its parser refused (broken YAML, JSON or XML): each {@code key: value}
 * or {@code key=value} line whose key is a secret name gives a secret, so the value is known to the
 * masking step even though the file's structure is not. The file itself is kept out of ConfigMaps
 * (see the analyzer), so these secrets are never attached to the plan: they exist to be masked
 * wherever else the value appears.
 */
public final class LooseSecretLines {
    private static final Pattern LINE =
            Pattern.compile(
                    "^\\s*(?:-\\s+)?[\"']?([A-Za-z_][\\w.\\-]*)[\"']?\\s*[:=]\\s*(.+?)\\s*,?\\s*$");

    private LooseSecretLines() {}

    public static void scan(SourceFile f, ParseContext ctx) {
        for (int i = 1; i <= f.lines().size(); i++) {
            Matcher m = LINE.matcher(f.line(i));
            if (!m.matches()) {
                continue;
            }
            String value = m.group(2).replaceAll("^[\"']|[\"']$", "");
            final int line = i;
            SecretRules.keyKind(m.group(1), value)
                    .ifPresent(
                            kind ->
                                    ctx.sink()
                                            .secret(
                                                    m.group(1),
                                                    kind,
                                                    SecretRules.literalPart(value),
                                                    ctx.ev(f, line),
                                                    ParseContext.attrs("format", "unparsed")));
        }
    }
}
