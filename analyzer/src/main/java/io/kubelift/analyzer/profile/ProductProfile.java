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
        List<String> secretKeys) {

    public ProductProfile {
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
            ModuleGate modules) {

        public Daemon {
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
            boolean http) {}

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
