package io.kubelift.analyzer.profile;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What kubelift knows about one product, as data (one YAML file per product, see docs/analyzer.md):
 * how to recognise an install of it, the long-running processes it runs (their main classes, roles
 * and launch scripts), the ports each listens on by setting key with the product's defaults, health
 * paths, secret-bearing keys, state and log directories, and the workload kind. {@link
 * ProfileDetector} reads every profile; no Java is written per product.
 */
public record ProductProfile(
        @JsonProperty(required = true) String id,
        String name,
        /** Where the facts come from (the product's documentation). */
        List<String> sources,
        @JsonProperty(required = true) Recognise recognise,
        @JsonProperty(required = true) List<Daemon> components,
        /**
         * Main classes of the product's command-line tools: launches of them are tools, never
         * components.
         */
        List<String> tools,
        /** Setting keys that hold credentials (their values never enter the plan). */
        List<String> secretKeys,
        /**
         * Resolve {@code ${key}} in directory values from the product's settings and the launch's
         * {@code -D} properties (a {@code file:} URI is a path); a directory that stays unresolved
         * is left out.
         */
        boolean resolveReferences,
        /**
         * System properties of the form {@code LEVEL,APPENDER…} naming the root logger: the
         * appenders become {@code console}.
         */
        List<String> consoleLoggers,
        /**
         * Setting-key prefixes read by one component only: a directory set by such a key belongs to
         * that component alone (the key prefix maps to the component name).
         */
        java.util.Map<String, String> keyOwners) {

    public ProductProfile {
        consoleLoggers = consoleLoggers == null ? List.of() : List.copyOf(consoleLoggers);
        keyOwners =
                keyOwners == null
                        ? java.util.Map.of()
                        : java.util.Collections.unmodifiableMap(
                                new java.util.LinkedHashMap<>(keyOwners));
        sources = sources == null ? List.of() : List.copyOf(sources);
        components = components == null ? List.of() : List.copyOf(components);
        tools = tools == null ? List.of() : List.copyOf(tools);
        secretKeys = secretKeys == null ? List.of() : List.copyOf(secretKeys);
    }

    /**
     * The product is present when all of {@code allFiles} exist and, if {@code anyFile} is given,
     * one of them does (a path relative to the app, matched as a path suffix, {@code *} within one
     * segment), or when a launch or jar manifest names one of {@code mainClasses}.
     */
    public record Recognise(List<String> anyFile, List<String> allFiles, List<String> mainClasses) {
        public Recognise {
            anyFile = anyFile == null ? List.of() : List.copyOf(anyFile);
            allFiles = allFiles == null ? List.of() : List.copyOf(allFiles);
            mainClasses = mainClasses == null ? List.of() : List.copyOf(mainClasses);
        }
    }

    /**
     * One long-running process. {@code mainClass} is the class the JVM runs ({@code jar}: the
     * launcher jar whose manifest names it, e.g. Jetty's {@code start.jar}); {@code args} picks the
     * launch among several of the same class (Artemis {@code run}, WildFly's module name); {@code
     * scripts} are the product's start scripts, used when no launch could be interpreted. {@code
     * optional}: only when a launch of it, or one of {@code whenFiles}, is found. {@code
     * portFiles}: when set, only these of the config files give ports (a file the process ships but
     * whose listeners belong to other processes, as WildFly's domain.xml socket-binding-groups do
     * for the host controller).
     */
    public record Daemon(
            @JsonProperty(required = true) String name,
            String description,
            @JsonProperty(required = true) String mainClass,
            String jar,
            List<String> args,
            List<String> scripts,
            List<String> classpath,
            String workload,
            boolean optional,
            List<String> whenFiles,
            List<String> configFiles,
            List<String> portFiles,
            List<PortDef> ports,
            HealthDef health,
            List<DirDef> state,
            List<DirDef> logs,
            ModuleGate modules,
            /** The config files are every file in the directory holding the first match. */
            String configDirOf,
            /** Only the listed ports: not those the parsers find in the config files. */
            boolean onlyListedPorts,
            /**
             * Settings whose presence implies the default ports (the first one set is the evidence
             * of a port, health or runtime fact whose own setting is absent).
             */
            List<String> impliedBy,
            /** The first variant whose condition holds sets the workload and description. */
            List<Variant> variants,
            /** The container needs a shell ({@code bash}) in its image. */
            boolean shell,
            List<OverrideDef> configOverrides,
            List<EnvDef> env,
            List<PeerDef> peers,
            /** Only when one of these settings holds (with {@code optional}). */
            List<Condition> enabledWhen,
            /**
             * Without a launch of it, only when this setting names a host other than the one {@code
             * notHostOf} names.
             */
            OwnHost ownHost,
            /**
             * The server's deployment directories: the applications deployed there are recorded as
             * the component's deployed apps.
             */
            List<String> deployments) {

        public Daemon {
            impliedBy = impliedBy == null ? List.of() : List.copyOf(impliedBy);
            variants = variants == null ? List.of() : List.copyOf(variants);
            configOverrides = configOverrides == null ? List.of() : List.copyOf(configOverrides);
            env = env == null ? List.of() : List.copyOf(env);
            peers = peers == null ? List.of() : List.copyOf(peers);
            enabledWhen = enabledWhen == null ? List.of() : List.copyOf(enabledWhen);
            deployments = deployments == null ? List.of() : List.copyOf(deployments);
            args = args == null ? List.of() : List.copyOf(args);
            scripts = scripts == null ? List.of() : List.copyOf(scripts);
            classpath = classpath == null ? List.of() : List.copyOf(classpath);
            whenFiles = whenFiles == null ? List.of() : List.copyOf(whenFiles);
            configFiles = configFiles == null ? List.of() : List.copyOf(configFiles);
            portFiles = portFiles == null ? List.of() : List.copyOf(portFiles);
            ports = ports == null ? List.of() : List.copyOf(ports);
            state = state == null ? List.of() : List.copyOf(state);
            logs = logs == null ? List.of() : List.copyOf(logs);
        }
    }

    /**
     * A listening port: the setting that sets it ({@code key}, read from the daemon's config files;
     * a value may be a number, {@code host:port} or a URI), the product's default when the setting
     * is absent, a port name, and whether it speaks HTTP.
     */
    public record PortDef(
            @JsonProperty(required = true) String key,
            @JsonProperty(required = true) int port,
            String name,
            boolean http,
            /** Only when this condition holds. */
            Condition when,
            /**
             * Where {@code port} comes from when no file sets {@code key} (the product's defaults
             * file, e.g. "Hadoop's yarn-default.xml"): the port's evidence then names it instead of
             * pointing at a line that does not hold the port.
             */
            String defaultFrom) {}

    /**
     * A setting is set ({@code key}); when {@code equals} is given, its value is that (case
     * ignored); when {@code contains} is given, its value contains that.
     */
    public record Condition(
            @JsonProperty(required = true) String key, String equals, String contains) {}

    /** A workload and description chosen when {@code when} holds (no {@code when}: always). */
    public record Variant(Condition when, String workload, String description) {}

    /**
     * A setting the plan changes in one config file ({@code file}: a name matched among the
     * component's config files, else placed in its config dir); {@code evidence}: the settings
     * whose line is the evidence, the first one set.
     */
    public record OverrideDef(
            @JsonProperty(required = true) String file,
            @JsonProperty(required = true) String key,
            @JsonProperty(required = true) String value,
            String reason,
            List<String> evidence) {
        public OverrideDef {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    /**
     * An environment variable: a {@code value} ({@code ${configDir}} stands for the config dir) or
     * a container resource ({@code fromResource} with {@code divisor}).
     */
    public record EnvDef(
            @JsonProperty(required = true) String name,
            String value,
            String fromResource,
            String divisor,
            List<String> evidence) {
        public EnvDef {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    /**
     * Settings (a {@code *} matches any text) whose host names another component: each set one is a
     * peer.
     */
    public record PeerDef(
            @JsonProperty(required = true) String component,
            @JsonProperty(required = true) List<String> keys) {
        public PeerDef {
            keys = List.copyOf(keys);
        }
    }

    public record OwnHost(@JsonProperty(required = true) String key, String notHostOf) {}

    /**
     * Config files that count only when the launcher enables the module that loads them (Jetty's
     * {@code --module=http} in start.ini/start.d loads modules/http.mod, whose {@code [xml]}
     * section lists etc/jetty-http.xml). {@code enable}: the files holding the enabling lines;
     * {@code line}: a regex whose group 1 is a comma-separated list of modules; {@code descriptor}:
     * the module file, {@code {}} standing for the module name; its {@code [depend]} section
     * enables more modules, every other line of its {@code [xml]} section names a loaded file. A
     * file matching {@code gated} that no enabled module loads gives no ports, state or log dirs
     * (its secrets still count: the file ships in the image).
     */
    public record ModuleGate(
            @JsonProperty(required = true) List<String> enable,
            @JsonProperty(required = true) String line,
            @JsonProperty(required = true) String descriptor,
            @JsonProperty(required = true) List<String> gated) {
        public ModuleGate {
            enable = List.copyOf(enable);
            gated = List.copyOf(gated);
        }
    }

    public record HealthDef(String path, @JsonProperty(required = true) String port) {}

    /**
     * A directory (relative to the app, or absolute), the setting that moves it, and for state
     * whether it must survive restarts.
     */
    public record DirDef(
            @JsonProperty(required = true) String path,
            String key,
            String purpose,
            boolean durable) {}
}
