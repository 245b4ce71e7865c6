package io.kubelift.generator;

import io.kubelift.model.AppFiles;
import io.kubelift.model.Component;
import io.kubelift.model.ConfigFile;
import io.kubelift.model.KubeliftException;
import io.kubelift.model.MigrationPlan;
import io.kubelift.model.Peer;
import io.kubelift.model.SecretRef;
import io.kubelift.model.SecretSource;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything the emitters read, derived once from the plan: per component its image, its rewritten
 * config files and their checksum. Nothing here guesses: every value comes from the plan, the
 * options or the app's files.
 */
public final class PlanContext {
    private final MigrationPlan plan;
    private final SecretSource secrets;
    private final GenerateOptions options;
    private final Map<String, ComponentContext> components = new LinkedHashMap<>();

    PlanContext(
            MigrationPlan plan,
            AppFiles app,
            SecretSource secrets,
            GenerateOptions options,
            ConfigRewriter rewriter) {
        this.plan = plan;
        this.secrets = secrets;
        this.options = options;
        Map<String, String> images = ImageNames.imagesFor(plan, options);
        for (Component c : plan.spec().components()) {
            checkPeers(c);
            checkHealth(c);
            Split config = withinConfigMapLimit(c.name(), configOf(c, app, rewriter));
            components.put(
                    c.name(),
                    new ComponentContext(
                            c,
                            images.get(c.name()),
                            config.kept(),
                            config.fromImage(),
                            config.notes()));
        }
        for (String name : options.images().keySet()) {
            if (!components.containsKey(name)) {
                throw KubeliftException.usage(
                        "an image is given for component '"
                                + name
                                + "', which the plan does not have",
                        "components: " + String.join(", ", components.keySet()));
            }
        }
    }

    public MigrationPlan plan() {
        return plan;
    }

    public String appName() {
        return plan.metadata().name();
    }

    public GenerateOptions options() {
        return options;
    }

    public SecretSource secrets() {
        return secrets;
    }

    public List<ComponentContext> components() {
        return List.copyOf(components.values());
    }

    public Optional<ComponentContext> component(String name) {
        return Optional.ofNullable(components.get(name));
    }

    private static void checkHealth(Component c) {
        if (c.health() != null
                && c.ports().stream().noneMatch(p -> p.name().equals(c.health().port()))) {
            throw KubeliftException.badInput(
                    c.health().evidence() != null ? c.health().evidence().location() : "plan",
                    "component "
                            + c.name()
                            + " checks health on port '"
                            + c.health().port()
                            + "', which is not one of its ports",
                    "use the name of one of its ports in health.port");
        }
    }

    private void checkPeers(Component c) {
        for (Peer p : c.peers()) {
            if (plan.component(p.component()).isEmpty()) {
                throw KubeliftException.badInput(
                        p.evidence() != null ? p.evidence().location() : "plan",
                        "component "
                                + c.name()
                                + " names peer component '"
                                + p.component()
                                + "', which the plan does not have",
                        "fix peers[].component in the plan");
            }
        }
    }

    private List<ComponentContext.ConfigEntry> configOf(
            Component c, AppFiles app, ConfigRewriter rewriter) {
        Map<String, ConfigFile> files = new TreeMap<>();
        for (ConfigFile f : c.configFiles()) {
            files.put(f.path(), f);
        }
        for (SecretRef s : c.secrets()) {
            files.computeIfAbsent(s.file(), p -> new ConfigFile(p, formatOf(p)));
        }
        for (var o : c.configOverrides()) {
            if (!files.containsKey(o.file())) {
                throw KubeliftException.badInput(
                        o.evidence() != null ? o.evidence().location() : "plan",
                        "component "
                                + c.name()
                                + " overrides "
                                + o.key()
                                + " in "
                                + o.file()
                                + ", which is not one of its configFiles",
                        "add the file to the component's configFiles");
            }
        }
        List<String> names = files.keySet().stream().map(PlanContext::fileName).toList();
        List<ComponentContext.ConfigEntry> out = new ArrayList<>();
        for (ConfigFile f : files.values()) {
            byte[] bytes =
                    app.read(f.path())
                            .orElseThrow(
                                    () ->
                                            KubeliftException.badInput(
                                                    app.displayName() + "/" + f.path(),
                                                    "config file of component "
                                                            + c.name()
                                                            + " not found in the app",
                                                    "fix the path in the plan or add the file"));
            String text;
            boolean latin1 = false;
            try {
                text =
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .decode(ByteBuffer.wrap(bytes))
                                .toString();
            } catch (CharacterCodingException e) {
                // not UTF-8: read as Latin-1 (every byte is a character), as the analyzer did, with
                // a note in the file
                text = new String(bytes, StandardCharsets.ISO_8859_1);
                latin1 = true;
            }
            text = io.kubelift.model.PathPrefixes.move(text, installMoves(plan));
            var rewritten = rewriter.rewrite(c, f, text, peer -> peer, secrets);
            if (latin1) {
                rewritten = latin1(rewritten);
            }
            String base = fileName(f.path());
            String key = names.stream().filter(base::equals).count() == 1 ? base : f.path();
            boolean secretFile = c.secrets().stream().anyMatch(s -> s.file().equals(f.path()));
            out.add(
                    new ComponentContext.ConfigEntry(
                            key.replaceAll("[^-._a-zA-Z0-9]", "_"),
                            rewritten,
                            !secretFile,
                            !rewritten.needsRendering() && rewritten.content().equals(text)));
        }
        return out;
    }

    /**
     * Kubernetes refuses a ConfigMap whose data, keys and values together, is over 1 MiB (the API
     * server's limit, the same as a Secret's).
     */
    static final int CONFIGMAP_DATA_LIMIT = 1024 * 1024;

