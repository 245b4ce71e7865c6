package io.kubelift.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.Port;
import io.kubelift.model.AppFiles;
import io.kubelift.model.Component;
import io.kubelift.model.FileSet;
import io.kubelift.model.ImageLayout;
import io.kubelift.model.KubeliftException;
import io.kubelift.model.LogDir;
import io.kubelift.model.MigrationPlan;
import io.kubelift.model.ProjectDescriptor;
import io.kubelift.model.StateDir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;

/**
 * Every image kubelift builds, from either source: an installed app's plan ({@link
 * #build(MigrationPlan, AppFiles, FileSet, Set)}) or a build project's own output ({@link
 * #build(ProjectDescriptor, Component, boolean, Set)}, the Maven plugin's). Both use one {@link
 * ImageOptions}, one target syntax ({@code tar:}, {@code registry:}, {@code docker:}) and one image
 * layout ({@link ImageLayout}: the app below {@code /opt/app}).
 *
 * <p>An installed app: one OCI image per component with jib-core, offline: the base (a jlink
 * runtime on scratch, a debootstrapped Debian JRE, or an image the user names), then the app's
 * third-party jars, its own jars and classes, its config defaults (all under {@code /opt/app}),
 * then the generated start script at {@code /opt/kubelift/bin/entrypoint.sh}. Creation time and
 * file times are the epoch, so an unchanged plan gives the same digests; layers are cached in
 * {@code cacheDir/jib}, so a rebuild after a one-class change only re-makes the {@code application}
 * layer.
 */
public final class ImageBuilder {
    static final AbsoluteUnixPath SCRIPTS = AbsoluteUnixPath.get("/opt/kubelift/bin");
    static final String ENTRYPOINT = "/opt/kubelift/bin/entrypoint.sh";

    private final ImageOptions options;

    public ImageBuilder(ImageOptions options) {
        this.options = options;
    }

    /**
     * Builds and stores every component's image.
     *
     * @param generated the generator's output; holds {@code scripts/<component>/entrypoint.sh} and
     *     {@code command.json}
     */
    public BuildResult build(MigrationPlan plan, AppFiles app, FileSet generated) {
        return build(plan, app, generated, Set.of());
    }

    /**
     * Like {@link #build(MigrationPlan, AppFiles, FileSet)}, leaving out {@code secretFiles}
     * (app-relative paths) besides the files the plan's secrets name: callers that know more files
     * holding secrets (the analyzer's facts) pass them, so no secret is baked into a layer.
     */
    public BuildResult build(
            MigrationPlan plan, AppFiles app, FileSet generated, Set<String> secretFiles) {
        ImageTarget target = ImageTarget.parse(options.target());
        String planName = plan.metadata().name();
        Path stage = options.cacheDir().resolve("stage").resolve(planName);
        AppLayers appLayers =
                AppLayers.stage(app, plan, secretFiles, new Staging(stage.resolve("app")));
        Map<String, BaseImage> bases = new HashMap<>();
        Map<String, String> images = new TreeMap<>();
        Map<String, String> digests = new TreeMap<>();
        List<Component> components = new ArrayList<>(plan.spec().components());
        components.sort(Comparator.comparing(Component::name));
        for (Component c : components) {
            String baseKind = baseKind(c, generated);
            BaseImage base = bases.computeIfAbsent(baseKind, k -> resolveBase(k, c, appLayers));
            JibContainerBuilder jib =
                    image(
                            planName,
                            c,
                            base,
                            appLayers,
                            generated,
                            new Staging(stage.resolve("os-" + c.name())));
            JibContainer built =
                    containerize(jib, target.containerizer(planName, c.name()), c.name());
            digests.put(c.name(), built.getDigest().toString());
            images.put(c.name(), target.reference(planName, c.name(), built.getDigest()));
        }
        return new BuildResult(images, digests);
    }

