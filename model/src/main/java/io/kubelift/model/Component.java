package io.kubelift.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One long-running (or batch) process of the application, which becomes one Kubernetes workload.
 * Every inferred field carries the evidence it came from. Lists are never null and are kept in a
 * stable order.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({
    "name",
    "description",
    "detector",
    "workload",
    "replicas",
    "schedule",
    "entrypoint",
    "runtime",
    "ports",
    "configFiles",
    "configOverrides",
    "peers",
    "secrets",
    "state",
    "logs",
    "deployedApps",
    "env",
    "health",
    "resources",
    "evidence",
    "pinHeap"
})
public record Component(
        @JsonProperty(required = true) String name,
        String description,
        String detector,
        Workload workload,
        Integer replicas,
        String schedule,
        Entrypoint entrypoint,
        RuntimeRequirements runtime,
        List<Port> ports,
        List<ConfigFile> configFiles,
        List<ConfigOverride> configOverrides,
        List<Peer> peers,
        List<SecretRef> secrets,
        List<StateDir> state,
        List<LogDir> logs,
        /** Applications deployed in the server's deployment directories. */
        List<DeployedApp> deployedApps,
        List<EnvVar> env,
        Health health,
        Resources resources,
        Evidence evidence,
        Boolean pinHeap) {

    public Component {
        Lists.require(name, "component.name");
        if (!Names.isDnsLabel(name)) {
            throw new IllegalArgumentException(
                    "component name '" + name + "' must be a DNS-1123 label (a-z, 0-9, '-')");
        }
        workload = workload == null ? Workload.Deployment : workload;
        replicas = replicas == null ? 1 : replicas;
        if (replicas < 0) {
            throw new IllegalArgumentException("component " + name + ": replicas must be >= 0");
        }
        if (workload == Workload.CronJob && (schedule == null || schedule.isBlank())) {
            throw new IllegalArgumentException(
                    "component " + name + ": a CronJob needs a schedule");
        }
        ports = Lists.copy(ports);
        configFiles = Lists.copy(configFiles);
        configOverrides = Lists.copy(configOverrides);
        peers = Lists.copy(peers);
        secrets = Lists.copy(secrets);
        state = Lists.copy(state);
        logs = Lists.copy(logs);
        deployedApps = Lists.copy(deployedApps);
        env = Lists.copy(env);
    }

    /**
     * Whether the heap settings of {@code entrypoint.jvmOptions} ({@code -Xmx}, {@code -Xms}) are
     * kept. By default the generator drops them and sizes the heap from the container's memory
     * limit ({@code -XX:MaxRAMPercentage}).
     */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isHeapPinned() {
        return Boolean.TRUE.equals(pinHeap);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.description = description;
        b.detector = detector;
        b.workload = workload;
        b.replicas = replicas;
        b.schedule = schedule;
        b.entrypoint = entrypoint;
        b.runtime = runtime;
        b.ports = ports;
        b.configFiles = configFiles;
        b.configOverrides = configOverrides;
        b.peers = peers;
        b.secrets = secrets;
        b.state = state;
        b.logs = logs;
        b.deployedApps = deployedApps;
        b.env = env;
        b.health = health;
        b.resources = resources;
        b.evidence = evidence;
        b.pinHeap = pinHeap;
        return b;
    }

    /**
     * Builds components field by field, so that adding a field to the plan does not break every
     * caller.
     */
    public static final class Builder {
        private String name;
        private String description;
        private String detector;
        private Workload workload;
        private Integer replicas;
        private String schedule;
        private Entrypoint entrypoint;
        private RuntimeRequirements runtime;
        private List<Port> ports;
        private List<ConfigFile> configFiles;
        private List<ConfigOverride> configOverrides;
        private List<Peer> peers;
        private List<SecretRef> secrets;
        private List<StateDir> state;
        private List<LogDir> logs;
        private List<DeployedApp> deployedApps;
        private List<EnvVar> env;
        private Health health;
        private Resources resources;
        private Evidence evidence;
        private Boolean pinHeap;

        private Builder(String name) {
            this.name = name;
        }

        public Builder name(String v) {
            this.name = v;
            return this;
        }

        public Builder description(String v) {
            this.description = v;
            return this;
        }

        public Builder detector(String v) {
            this.detector = v;
            return this;
        }

        public Builder workload(Workload v) {
            this.workload = v;
            return this;
        }

        public Builder replicas(Integer v) {
            this.replicas = v;
            return this;
        }

        public Builder schedule(String v) {
            this.schedule = v;
            return this;
        }

        public Builder entrypoint(Entrypoint v) {
            this.entrypoint = v;
            return this;
        }

        public Builder runtime(RuntimeRequirements v) {
            this.runtime = v;
            return this;
        }

        public Builder ports(List<Port> v) {
            this.ports = v;
            return this;
        }

        public Builder configFiles(List<ConfigFile> v) {
            this.configFiles = v;
            return this;
        }

        public Builder configOverrides(List<ConfigOverride> v) {
            this.configOverrides = v;
            return this;
        }

        public Builder peers(List<Peer> v) {
            this.peers = v;
            return this;
        }

        public Builder secrets(List<SecretRef> v) {
            this.secrets = v;
            return this;
        }

        public Builder state(List<StateDir> v) {
            this.state = v;
            return this;
        }

        public Builder logs(List<LogDir> v) {
            this.logs = v;
            return this;
        }

        public Builder deployedApps(List<DeployedApp> v) {
            this.deployedApps = v;
            return this;
        }

        public Builder env(List<EnvVar> v) {
            this.env = v;
            return this;
        }

        public Builder health(Health v) {
            this.health = v;
            return this;
        }

        public Builder resources(Resources v) {
            this.resources = v;
            return this;
        }

        public Builder evidence(Evidence v) {
            this.evidence = v;
            return this;
        }

        public Builder pinHeap(Boolean v) {
            this.pinHeap = v;
            return this;
        }

        public Component build() {
            return new Component(
                    name,
                    description,
                    detector,
                    workload,
                    replicas,
                    schedule,
                    entrypoint,
                    runtime,
                    ports,
                    configFiles,
                    configOverrides,
                    peers,
                    secrets,
                    state,
                    logs,
                    deployedApps,
                    env,
                    health,
                    resources,
                    evidence,
                    pinHeap);
        }
    }
}
