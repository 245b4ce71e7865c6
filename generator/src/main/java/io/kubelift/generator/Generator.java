package io.kubelift.generator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubelift.generator.emit.Emitters;
import io.kubelift.generator.emit.ResourceEmitter;
import io.kubelift.generator.layout.Layout;
import io.kubelift.generator.script.JvmCommand;
import io.kubelift.generator.script.StartScript;
import io.kubelift.model.AppFiles;
import io.kubelift.model.Component;
import io.kubelift.model.FileSet;
import io.kubelift.model.KubeliftException;
import io.kubelift.model.MigrationPlan;
import io.kubelift.model.SecretRef;
import io.kubelift.model.SecretSource;
import io.kubelift.model.SecretValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a plan into the output tree (paths relative to the output directory): Kubernetes objects
 * under {@code k8s/base/} (one per file) with their kustomization, per-environment overlays under
 * {@code k8s/overlays/<env>/}, start scripts {@code scripts/<component>/entrypoint.sh} with the
 * resolved argv in {@code command.json}, and secret values only in {@code
 * k8s/base/secrets/<component>.env}. It reads only the plan, the app's config files and secret
 * values; the same input gives the same bytes.
 */
public final class Generator {
    private final List<ResourceEmitter> emitters;
    private final ConfigRewriter rewriter;

    public Generator(List<ResourceEmitter> emitters, ConfigRewriter rewriter) {
        this.emitters = List.copyOf(emitters);
        this.rewriter = Objects.requireNonNull(rewriter);
    }

    public static Generator withDefaults() {
        return new Generator(Emitters.defaults(), ConfigRewriter.withDefaults());
    }

