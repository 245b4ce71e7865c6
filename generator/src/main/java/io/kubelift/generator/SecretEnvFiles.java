package io.kubelift.generator;

import io.kubelift.generator.kustomize.KustomizeLayout;
import io.kubelift.model.FileSet;
import io.kubelift.model.KubeliftException;
import io.kubelift.model.SecretRef;
import io.kubelift.model.SecretValue;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The only place secret values are written: {@code k8s/base/secrets/<component>.env} (mode 0600),
 * the input of Kustomize's secretGenerator, plus a {@code .gitignore} that keeps them out of
 * version control. A value the {@link io.kubelift.model.SecretSource} does not know is written
 * empty, with a comment saying where it was.
 */
final class SecretEnvFiles {
    private SecretEnvFiles() {}

    /**
     * Control characters as visible escapes ({@code \\n}, {@code \\u001b}), so a comment stays one
     * inert line.
     */
    static String inert(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            if (ch == '\n') {
                b.append("\\n");
            } else if (ch == '\r') {
                b.append("\\r");
            } else if (ch < 0x20
                    || ch == 0x7f
                    || ch >= 0x80 && ch < 0xa0
                    || ch == '\u2028'
                    || ch == '\u2029') {
                b.append(String.format("\\u%04x", (int) ch));
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    static void write(PlanContext ctx, FileSet out) {
        StringBuilder ignore =
                new StringBuilder(
                        "# Secret values for Kustomize's secretGenerator: never commit these files.\n");
        for (ComponentContext c : ctx.components()) {
            if (c.component().secrets().isEmpty()) {
                continue;
            }
            TreeMap<String, String> lines = new TreeMap<>();
            for (SecretRef ref : c.component().secrets()) {
                Optional<SecretValue> v = ctx.secrets().valueOf(ref);
                // a YAML block scalar ends with one line break, which is not part of what the app
                // compares
                String value = v.map(SecretValue::reveal).orElse("").replaceFirst("\r?\n$", "");
                if (value.contains("\n") || value.contains("\r")) {
                    throw KubeliftException.badInput(
                            ref.file(),
                            "the value of secret '"
                                    + ref.key()
                                    + "' spans several lines, "
                                    + "which an env file cannot hold",
                            "put it in a file and reference that file instead");
                }
                if (!value.isEmpty()
                        && !value.chars().allMatch(ch -> ch == '\t' || ch >= 0x20 && ch != 0x7f)) {
                    throw KubeliftException.badInput(
                            ref.file(),
                            "the value of secret '"
                                    + ref.key()
                                    + "' holds control "
                                    + "characters, which an env file cannot hold",
                            "put it in a file and reference that file instead");
                }
                // key and file come from the app (a file name may hold a newline or ESC): the
                // comment stays one inert
                // line, so nothing in it can start a KEY=value line of its own
                String comment =
                        "# "
                                + inert(ref.key())
                                + " from "
                                + inert(ref.file())
                                + (v.isEmpty()
                                        ? ": value not found, fill it in before deploying"
                                        : "")
                                + "\n";
                String prior = lines.put(ref.env(), comment + ref.env() + "=" + value + "\n");
                if (prior != null && !prior.equals(lines.get(ref.env()))) {
                    throw KubeliftException.badInput(
                            ref.file(),
                            "two secrets of component " + c.name() + " use env " + ref.env(),
                            "give one of them another env name in the plan");
                }
            }
            String path = "k8s/base/" + KustomizeLayout.secretEnvFile(c.name());
            out.add(path, String.join("", lines.values()), FileSet.Mode.PRIVATE);
            ignore.append(path).append('\n');
        }
        if (ignore.indexOf("\nk8s/") >= 0) {
            out.add(".gitignore", ignore.toString());
        }
    }
}