    /**
     * Builds one component's image from a build project's output, the way jib-maven-plugin does
     * (dependencies, snapshot dependencies, resources and classes as separate layers below {@link
     * ImageLayout#APP_HOME}, or a WAR exploded into Tomcat), leaving out {@code secretResources}
     * (paths relative to the classes directory): a file that holds a secret is delivered by the
     * generated ConfigMap and Secret, never baked into a layer.
     *
     * @param onlyComponent the image gets {@link ImageOptions#image()} as its name; otherwise the
     *     component name is appended to the repository
     */
    public ProjectImage build(
            ProjectDescriptor project,
            Component component,
            boolean onlyComponent,
            Set<String> secretResources) {
        return new ProjectImages(options).build(project, component, onlyComponent, secretResources);
    }

    /** {@code jlink}, {@code debian}, or the user's {@code registry:}/{@code tar:} base. */
    String baseKind(Component c) {
        return baseKind(c, new FileSet());
    }

    /**
     * As {@link #baseKind(Component)}; by default a component also gets a base with a shell when
     * its {@code command.json} references environment variables ({@code ${NAME}}), which only its
     * start script expands.
     */
    String baseKind(Component c, FileSet generated) {
        String b = options.base();
        if (b == null || b.isBlank() || b.equals("auto")) {
            boolean shell = c.runtime() != null && Boolean.TRUE.equals(c.runtime().shell());
            return shell || !environmentReferences("scripts/" + c.name() + "/", generated).isEmpty()
                    ? "debian"
                    : "jlink";
        }
        if (b.equals("jlink")
                || b.equals("debian")
                || b.startsWith("registry:")
                || b.startsWith("tar:")) {
            return b;
        }
        throw KubeliftException.usage(
                "unknown base '" + b + "'", "use jlink, debian, registry:REF or tar:PATH");
    }

