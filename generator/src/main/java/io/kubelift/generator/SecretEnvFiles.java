package io.kubelift.generator;

import io.kubelift.generator.kustomize.KustomizeLayout;
import io.kubelift.model.FileSet;
import io.kubelift.model.KubeliftException;
import io.kubelift.model.SecretRef;
import io.kubelift.model.SecretValue;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The only place secret values are written: {@code k8s/base/secrets/<component>.env} (mode 0600), the input of
 * Kustomize's secretGenerator, plus a {@code .gitignore} that keeps them out of version control. A value the
 * {@link io.kubelift.model.SecretSource} does not know is written empty, with a comment saying where it was.
 */
final class SecretEnvFiles {
    private SecretEnvFiles() {
    }

    static void write(PlanContext ctx, FileSet out) {
        StringBuilder ignore = new StringBuilder("# Secret values for Kustomize's secretGenerator: never commit these files.\n");
        for (ComponentContext c : ctx.components()) {
            if (c.component().secrets().isEmpty()) {
                continue;
            }
            TreeMap<String, String> lines = new TreeMap<>();
            for (SecretRef ref : c.component().secrets()) {
                Optional<SecretValue> v = ctx.secrets().valueOf(ref);
                String value = v.map(SecretValue::reveal).orElse("");
                if (value.contains("\n") || value.contains("\r")) {
                    throw KubeliftException.badInput(ref.file(), "the value of secret '" + ref.key() + "' spans several lines, "
                            + "which an env file cannot hold", "put it in a file and reference that file instead");
                }
                String comment = "# " + ref.key() + " from " + ref.file()
                        + (v.isEmpty() ? ": value not found, fill it in before deploying" : "") + "\n";
                String prior = lines.put(ref.env(), comment + ref.env() + "=" + value + "\n");
                if (prior != null && !prior.equals(lines.get(ref.env()))) {
                    throw KubeliftException.badInput(ref.file(), "two secrets of component " + c.name() + " use env " + ref.env(),
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
