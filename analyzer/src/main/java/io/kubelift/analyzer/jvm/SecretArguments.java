package io.kubelift.analyzer.jvm;

import io.kubelift.analyzer.parse.CommandLineSecrets;
import io.kubelift.analyzer.parse.SecretHit;
import io.kubelift.model.Component;
import io.kubelift.model.Entrypoint;
import io.kubelift.model.Evidence;
import io.kubelift.model.Names;
import io.kubelift.model.SecretRef;
import io.kubelift.model.SecretValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The analysis step that keeps secrets out of a component's command line: a JVM option or program
 * argument holding a secret ({@code -Djavax.net.ssl.keyStorePassword=…}, {@code --db-password=…},
 * {@code --db-password …}, a URL with a password) becomes an environment reference ({@code
 * -Djavax.net.ssl.keyStorePassword=${JAVAX_NET_SSL_KEYSTOREPASSWORD}}), which the generated start
 * script expands from the component's Secret, and the component gets a {@link SecretRef} for it.
 * The value never enters the plan; evidence texts are masked with every value removed.
 */
public final class SecretArguments {
    private SecretArguments() {}

    /**
     * The component with secret-bearing options turned into references. {@code hits} are the app's
     * secrets (to name the file a value comes from); the values moved out are added to {@code
     * removed}, for the masking step.
     */
    public static Component apply(Component c, List<SecretHit> hits, List<SecretValue> removed) {
        Entrypoint e = c.entrypoint();
        if (e == null) {
            return c;
        }
        Map<String, SecretRef> refs = new LinkedHashMap<>();
        c.secrets().forEach(r -> refs.put(r.env(), r));
        List<SecretRef> added = new ArrayList<>();
        List<SecretValue> moved =
                new ArrayList<>(); // only what this step moves out masks the evidence here
        List<String> jvm = rewrite(e.jvmOptions(), c, e, hits, refs, added, moved);
        List<String> args = rewrite(e.args(), c, e, hits, refs, added, moved);
        List<String> command = rewrite(e.command(), c, e, hits, refs, added, moved);
        if (moved.isEmpty()) {
            return c;
        }
        removed.addAll(moved);
        List<SecretRef> secrets = new ArrayList<>(c.secrets());
        secrets.addAll(added);
        Entrypoint e2 =
                new Entrypoint(
                        e.script(),
                        e.mainClass(),
                        e.jar(),
                        command,
                        e.classpath(),
                        jvm,
                        args,
                        e.workingDir(),
                        mask(e.evidence(), moved));
        return c.toBuilder()
                .entrypoint(e2)
                .secrets(secrets)
                .evidence(mask(c.evidence(), moved))
                .description(maskText(c.description(), moved))
                .build();
    }

    private static List<String> rewrite(
            List<String> words,
            Component c,
            Entrypoint e,
            List<SecretHit> hits,
            Map<String, SecretRef> refs,
            List<SecretRef> added,
            List<SecretValue> removed) {
        List<String> out = new ArrayList<>(words);
        for (int i = 0; i < out.size(); i++) {
            String w = out.get(i);
            boolean spaced = w.startsWith("--") && !w.contains("=") && i + 1 < out.size();
            String joined = spaced ? w + " " + out.get(i + 1) : w;
            List<CommandLineSecrets.Option> found = CommandLineSecrets.options(joined);
            if (found.isEmpty()
                    || !joined.startsWith(found.get(0).prefix() + found.get(0).name())) {
                continue;
            }
            CommandLineSecrets.Option o = found.get(0);
            if (!spaced
                    && w.indexOf('=')
                            > 0) { // a word is one argument: the value is all of it after '='
                o =
                        new CommandLineSecrets.Option(
                                o.prefix(),
                                o.name(),
                                "=",
                                w.substring(w.indexOf('=') + 1),
                                o.kind());
            }
            final CommandLineSecrets.Option opt = o;
            SecretHit hit =
                    hits.stream()
                            .filter(
                                    h ->
                                            h.key().equals(opt.name())
                                                    && h.value().reveal().equals(opt.value()))
                            .findFirst()
                            .orElse(null);
            // the secret the detector already attached (same key, same file) keeps its variable
            SecretRef existing =
                    refs.values().stream()
                            .filter(
                                    r ->
                                            r.key().equals(opt.name())
                                                    && (hit == null || r.file().equals(hit.file())))
                            .findFirst()
                            .orElse(null);
            String env;
            if (existing != null) {
                env = existing.env();
            } else {
                env = Names.envName(opt.name());
                if (refs.containsKey(env)) {
                    env =
                            uniqueEnv(
                                    env,
                                    refs); // taken by another secret (an exported API_TOKEN beside
                    // --api-token=)
                }
                String file =
                        hit != null
                                ? hit.file()
                                : e.script() != null
                                        ? e.script()
                                        : e.evidence() != null
                                                ? e.evidence().file()
                                                : c.evidence() != null ? c.evidence().file() : null;
                if (file == null) {
                    continue;
                }
                SecretRef ref =
                        new SecretRef(
                                opt.name(),
                                file,
                                opt.kind(),
                                env,
                                hit != null
                                        ? hit.evidence()
                                        : mask(e.evidence(), List.of(SecretValue.of(opt.value()))));
                refs.put(env, ref);
                added.add(ref);
            }
            removed.add(SecretValue.of(o.value()));
            String reference = "${" + env + "}";
            if (spaced) {
                out.set(i + 1, reference);
                i++;
            } else {
                out.set(i, o.prefix() + o.name() + "=" + reference);
            }
        }
        return out;
    }

    static String uniqueEnv(String env, Map<String, SecretRef> taken) {
        for (int n = 2; ; n++) {
            if (!taken.containsKey(env + "_" + n)) {
                return env + "_" + n;
            }
        }
    }

    /**
     * Gives every secret of a component its own environment variable: two secrets that would share
     * one (the same key in application.properties and application-prod.properties, a token exported
     * in a script and set in a config file) get {@code NAME}, {@code NAME_2}, … in the order of the
     * plan. The same key in the same file keeps one variable.
     */
    public static Component uniqueEnvNames(Component c) {
        Map<String, SecretRef> byEnv = new LinkedHashMap<>();
        List<SecretRef> out = new ArrayList<>();
        boolean changed = false;
        for (SecretRef r : c.secrets()) {
            SecretRef prior = byEnv.get(r.env());
            if (prior != null && !(prior.key().equals(r.key()) && prior.file().equals(r.file()))) {
                String env = uniqueEnv(r.env(), byEnv);
                r = new SecretRef(r.key(), r.file(), r.kind(), env, r.commentedOut(), r.evidence());
                changed = true;
            }
            byEnv.putIfAbsent(r.env(), r);
            out.add(r);
        }
        return changed ? c.toBuilder().secrets(out).build() : c;
    }

    private static Evidence mask(Evidence ev, List<SecretValue> values) {
        if (ev == null || ev.text() == null) {
            return ev;
        }
        String t = maskText(ev.text(), values);
        return t.equals(ev.text()) ? ev : new Evidence(ev.file(), ev.line(), t);
    }

    private static String maskText(String text, List<SecretValue> values) {
        String t = text;
        for (SecretValue v : values) {
            t = v.maskIn(t);
        }
        return t;
    }
}