    private BaseImage resolveBase(String kind, Component c, AppLayers app) {
        if (kind.equals("jlink")) {
            return new JlinkBase(options.cacheDir()).resolve(app.jars());
        }
        if (kind.equals("debian")) {
            return new DebianBase(options.cacheDir())
                    .resolve(c.runtime() == null ? null : c.runtime().java());
        }
        if (kind.startsWith("registry:")) {
            String ref = kind.substring("registry:".length());
            ImageTarget.ref(ref);
            return new BaseImage(
                    ref,
                    () -> {
                        try {
                            return Jib.from(RegistryImage.named(ref));
                        } catch (InvalidImageReferenceException e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    List.of(),
                    true,
                    Map.of(),
                    null,
                    null);
        }
        Path tar = Path.of(kind.substring("tar:".length()));
        if (!Files.isRegularFile(tar)) {
            throw KubeliftException.badInput(
                    tar.toString(),
                    "base image archive not found",
                    "give a docker-archive made by `podman save --format docker-archive` or `docker save`");
        }
        return new BaseImage(
                tar.getFileName().toString(),
                () -> Jib.from(TarImage.at(tar)),
                List.of(),
                true,
                Map.of(),
                null,
                null);
    }

    private JibContainerBuilder image(
            String planName,
            Component c,
            BaseImage base,
            AppLayers app,
            FileSet generated,
            Staging os) {
        String scriptDir = "scripts/" + c.name() + "/";
        if (!generated.contains(scriptDir + "entrypoint.sh")) {
            throw KubeliftException.badInput(
                    scriptDir + "entrypoint.sh",
                    "the generated start script is missing",
                    "run `kubelift generate` (or convert) before build");
        }
        ImageUser user = ImageUser.of(c.runtime() == null ? null : c.runtime().user());
        JibContainerBuilder jib = base.start().get();
        base.layers().forEach(jib::addFileEntriesLayer);
        jib.addFileEntriesLayer(osLayer(c, base, user, os));
        jib.addFileEntriesLayer(app.dependencies())
                .addFileEntriesLayer(app.application())
                .addFileEntriesLayer(app.config());
        jib.addFileEntriesLayer(scriptLayer(scriptDir, generated, os));
        if (base.hasShell()) {
            jib.setEntrypoint(ENTRYPOINT);
        } else {
            List<String> argv = commandJson(scriptDir, generated);
            Set<String> refs = environmentReferences(scriptDir, generated);
            if (!refs.isEmpty()) {
                throw KubeliftException.badInput(
                        scriptDir + "command.json",
                        "the command references "
                                + refs.stream()
                                        .map(n -> "${" + n + "}")
                                        .collect(java.util.stream.Collectors.joining(", "))
                                + " (secrets moved out of the command line), which only a shell expands, and base "
                                + base.description()
                                + " has none",
                        "build this component with --base debian (or a base with /bin/sh): its start script expands them");
            }
            jib.setEntrypoint(argv);
        }
        jib.setProgramArguments(List.of());
        Map<String, String> env = new TreeMap<>(base.env());
        if (!env.isEmpty()) {
            env.put("HOME", user.home());
            jib.setEnvironment(env);
        }
        jib.setUser(user.ownership());
        jib.setWorkingDirectory(workingDir(c));
        Set<Port> ports = new LinkedHashSet<>();
        c.ports().stream()
                .sorted(Comparator.comparingInt(io.kubelift.model.Port::port))
                .forEach(
                        p ->
                                ports.add(
                                        "UDP".equalsIgnoreCase(p.protocol())
                                                ? Port.udp(p.port())
                                                : Port.tcp(p.port())));
        jib.setExposedPorts(ports);
        Map<String, String> labels = new TreeMap<>();
        labels.put("org.opencontainers.image.title", planName + "-" + c.name());
        labels.put(
                "org.opencontainers.image.description",
                c.description() != null
                        ? c.description()
                        : "The "
                                + c.name()
                                + " component of "
                                + planName
                                + ", migrated by kubelift");
        labels.put("org.opencontainers.image.created", "1970-01-01T00:00:00Z");
        labels.put("org.opencontainers.image.base.name", base.description());
        labels.put("org.opencontainers.image.vendor", "kubelift");
        labels.put("io.kubelift.plan", planName);
        labels.put("io.kubelift.component", c.name());
        jib.setLabels(labels);
        jib.setCreationTime(Instant.EPOCH);
        return jib;
    }

    /**
     * passwd/group with the runtime user, /tmp on scratch, and the user's home and the plan's state
     * and log dirs writable.
     */
    private static FileEntriesLayer osLayer(
            Component c, BaseImage base, ImageUser user, Staging os) {
        FileEntriesLayer.Builder b = FileEntriesLayer.builder().setName("os-user");
        Path passwd =
                os.write("passwd", user.passwd(base.passwd()).getBytes(StandardCharsets.UTF_8));
        Path group = os.write("group", user.group(base.group()).getBytes(StandardCharsets.UTF_8));
        Path empty = os.emptyDir();
        b.addEntry(
                passwd,
                AbsoluteUnixPath.get("/etc/passwd"),
                FilePermissions.fromOctalString("644"),
                Instant.EPOCH,
                "0:0");
        b.addEntry(
                group,
                AbsoluteUnixPath.get("/etc/group"),
                FilePermissions.fromOctalString("644"),
                Instant.EPOCH,
                "0:0");
        if (!base.hasShell()) {
            // scratch has no /tmp; Jib cannot set the sticky bit, so it is 0777 (one user per
            // container anyway)
            b.addEntry(
                    empty,
                    AbsoluteUnixPath.get("/tmp"),
                    FilePermissions.fromOctalString("777"),
                    Instant.EPOCH,
                    "0:0");
        }
        Set<String> writable = new TreeSet<>();
        writable.add(user.home());
        for (StateDir s : c.state()) {
            writable.add(containerPath(s.path()));
        }
        for (LogDir l : c.logs()) {
            writable.add(containerPath(l.path()));
        }
        for (String d : writable) {
            if (!d.equals("/tmp")) {
                b.addEntry(
                        empty,
                        AbsoluteUnixPath.get(d),
                        FilePermissions.fromOctalString("775"),
                        Instant.EPOCH,
                        user.ownership());
            }
        }
        return b.build();
    }

    private static FileEntriesLayer scriptLayer(String scriptDir, FileSet generated, Staging os) {
        FileEntriesLayer.Builder b = FileEntriesLayer.builder().setName("start-scripts");
        generated
                .files()
                .forEach(
                        (path, entry) -> {
                            if (path.startsWith(scriptDir)) {
                                String rel = path.substring(scriptDir.length());
                                Path src = os.write("scripts/" + rel, entry.content());
                                String mode =
                                        entry.mode() == FileSet.Mode.EXECUTABLE
                                                        || rel.equals("entrypoint.sh")
                                                ? "755"
                                                : "644";
                                b.addEntry(
                                        src,
                                        SCRIPTS.resolve(rel),
                                        FilePermissions.fromOctalString(mode),
                                        Instant.EPOCH,
                                        "0:0");
                            }
                        });
        return b.build();
    }

    /**
     * The argv from {@code command.json}: a JSON array of strings, or an object with a {@code
     * command} array.
     */
    static List<String> commandJson(String scriptDir, FileSet generated) {
        String path = scriptDir + "command.json";
        String text = generated.text(path);
        if (text == null) {
            throw KubeliftException.badInput(
                    path,
                    "a base without a shell needs the JSON argv, and it is missing",
                    "regenerate, or build with --base debian");
        }
        try {
            JsonNode n = new ObjectMapper().readTree(text);
            JsonNode arr = n.isArray() ? n : n.path("command");
            List<String> argv = new ArrayList<>();
            if (arr.isArray()) {
                arr.forEach(e -> argv.add(e.asText()));
            }
            if (argv.isEmpty()
                    || arr.size() != argv.size()
                    || argv.stream().anyMatch(String::isEmpty)) {
                throw KubeliftException.badInput(
                        path,
                        "expected a non-empty JSON array of strings",
                        "regenerate the scripts");
            }
            return argv;
        } catch (IOException e) {
            throw KubeliftException.badInput(
                    path, "not valid JSON: " + e.getMessage(), "regenerate the scripts");
        }
    }

    private static final java.util.regex.Pattern ENV_REFERENCE =
            java.util.regex.Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    /**
     * The environment variables {@code command.json}'s argv references as {@code ${NAME}} (empty
     * when it has none, or no command.json): a base without a shell would pass them literally.
     */
    static Set<String> environmentReferences(String scriptDir, FileSet generated) {
        Set<String> names = new java.util.TreeSet<>();
        if (generated.text(scriptDir + "command.json") == null) {
            return names;
        }
        for (String a : commandJson(scriptDir, generated)) {
            java.util.regex.Matcher m = ENV_REFERENCE.matcher(a);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static AbsoluteUnixPath workingDir(Component c) {
        String wd = c.entrypoint() == null ? null : c.entrypoint().workingDir();
        return AbsoluteUnixPath.get(
                wd == null || wd.isBlank() || wd.equals(".")
                        ? AppLayers.APP_ROOT.toString()
                        : containerPath(wd));
    }

    /** Absolute paths stay; paths relative to the app root land under {@code /opt/app}. */
    static String containerPath(String p) {
        String s = p.replace('\\', '/');
        while (s.endsWith("/") && s.length() > 1) {
            s = s.substring(0, s.length() - 1);
        }
        return s.startsWith("/")
                ? s
                : AppLayers.APP_ROOT.resolve(s.startsWith("./") ? s.substring(2) : s).toString();
    }

    private JibContainer containerize(JibContainerBuilder jib, Containerizer to, String component) {
        to.setBaseImageLayersCache(options.baseCacheDir())
                .setApplicationLayersCache(options.appLayersCache())
                .setAllowInsecureRegistries(options.insecureRegistry())
                .setToolName("kubelift");
        try {
            return jib.containerize(to);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new KubeliftException(
                    KubeliftException.Kind.BAD_INPUT,
                    KubeliftException.format(
                            options.target(),
                            "building the image of "
                                    + component
                                    + " failed: "
                                    + cause.getClass().getSimpleName()
                                    + ": "
                                    + cause.getMessage(),
                            "check that the registry answers (e.g. .ci/containers-setup.sh starts one on localhost:5000) "
                                    + "and that plain-HTTP registries are allowed as insecure"),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubeliftException(
                    KubeliftException.Kind.INTERNAL, "interrupted while building " + component, e);
        } catch (Exception e) {
            throw new KubeliftException(
                    KubeliftException.Kind.BAD_INPUT,
                    KubeliftException.format(
                            options.target(),
                            "building the image of "
                                    + component
                                    + " failed: "
                                    + e.getClass().getSimpleName()
                                    + ": "
                                    + e.getMessage(),
                            "check the target and the cache dir " + options.cacheDir()),
                    e);
        }
    }
}