    public FileSet generate(
            MigrationPlan plan, AppFiles app, SecretSource secrets, GenerateOptions options) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(app, "app");
        SecretSource source = secrets == null ? SecretSource.NONE : secrets;
        GenerateOptions opts = options == null ? GenerateOptions.defaults() : options;
        PlanContext ctx = new PlanContext(plan, app, source, opts, rewriter);
        FileSet out = new FileSet();
        List<HasMetadata> objects = emitAll(ctx);
        Layout.named(opts.layout()).write(ctx, objects, out);
        for (Layout delivery : io.kubelift.generator.delivery.DeliveryLayouts.of(opts.delivery())) {
            delivery.write(ctx, objects, out);
        }
        for (ComponentContext c : ctx.components()) {
            c.notes().forEach(out::note);
            out.add(
                    "scripts/" + c.name() + "/entrypoint.sh",
                    StartScript.render(ctx.appName(), c),
                    FileSet.Mode.EXECUTABLE);
            out.add(
                    "scripts/" + c.name() + "/command.json",
                    json(new JvmCommand(c.component()).argv()));
        }
        if (opts.layout().equals(GenerateOptions.KUSTOMIZE) && opts.secretsMode().equals("plain")) {
            SecretEnvFiles.write(ctx, out);
        }
        SecretExamples.write(ctx, out);
        if (!opts.org().sources().isEmpty()) {
            StringBuilder sb =
                    new StringBuilder(
                            "# Organisation defaults used for this output: setting -> where its value came from.\n"
                                    + "# Settings not listed have their built-in default (docs/deploy.md).\n");
            opts.org()
                    .sources()
                    .forEach((k, v) -> sb.append(k).append(": ").append(quote(v)).append('\n'));
            out.add("defaults-sources.yaml", sb.toString());
        }
        checkNoLeak(plan, app, source, out);
        return out;
    }

    private List<HasMetadata> emitAll(PlanContext ctx) {
        List<HasMetadata> objects = new ArrayList<>();
        java.util.Set<String> files = new java.util.HashSet<>();
        for (ResourceEmitter emitter : emitters) {
            for (HasMetadata object : emitter.emit(ctx)) {
                if (!files.add(fileName(object))) {
                    throw KubeliftException.badInput(
                            "plan",
                            "two generated objects would both be " + fileName(object),
                            "rename one of the components");
                }
                objects.add(object);
            }
        }
        return objects;
    }

    /**
     * One apply-ready multi-document YAML for environment {@code env} (see {@link
     * io.kubelift.generator.kustomize.EnvironmentRenderer}); never holds a secret value.
     */
    public String render(
            MigrationPlan plan,
            AppFiles app,
            SecretSource secrets,
            GenerateOptions options,
            String env) {
        GenerateOptions opts = options == null ? GenerateOptions.defaults() : options;
        PlanContext ctx =
                new PlanContext(
                        plan, app, secrets == null ? SecretSource.NONE : secrets, opts, rewriter);
        String text =
                io.kubelift.generator.kustomize.EnvironmentRenderer.render(ctx, emitAll(ctx), env);
        FileSet check = new FileSet().add("rendered/" + env + ".yaml", text);
        checkNoLeak(plan, app, secrets == null ? SecretSource.NONE : secrets, check);
        return text;
    }

    /** The file name of an object in a layout: {@code <name>-<kind>.yaml}. */
    public static String fileName(HasMetadata object) {
        return object.getMetadata().getName()
                + "-"
                + object.getKind().toLowerCase(Locale.ROOT)
                + ".yaml";
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static final java.util.regex.Pattern ENV_REFERENCE =
            java.util.regex.Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    /**
     * {@code command.json}: the argv as a JSON array when it is literally what the container runs;
     * when it references environment variables ({@code -D…=${NAME}}, a secret moved out of the
     * command line) it says so, as {@code {"command": [...], "environment": ["NAME", …]}}: only a
     * shell expands {@code ${NAME}}, so such a component needs an image with one (the image builder
     * picks one, and refuses a base without a shell for it).
     */
    static String json(List<String> argv) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (String a : argv) {
            java.util.regex.Matcher m = ENV_REFERENCE.matcher(a);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        Object doc = argv;
        if (!names.isEmpty()) {
            Map<String, Object> withEnvironment = new java.util.LinkedHashMap<>();
            withEnvironment.put("command", argv);
            withEnvironment.put("environment", List.copyOf(names));
            doc = withEnvironment;
        }
        try {
            return JsonMapper.builder()
                            .enable(SerializationFeature.INDENT_OUTPUT)
                            .build()
                            .writeValueAsString(doc)
                    + "\n";
        } catch (JsonProcessingException e) {
            throw new KubeliftException(
                    KubeliftException.Kind.INTERNAL, "cannot write command.json", e);
        }
    }

    /**
     * A secret value must appear only in the private env files; anything else is a bug, reported
     * without the value.
     */
    private static void checkNoLeak(
            MigrationPlan plan, AppFiles app, SecretSource secrets, FileSet out) {
        // the same rules as the masking net: a shipped default that is also one of the app's own
        // names (Payara's admin/admin) is not confidential, and a word value counts only as a
        // token of its own
        java.util.Set<String> publicWords =
                io.kubelift.model.SecretMask.publicWords(plan, app.list());
        for (Component c : plan.spec().components()) {
            for (SecretRef ref : c.secrets()) {
                Optional<SecretValue> v = secrets.valueOf(ref);
                if (v.isEmpty()
                        || v.get().reveal().length() < 4
                        || !io.kubelift.model.SecretNames.confidentialKind(ref.kind())) {
                    continue; // too short to tell apart from ordinary text, or a user name
                    // (delivered by the Secret,
                    // but the same word may be ordinary text elsewhere, e.g. a database named like
                    // its user)
                }
                io.kubelift.model.SecretMask mask =
                        io.kubelift.model.SecretMask.of(List.of(v.get()), publicWords);
                for (Map.Entry<String, FileSet.Entry> e : out.files().entrySet()) {
                    if (e.getValue().mode() == FileSet.Mode.PRIVATE) {
                        continue;
                    }
                    String text = e.getValue().text();
                    if (mask.leaksIn(text)) {
                        throw KubeliftException.badInput(
                                ref.file(),
                                "the value of secret '"
                                        + ref.key()
                                        + "' would be written to "
                                        + e.getKey(),
                                "list every place the secret occurs in the plan's secrets (same env)");
                    }
                }
            }
        }
    }
}
