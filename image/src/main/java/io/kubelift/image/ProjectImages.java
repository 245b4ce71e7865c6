package io.kubelift.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.DockerDaemonImage;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import io.kubelift.model.Component;
import io.kubelift.model.Entrypoint;
import io.kubelift.model.ImageLayout;
import io.kubelift.model.KubeliftException;
import io.kubelift.model.Port;
import io.kubelift.model.ProjectDescriptor;
import io.kubelift.model.RuntimeRequirements;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * {@link ImageBuilder}'s build-project source: builds a component's image straight from a build
 * tool's output, the way jib-maven-plugin does: the runtime dependencies, the snapshot
 * dependencies, the resources and the classes each become their own layer (so a code change
 * rebuilds only the small top layer), below {@link ImageLayout#APP_HOME} for a main-class app or
 * exploded into Tomcat's {@code webapps/ROOT} for a WAR. Reproducible: fixed creation time and file
 * times.
 */
final class ProjectImages {
    static final String LAYER_DEPENDENCIES = "dependencies";
    static final String LAYER_SNAPSHOT_DEPENDENCIES = "snapshot-dependencies";
    static final String LAYER_RESOURCES = "resources";
    static final String LAYER_CLASSES = "classes";
    static final String LAYER_WEBAPP = "webapp";

    private final ImageOptions options;

    ProjectImages(ImageOptions options) {
        this.options = options;
    }

    /**
     * The base used when none is given: a JRE for a main-class app, Tomcat for a WAR, on the
     * project's Java release.
     */
    static String defaultBase(ProjectDescriptor project) {
        String release =
                project.javaRelease() == null || project.javaRelease().isBlank()
                        ? "17"
                        : project.javaRelease();
        return project.isWar()
                ? "registry:tomcat:10.1-jre" + release
                : "registry:eclipse-temurin:" + release + "-jre";
    }

    /**
     * Builds one component's image, leaving out the resources named in {@code secretResources}
     * (paths relative to the classes directory, e.g. {@code application.properties}): a file that
     * holds a secret is delivered by the generated ConfigMap and Secret, never baked into a layer
     * anyone who can pull the image can read.
     */
    ProjectImage build(
            ProjectDescriptor project,
            Component component,
            boolean onlyComponent,
            Set<String> secretResources) {
        if (project.classesDir() == null || !Files.isDirectory(project.classesDir())) {
            throw KubeliftException.badInput(
                    String.valueOf(project.classesDir()),
                    "there are no compiled classes to put in the image",
                    "run the build up to 'package' first (e.g. mvn package kubelift:build)");
        }
        String base =
                options.base() == null || options.base().isBlank()
                        ? defaultBase(project)
                        : options.base();
        ImageReference name = imageName(component, onlyComponent);
        try {
            JibContainerBuilder builder = from(base);
            List<String> layers = new ArrayList<>();
            for (FileEntriesLayer layer : layers(project, secretResources)) {
                if (!layer.getEntries().isEmpty()) {
                    builder.addFileEntriesLayer(layer);
                    layers.add(layer.getName());
                }
            }
            builder.setCreationTime(Instant.EPOCH)
                    .setEntrypoint(entrypoint(project, component))
                    .setWorkingDirectory(
                            AbsoluteUnixPath.get(
                                    project.isWar()
                                            ? ImageLayout.TOMCAT_HOME
                                            : ImageLayout.APP_HOME))
                    .setUser(String.valueOf(user(component)))
                    .addLabel("io.kubelift.component", component.name());
            Set<com.google.cloud.tools.jib.api.buildplan.Port> ports =
                    new java.util.LinkedHashSet<>();
            for (Port p : component.ports()) {
                ports.add(
                        "UDP".equalsIgnoreCase(p.protocol())
                                ? com.google.cloud.tools.jib.api.buildplan.Port.udp(p.port())
                                : com.google.cloud.tools.jib.api.buildplan.Port.tcp(p.port()));
            }
            builder.setExposedPorts(ports);
            ImageTarget target = ImageTarget.parseNamed(options.target());
            Path tar =
                    target instanceof ImageTarget.Tar t
                            ? t.dir().resolve(component.name() + ".tar")
                            : null;
            Containerizer containerizer = target.containerizer(name, component.name());
            containerizer
                    .setBaseImageLayersCache(options.baseCacheDir())
                    .setApplicationLayersCache(options.appLayersCache())
                    .setAllowInsecureRegistries(options.insecureRegistry())
                    .setOfflineMode(options.offline() && !(target instanceof ImageTarget.Registry))
                    .setToolName("kubelift");
            JibContainer container = builder.containerize(containerizer);
            String digest = container.getDigest().toString();
            String pinned =
                    ImageReference.of(name.getRegistry(), name.getRepository(), null, digest)
                            .toString();
            return new ProjectImage(component.name(), pinned, digest, tar, layers);
        } catch (InvalidImageReferenceException e) {
            throw KubeliftException.usage(
                    "'" + e.getInvalidReference() + "' is not a valid image reference",
                    "use [registry/]repository[:tag], e.g. localhost:5000/shop:1.0");
        } catch (RegistryException | ExecutionException e) {
            Throwable cause =
                    e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new KubeliftException(
                    KubeliftException.Kind.BAD_INPUT,
                    KubeliftException.format(
                            base,
                            "the image build failed: " + cause.getMessage(),
                            "check that the base image is reachable (or use base 'scratch' or 'tar:FILE' offline) and the target is writable"),
                    e);
        } catch (IOException
                | UncheckedIOException
                | com.google.cloud.tools.jib.api.CacheDirectoryCreationException e) {
            throw new KubeliftException(
                    KubeliftException.Kind.BAD_INPUT,
                    KubeliftException.format(
                            options.cacheDir().toString(),
                            "cannot read the project output or write the image: " + e.getMessage(),
                            null),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubeliftException(
                    KubeliftException.Kind.INTERNAL, "interrupted while building the image", e);
        }
    }

    ImageReference imageName(Component component, boolean onlyComponent) {
        try {
            String image = options.image();
            if (image == null || image.isBlank()) {
                throw KubeliftException.usage(
                        "no image name given", "name the image, e.g. localhost:5000/shop:1.0");
            }
            ImageReference ref = ImageReference.parse(lowerCaseRepository(image));
            if (onlyComponent) {
                return ref;
            }
            return ImageReference.of(
                    ref.getRegistry(),
                    ref.getRepository() + "-" + component.name(),
                    ref.getTag().orElse(null));
        } catch (InvalidImageReferenceException e) {
            throw KubeliftException.usage(
                    "'" + options.image() + "' is not a valid image name",
                    "use [registry/]repository[:tag], e.g. localhost:5000/shop:1.0");
        }
    }

    /**
     * Repositories are lower case, tags need not be: {@code My.App:1.0-SNAPSHOT} → {@code
     * my.app:1.0-SNAPSHOT}.
     */
    static String lowerCaseRepository(String image) {
        int slash = image.lastIndexOf('/');
        int colon = image.indexOf(':', slash + 1);
        int at = image.indexOf('@');
        int end = at >= 0 ? at : colon >= 0 ? colon : image.length();
        return image.substring(0, end).toLowerCase(Locale.ROOT) + image.substring(end);
    }

    private static JibContainerBuilder from(String base) throws InvalidImageReferenceException {
        if (base.equals("scratch")) {
            return Jib.fromScratch();
        }
        if (base.startsWith("tar:")) {
            Path tar = Path.of(base.substring(4));
            if (!Files.isRegularFile(tar)) {
                throw KubeliftException.badInput(
                        tar.toString(),
                        "the base image tarball does not exist",
                        "save one with 'podman save --format docker-archive' or use another base");
            }
            return Jib.from(TarImage.at(tar));
        }
        if (base.startsWith("docker:")) {
            return Jib.from(DockerDaemonImage.named(base.substring(7)));
        }
        return Jib.from(
                RegistryImage.named(base.startsWith("registry:") ? base.substring(9) : base));
    }

    /** The application layers, bottom to top: what changes least first. */
    static List<FileEntriesLayer> layers(ProjectDescriptor project) throws IOException {
        return layers(project, Set.of());
    }

    static List<FileEntriesLayer> layers(ProjectDescriptor project, Set<String> secretResources)
            throws IOException {
        boolean war = project.isWar();
        AbsoluteUnixPath libs =
                AbsoluteUnixPath.get(
                        war
                                ? ImageLayout.WEBAPP_ROOT + "/WEB-INF/lib"
                                : ImageLayout.APP_HOME + "/" + ImageLayout.PROJECT_LIBS);
        AbsoluteUnixPath resources =
                AbsoluteUnixPath.get(
                        war
                                ? ImageLayout.WEBAPP_ROOT + "/WEB-INF/classes"
                                : ImageLayout.APP_HOME + "/" + ImageLayout.PROJECT_RESOURCES);
        AbsoluteUnixPath classes =
                AbsoluteUnixPath.get(
                        war
                                ? ImageLayout.WEBAPP_ROOT + "/WEB-INF/classes"
                                : ImageLayout.APP_HOME + "/" + ImageLayout.PROJECT_CLASSES);
        FileEntriesLayer.Builder deps = FileEntriesLayer.builder().setName(LAYER_DEPENDENCIES);
        FileEntriesLayer.Builder snapshots =
                FileEntriesLayer.builder().setName(LAYER_SNAPSHOT_DEPENDENCIES);
        Set<String> names = new HashSet<>();
        for (Path jar : project.runtimeClasspath()) {
            if (!Files.isRegularFile(jar)) {
                continue; // a reactor sibling not packaged yet resolves to its classes dir; jars
                // only
            }
            String file = jar.getFileName().toString();
            String unique = names.add(file) ? file : jar.getParent().getFileName() + "-" + file;
            names.add(unique);
            (file.contains("-SNAPSHOT") ? snapshots : deps).addEntry(jar, libs.resolve(unique));
        }
        FileEntriesLayer.Builder res = FileEntriesLayer.builder().setName(LAYER_RESOURCES);
        FileEntriesLayer.Builder cls = FileEntriesLayer.builder().setName(LAYER_CLASSES);
        Path root = project.classesDir();
        for (Path file : sortedFiles(root)) {
            String rel = root.relativize(file).toString().replace('\\', '/');
            if (rel.endsWith(".class")) {
                cls.addEntry(file, classes.resolve(rel));
            } else if (!secretResources.contains(rel)) {
                res.addEntry(file, resources.resolve(rel));
            }
        }
        List<FileEntriesLayer> layers =
                new ArrayList<>(List.of(deps.build(), snapshots.build(), res.build()));
        if (war && project.webappDir() != null && Files.isDirectory(project.webappDir())) {
            FileEntriesLayer.Builder web = FileEntriesLayer.builder().setName(LAYER_WEBAPP);
            AbsoluteUnixPath webRoot = AbsoluteUnixPath.get(ImageLayout.WEBAPP_ROOT);
            for (Path file : sortedFiles(project.webappDir())) {
                web.addEntry(
                        file,
                        webRoot.resolve(
                                project.webappDir()
                                        .relativize(file)
                                        .toString()
                                        .replace('\\', '/')));
            }
            layers.add(web.build());
        }
        layers.add(cls.build());
        return layers;
    }

    static List<String> entrypoint(ProjectDescriptor project, Component component) {
        Entrypoint e = component.entrypoint();
        if (e == null) {
            throw KubeliftException.badInput(
                    "plan.yaml",
                    "component " + component.name() + " has no entrypoint",
                    "set entrypoint.mainClass (or command) in the plan, or name a main class in the build");
        }
        if (!e.command().isEmpty()) {
            List<String> cmd = new ArrayList<>(e.command());
            cmd.addAll(e.args());
            return cmd;
        }
        List<String> cmd = new ArrayList<>();
        cmd.add("java");
        cmd.addAll(e.jvmOptions());
        List<String> cp = e.classpath().isEmpty() ? ImageLayout.PROJECT_CLASSPATH : e.classpath();
        cmd.add("-cp");
        cmd.add(
                String.join(
                        ":",
                        cp.stream()
                                .map(p -> p.startsWith("/") ? p : ImageLayout.APP_HOME + "/" + p)
                                .toList()));
        if (e.mainClass() != null) {
            cmd.add(e.mainClass());
        } else {
            cmd.set(cmd.size() - 2, "-jar");
            cmd.set(
                    cmd.size() - 1,
                    e.jar().startsWith("/") ? e.jar() : ImageLayout.APP_HOME + "/" + e.jar());
        }
        cmd.addAll(e.args());
        return cmd;
    }

    private static long user(Component component) {
        RuntimeRequirements r = component.runtime();
        return r != null && r.user() != null ? r.user() : RuntimeRequirements.DEFAULT_USER;
    }

    private static List<Path> sortedFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
