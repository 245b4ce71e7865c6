package io.kubelift.generator;

import io.kubelift.generator.kustomize.SecretObjects;
import io.kubelift.model.SecretRef;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code <component>.env.example} beside where the secret values go: every key the component needs,
 * with where it was found and no value, plus the command that turns the filled file into the
 * cluster's Secret for the chosen layout and secrets mode. Meant to be committed; the values never
 * are.
 */
final class SecretExamples {
    private SecretExamples() {}

    static void write(PlanContext ctx, io.kubelift.model.FileSet out) {
        boolean helm = ctx.options().layout().equals(GenerateOptions.HELM);
        String mode = ctx.options().secretsMode();
        for (ComponentContext c : ctx.components()) {
            if (c.component().secrets().isEmpty()) {
                continue;
            }
            String dir = helm ? "secrets/" : "k8s/base/secrets/";
            String env = dir + c.name() + ".env";
            StringBuilder sb =
                    new StringBuilder(
                            "# Secret keys of component "
                                    + c.name()
                                    + " (no values; commit this file, never "
                                    + env
                                    + ").\n");
            if (helm) {
                sb.append(fillIt(env))
                        .append("# Then, per namespace:   kubectl create secret generic ")
                        .append(ObjectNames.secret(c.name()))
                        .append(" --namespace NAMESPACE --from-env-file=")
                        .append(env)
                        .append('\n')
                        .append("# (the chart uses the existing Secret; or set components.")
                        .append(c.name())
                        .append(
                                ".secrets.existingSecret: \"\" and pass the values with --set/-f from a file you do not commit).\n");
            } else if (mode.equals("external-secrets")) {
                sb.append("# The ExternalSecret k8s/base/")
                        .append(ObjectNames.secret(c.name()))
                        .append("-externalsecret.yaml reads these keys ")
                        .append("as properties of the store entry ")
                        .append(ctx.appName())
                        .append('/')
                        .append(c.name())
                        .append(".\n");
            } else if (mode.equals("sealed")) {
                sb.append(fillIt(env))
                        .append(
                                "# Then seal it per environment: the command is at the top of k8s/overlays/<env>/sealed-secrets/")
                        .append(ObjectNames.secret(c.name()))
                        .append("-sealedsecret.yaml.\n");
            } else {
                sb.append("# Fill it (kubectl kustomize needs the file):   cp ")
                        .append(env)
                        .append(".example ")
                        .append(env)
                        .append(" && chmod 600 ")
                        .append(env)
                        .append(" && $EDITOR ")
                        .append(env)
                        .append('\n');
            }
            Map<String, String> lines = new LinkedHashMap<>();
            for (String key : SecretObjects.keys(c)) {
                StringBuilder where = new StringBuilder();
                for (SecretRef r : c.component().secrets()) {
                    if (r.env().equals(key)) {
                        where.append(where.length() == 0 ? "" : ", ")
                                .append(r.key())
                                .append(" in ")
                                .append(r.file());
                    }
                }
                // a key or file name with a newline or ESC stays one inert comment line
                lines.put(key, "# " + SecretEnvFiles.inert(where.toString()) + "\n" + key + "=\n");
            }
            lines.values().forEach(sb::append);
            out.add(env + ".example", sb.toString());
        }
    }

    /** The line that says how to make the env file from its example, values kept out of git. */
    private static String fillIt(String env) {
        return "# Fill it:   cp "
                + env
                + ".example "
                + env
                + " && chmod 600 "
                + env
                + " && $EDITOR "
                + env
                + "\n";
    }
}