    /**
     * The entries of one component's ConfigMap that fit in {@link #CONFIGMAP_DATA_LIMIT} all
     * together; the others are left out, each with a note. Entries that only the ConfigMap can
     * deliver (rewritten by kubelift, or holding secret placeholders) are placed first, smallest
     * first; an entry the image holds as it is comes last, and when it does not fit the app reads
     * the image's copy (every app file but a secret-bearing one is in the image).
     */
    static Split withinConfigMapLimit(
            String component, List<ComponentContext.ConfigEntry> entries) {
        List<ComponentContext.ConfigEntry> order = new ArrayList<>(entries);
        order.sort(
                java.util.Comparator.comparing(ComponentContext.ConfigEntry::servedByImage)
                        .thenComparingLong(ComponentContext.ConfigEntry::size)
                        .thenComparing(ComponentContext.ConfigEntry::key));
        long total = 0;
        java.util.Set<ComponentContext.ConfigEntry> kept = new java.util.HashSet<>();
        List<String> fromImage = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (ComponentContext.ConfigEntry e : order) {
            if (total + e.size() <= CONFIGMAP_DATA_LIMIT) {
                kept.add(e);
                total += e.size();
                continue;
            }
            String why =
                    e.file().path()
                            + ": left out of component "
                            + component
                            + "'s ConfigMap: "
                            + e.size() / 1024
                            + " KiB, "
                            + (e.size() > CONFIGMAP_DATA_LIMIT
                                    ? "over"
                                    : "with the component's other config files over")
                            + " the 1 MiB Kubernetes allows in one ConfigMap — ";
            if (e.servedByImage()) {
                fromImage.add(e.file().path());
                notes.add(
                        why
                                + "the app reads the copy in its image, which is the same file; to set it per "
                                + "environment, split it or mount it from a volume in an overlay");
            } else if (e.inImage()) {
                fromImage.add(e.file().path());
                notes.add(
                        why
                                + "the app reads the copy in its image, WITHOUT kubelift's changes to it (hosts, ports, "
                                + "overrides); split it, or mount the changed file from a volume in an overlay");
            } else {
                notes.add(
                        why
                                + "it holds a secret, so it is not in the image either and the app will not find it: "
                                + "split it, or deliver it from a Secret volume in an overlay");
            }
        }
        return new Split(
                entries.stream().filter(kept::contains).toList(),
                List.copyOf(fromImage),
                List.copyOf(notes));
    }

    /** What goes into the ConfigMap, which files the app reads from its image, and the notes. */
    record Split(
            List<ComponentContext.ConfigEntry> kept, List<String> fromImage, List<String> notes) {}

    /**
     * Where the legacy install's own absolute paths are in the image: each {@code
     * spec.source.installedAt} directory is the app home ({@code /opt/app}), each absolute {@code
     * spec.source.homes} directory is {@code /opt/app/<at>}. Every config file the ConfigMaps hold
     * gets them moved, whatever its format ({@code etc/bootstrap.xml} of an Artemis instance names
     * {@code file:/var/lib/broker/etc//broker.xml}), as the analyzer moved them in the launch.
     */
    static Map<String, String> installMoves(MigrationPlan plan) {
        Map<String, String> moves = new TreeMap<>();
        for (var h : plan.spec().source().homes()) {
            String p = trimTrailingSlashes(h.path());
            if (p.startsWith("/") && p.length() > 1) {
                moves.put(p, io.kubelift.model.ImageLayout.APP_HOME + "/" + h.at());
            }
        }
        for (var l : plan.spec().source().installedAt()) {
            moves.put(trimTrailingSlashes(l.path()), io.kubelift.model.ImageLayout.APP_HOME);
        }
        return moves;
    }

    private static String trimTrailingSlashes(String path) {
        String p = path.replace('\\', '/');
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    /**
     * A config file that was Latin-1 goes into the ConfigMap as UTF-8 text (a ConfigMap holds
     * UTF-8). A properties file gets its non-ASCII characters as {@code \\uXXXX} escapes, which
     * mean the same to {@code Properties.load} (which reads Latin-1) and to every UTF-8 reader;
     * other formats are UTF-8 now, said in a first comment line where the format has comments.
     */
    private static io.kubelift.generator.ConfigRewriter.Rewritten latin1(
            io.kubelift.generator.ConfigRewriter.Rewritten r) {
        String content = r.content();
        if (r.format().equals("properties")) {
            StringBuilder b =
                    new StringBuilder(
                            "# kubelift: this file was Latin-1; its non-ASCII characters are \\u escapes now\n");
            for (char ch : content.toCharArray()) {
                b.append(ch < 0x80 ? String.valueOf(ch) : String.format("\\u%04x", (int) ch));
            }
            content = b.toString();
        } else if (r.format().equals("yaml")
                || r.format().equals("shell")
                || r.format().equals("ini")) {
            content = "# kubelift: this file was Latin-1; it is UTF-8 in the ConfigMap\n" + content;
        }
        return new io.kubelift.generator.ConfigRewriter.Rewritten(
                r.path(), r.format(), content, r.needsRendering());
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * The format of a secret's file that is not in configFiles, from its extension (.properties,
     * .yml/.yaml); anything else is text, where the secret's literal value is replaced.
     */
    static String formatOf(String path) {
        String p = path.toLowerCase(java.util.Locale.ROOT);
        if (p.endsWith(".properties")) {
            return "properties";
        }
        if (p.endsWith(".yml") || p.endsWith(".yaml")) {
            return "yaml";
        }
        return "text";
    }
}
