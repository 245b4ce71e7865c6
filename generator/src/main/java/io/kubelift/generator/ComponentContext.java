package io.kubelift.generator;

import io.kubelift.model.Component;
import io.kubelift.model.Port;
import io.kubelift.model.Workload;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One component with what was derived for it: image, rewritten config files (with ConfigMap keys),
 * config checksum.
 */
public final class ComponentContext {
    /** A config file as it goes into the ConfigMap under {@code key}. */
    public record ConfigEntry(String key, ConfigRewriter.Rewritten file) {}

    private final Component component;
    private final String image;
    private final List<ConfigEntry> config;

    ComponentContext(Component component, String image, List<ConfigEntry> config) {
        this.component = component;
        this.image = image;
        this.config = List.copyOf(config);
    }

    public Component component() {
        return component;
    }

    public String name() {
        return component.name();
    }

    public String image() {
        return image;
    }

    public List<ConfigEntry> config() {
        return config;
    }

    public boolean rendersConfig() {
        return config.stream().anyMatch(e -> e.file().needsRendering());
    }

    /** ConfigMap data: key → file content, sorted. */
    public Map<String, String> configData() {
        Map<String, String> m = new TreeMap<>();
        config.forEach(e -> m.put(e.key(), e.file().content()));
        return m;
    }

    /** SHA-256 over the ConfigMap data, for the {@code checksum/config} pod annotation. */
    public String configChecksum() {
        StringBuilder sb = new StringBuilder();
        configData().forEach((k, v) -> sb.append(k).append('\0').append(v).append('\0'));
        return ImageNames.sha256(sb.toString());
    }

    public boolean isBatch() {
        return component.workload() == Workload.Job || component.workload() == Workload.CronJob;
    }

    /** Served ports: batch components get no Service. */
    public boolean hasService() {
        return !isBatch() && !component.ports().isEmpty();
    }

    public Optional<Port> port(String name) {
        return component.ports().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The port peers wait for: the health port, else the first port. */
    public Optional<Port> mainPort() {
        if (component.health() != null) {
            Optional<Port> p = port(component.health().port());
            if (p.isPresent()) {
                return p;
            }
        }
        return component.ports().stream().findFirst();
    }

    public Optional<Port> httpPort() {
        if (component.health() != null && component.health().type().equals("http")) {
            Optional<Port> p = port(component.health().port());
            if (p.isPresent()) {
                return p;
            }
        }
        return component.ports().stream().filter(Port::isHttp).findFirst();
    }
}
