package io.kubelift.generator;

import io.kubelift.generator.config.ConfigEdit;
import io.kubelift.generator.config.ConfigFormat;
import io.kubelift.generator.config.HadoopXmlFormat;
import io.kubelift.generator.config.PropertiesFormat;
import io.kubelift.generator.config.YamlFormat;
import io.kubelift.model.Component;
import io.kubelift.model.ConfigFile;
import io.kubelift.model.ConfigOverride;
import io.kubelift.model.KubeliftException;
import io.kubelift.model.Peer;
import io.kubelift.model.SecretRef;
import io.kubelift.model.SecretSource;
import io.kubelift.model.SecretValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Rewrites a component's config files for Kubernetes, format by format (hadoop-xml, properties,
 * yaml; other formats are copied as they are). It applies, in this order: the plan's peers (legacy
 * host → the peer's Service DNS name), its configOverrides, and its secrets (the value → an
 * environment placeholder: {@code ${env.X}} for Hadoop, which expands it itself, {@code ${X}}
 * elsewhere, substituted by the start script). The rest of the file — structure, comments, order —
 * stays as it was.
 */
final class ConfigRewriter {
    private final List<ConfigFormat> formats;

    public ConfigRewriter(List<ConfigFormat> formats) {
        this.formats = List.copyOf(formats);
    }

    public static ConfigRewriter withDefaults() {
        return new ConfigRewriter(
                List.of(new HadoopXmlFormat(), new PropertiesFormat(), new YamlFormat()));
    }

