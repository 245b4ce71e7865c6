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
    public record Recognise(
            List<String> anyFile,
            List<String> allFiles,
            List<String> mainClasses,
            /**
             * The {@code anyFile} found must set one of these setting keys ({@code *} matches any
             * text): Tomcat's {@code conf/server.xml} with a {@code Connector}; among several such
             * files the shortest path wins (the outermost install).
             */
            List<String> withKeys,
            /**
             * Main classes the analyzer found (in sources or jar manifests) that are this product's
             * applications: the product is present when one of them is, and each {@code
             * perApplication} component is made once per application.
             */
            List<AppMatch> applications) {
        public Recognise {
            anyFile = anyFile == null ? List.of() : List.copyOf(anyFile);
            allFiles = allFiles == null ? List.of() : List.copyOf(allFiles);
            mainClasses = mainClasses == null ? List.of() : List.copyOf(mainClasses);
            withKeys = withKeys == null ? List.of() : List.copyOf(withKeys);
            applications = applications == null ? List.of() : List.copyOf(applications);
        }
    }

    /**
     * A main class found by the analyzer whose attribute {@code attr} ({@code attribute}: the
     * manifest attribute that names it, {@code Main-Class} or {@code Start-Class}; {@code
     * annotation}: the annotation on the class; {@code framework}) equals {@code equals}; with
     * {@code build}, only in a module whose build descriptor (pom) names a coordinate starting so.
     */
    public record AppMatch(
            @JsonProperty(required = true) String attr,
            @JsonProperty(required = true) String equals,
            String build) {}

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
            String mainClass,
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
            List<String> deployments,
            /**
             * One component per application the profile recognises ({@code
             * recognise.applications}): its main class is the application's; config files are
             * looked for under the application's module; the name is {@code nameKey}'s value, else
             * the module's artifactId, else the class's simple name without {@code classSuffix}.
             */
            boolean perApplication,
            String nameKey,
            String classSuffix,
            /** Files never counted as config files (test resources). */
            List<String> excludeFiles,
            /**
             * A regex on a config file's name whose group 1 is a configuration profile ({@code
             * application-prod.yml}): such files, and YAML documents activated for a profile, do
             * not set the default settings; the profiles are named in the description.
             */
            String profileFiles,
            /** The setting naming the active configuration profiles. */
            String activeProfilesKey,
            /** The description names the non-loopback hosts the config files refer to. */
            boolean externalServices,
            /** JVM options of the entrypoint when no launch was interpreted. */
            List<String> jvmOptions,
            /** Only when no other component was found in the app. */
            boolean fallbackOnly,
            /**
             * Context descriptors: each deploys a web application at the context path its file name
             * gives; listed with the deployed web applications in the description.
             */
            List<String> contexts,
            /**
             * Port settings that are not service ports: not exposed, said so in the description.
             */
            List<NotPortDef> notServicePorts) {

        public Daemon {
            excludeFiles = excludeFiles == null ? List.of() : List.copyOf(excludeFiles);
            jvmOptions = jvmOptions == null ? List.of() : List.copyOf(jvmOptions);
            contexts = contexts == null ? List.of() : List.copyOf(contexts);
            notServicePorts = notServicePorts == null ? List.of() : List.copyOf(notServicePorts);
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
            String key,
            Integer port,
            String name,
            boolean http,
            /** The application protocol when it is not plain HTTP ({@code https}). */
            String appProtocol,
            /**
             * For a key that matches repeated XML elements ({@code *}): the first variant whose
             * condition holds on the element's other attributes names the port.
             */
            List<PortVariant> byAttribute,
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
     * ignored); when {@code contains} is given, its value contains that (case ignored).
     */
    public record Condition(
            @JsonProperty(required = true) String key, String equals, String contains) {}

    /**
     * A port's name and protocol when one of {@code when} holds on the other attributes of its
     * element.
     */
    public record PortVariant(
            @JsonProperty(required = true) List<Condition> when,
            @JsonProperty(required = true) String name,
            Boolean http,
            String appProtocol) {
        public PortVariant {
            when = List.copyOf(when);
        }
    }

    /** A port setting that is not a service port ({@code what}: what it is). */
    public record NotPortDef(@JsonProperty(required = true) String key, String what) {}

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

    /**
     * A probe on the port named {@code port} ({@code fallbackPort} when the component has no such
     * port): HTTP on {@code path} when given, else TCP. {@code base} + {@code path} when a base is
     * given, {@code baseKey}'s value replacing {@code base}. {@code dependencies}: the HTTP probe
     * only when the application's module depends on one of these ({@code *} matches any text;
     * Spring Boot's actuator), else TCP.
     */
    public record HealthDef(
            String path,
            @JsonProperty(required = true) String port,
            String fallbackPort,
            String base,
            String baseKey,
            List<String> dependencies) {
        public HealthDef {
            dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
        }
    }

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