    public Optional<ConfigFormat> format(String name) {
        return formats.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /**
     * A config file after rewriting. {@code needsRendering}: it holds {@code ${X}} placeholders the
     * start script fills in.
     */
    public record Rewritten(String path, String format, String content, boolean needsRendering) {}

    /**
     * Rewrites one file of {@code component}. {@code serviceHost} maps a peer component's name to
     * the host name the file should use. {@code secrets} is consulted only for files whose format
     * cannot be edited by key: there the secret's literal value is replaced by its placeholder.
     */
    public Rewritten rewrite(
            Component component,
            ConfigFile file,
            String text,
            Function<String, String> serviceHost,
            SecretSource secrets) {
        Optional<ConfigFormat> format = format(file.format());
        text = maskCommented(file, text, component.secrets(), secrets);
        List<ConfigEdit> edits = new ArrayList<>();
        for (Peer peer : component.peers()) {
            if (peer.file() == null || peer.file().equals(file.path())) {
                ConfigEdit e =
                        ConfigEdit.replaceHost(
                                peer.configKey(),
                                peer.host(),
                                serviceHost.apply(peer.component()),
                                "host of component "
                                        + peer.component()
                                        + " is its Kubernetes Service");
                // a peer without a file applies only where the key exists
                edits.add(peer.file() == null ? onlyIfPresent(e) : e);
            }
        }
        for (ConfigOverride o : component.configOverrides()) {
            if (o.file().equals(file.path())) {
                edits.add(ConfigEdit.set(o.key(), o.value(), o.reason()));
            }
        }
        // a commented-out setting (#db-password=x) is not rewritten: the app does not read it, and
        // the masking step hides its value in the copy
        List<SecretRef> fileSecrets =
                component.secrets().stream()
                        .filter(s -> s.file().equals(file.path()) && !s.inComment())
                        .toList();
        if (format.isEmpty()) {
            if (!edits.isEmpty()) {
                throw KubeliftException.badInput(
                        file.path(),
                        "format '"
                                + file.format()
                                + "' cannot be edited, but the plan "
                                + "changes keys in it ("
                                + edits.get(0).key()
                                + ")",
                        "set the file's format in the plan to hadoop-xml, properties or yaml, or remove the peer/override");
            }
            return literalSecrets(file, text, fileSecrets, secrets);
        }
        ConfigFormat f = format.get();
        List<ConfigEdit> others = List.copyOf(edits);
        List<SecretRef> byKey = new ArrayList<>(fileSecrets);
        List<SecretRef> byValue = new ArrayList<>();
        String out;
        while (true) {
            List<ConfigEdit> all = new ArrayList<>(others);
            for (SecretRef s : byKey) {
                all.add(
                        ConfigEdit.secret(
                                s.key(),
                                f.envPlaceholder(s.env()),
                                "secret, read from environment variable " + s.env()));
            }
            try {
                out = f.apply(text, all);
                break;
            } catch (ConfigEdit.MissingKeyException e) {
                // a key the line editor cannot address (a YAML list item, flow mapping or block
                // scalar): the secret's
                // value is replaced where it stands instead, so an ordinary file never stops the
                // conversion
                SecretRef missing =
                        byKey.stream()
                                .filter(r -> r.key().equals(e.key()))
                                .findFirst()
                                .orElse(null);
                if (missing == null) {
                    throw KubeliftException.badInput(
                            file.path(),
                            "the plan names '" + e.key() + "' but the file has no such key",
                            "fix the key or file in the plan");
                }
                byKey.remove(missing);
                byValue.add(missing);
            } catch (IllegalArgumentException e) {
                throw KubeliftException.badInput(
                        file.path(),
                        "cannot be edited as " + f.name() + ": " + e.getMessage(),
                        "check the file's format in the plan");
            }
        }
        if (!byValue.isEmpty()) {
            try {
                out = literalSecrets(file, out, byValue, secrets).content();
            } catch (KubeliftException e) {
                throw KubeliftException.badInput(
                        file.path(),
                        "the plan names secret '"
                                + byValue.get(0).key()
                                + "' but the "
                                + "file has no such key, and its value is not found in it",
                        "fix the secret's key or file in the plan");
            }
        }
        return new Rewritten(
                file.path(), f.name(), out, !fileSecrets.isEmpty() && !f.appResolvesPlaceholders());
    }

    /**
     * A commented-out secret ({@code #db-password=x}) is masked where it stands, on its own line:
     * the app does not read it, so it needs no placeholder, and the rest of the comment text (which
     * may hold the same word, {@code # The password of …}) stays as written. Done before any edit,
     * while the evidence's line number is still the file's.
     */
    private static String maskCommented(
            ConfigFile file, String text, List<SecretRef> all, SecretSource secrets) {
        List<SecretRef> commented =
                all.stream().filter(s -> s.file().equals(file.path()) && s.inComment()).toList();
        if (commented.isEmpty()) {
            return text;
        }
        String[] lines = text.split("\n", -1);
        for (SecretRef ref : commented) {
            Optional<SecretValue> v = secrets.valueOf(ref);
            if (v.isEmpty() || v.get().isEmpty()) {
                continue;
            }
            java.util.regex.Pattern token =
                    java.util.regex.Pattern.compile(
                            "(?<=^|[\"'=:;\\s>{\\[,])"
                                    + java.util.regex.Pattern.quote(v.get().reveal())
                                    + "(?=$|[\"'\\s;&,<}\\]])");
            int at = ref.evidence() == null ? 0 : ref.evidence().line();
            boolean done = false;
            if (at >= 1 && at <= lines.length) {
                java.util.regex.Matcher m = token.matcher(lines[at - 1]);
                if (m.find()) {
                    lines[at - 1] =
                            m.replaceAll(
                                    java.util.regex.Matcher.quoteReplacement(SecretValue.MASK));
                    done = true;
                }
            }
            if (!done) { // no line to go by: every place the value stands as a token of its own
                for (int i = 0; i < lines.length; i++) {
                    lines[i] =
                            token.matcher(lines[i])
                                    .replaceAll(
                                            java.util.regex.Matcher.quoteReplacement(
                                                    SecretValue.MASK));
                }
            }
        }
        return String.join("\n", lines);
    }

    private static ConfigEdit onlyIfPresent(ConfigEdit e) {
        return new ConfigEdit(
                e.key(), e.reason(), current -> current == null ? null : e.change().apply(current));
    }

    private static Rewritten literalSecrets(
            ConfigFile file, String text, List<SecretRef> refs, SecretSource secrets) {
        String out = text;
        // values already replaced by an earlier secret of this file: two settings that share one
        // value (WildFly's
        // <security user-name="sa" password="sa"/>) leave nothing for the second to find, and both
        // env vars hold it
        java.util.Set<String> replaced = new java.util.HashSet<>();
        for (SecretRef ref : refs) {
            Optional<SecretValue> v =
                    secrets.valueOf(ref)
                            .map(x -> SecretValue.of(x.reveal().replaceFirst("\r?\n$", "")));
            if (v.isPresent() && replaced.contains(v.get().reveal())) {
                continue;
            }
            if (v.isEmpty() || v.get().isEmpty() || !out.contains(v.get().reveal())) {
                throw KubeliftException.badInput(
                        file.path(),
                        "secret '"
                                + ref.key()
                                + "' is in a file of format '"
                                + file.format()
                                + "', which kubelift cannot edit by key, and its value is not known",
                        "set the file's format in the plan to properties, yaml or hadoop-xml");
            }
            // only where the value stands as a whole token (a quoted or assigned value, a field of
            // a user;hash;groups line), never inside a longer word:
            // a user name 'shop' must not turn 'jdbc/shop' into 'jdbc/${DB_USER}'
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile(
                                    "(?<=^|[\"'=:;\\s>{\\[,])"
                                            + java.util.regex.Pattern.quote(v.get().reveal())
                                            + "(?=$|[\"'\\s;&,<}\\]])",
                                    java.util.regex.Pattern.MULTILINE)
                            .matcher(out);
            if (!m.find()) {
                throw KubeliftException.badInput(
                        file.path(),
                        "secret '"
                                + ref.key()
                                + "' is in a file of format '"
                                + file.format()
                                + "', which kubelift cannot edit by key, and its value is not a separate token there",
                        "set the file's format in the plan to properties, yaml or hadoop-xml");
            }
            out = m.replaceAll(java.util.regex.Matcher.quoteReplacement("${" + ref.env() + "}"));
            replaced.add(v.get().reveal());
        }
        return new Rewritten(file.path(), file.format(), out, !refs.isEmpty());
    }
}
