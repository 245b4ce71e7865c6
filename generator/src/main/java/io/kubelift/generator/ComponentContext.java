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
    /**
     * A config file as it goes into the ConfigMap under {@code key}. {@code inImage}: the image
     * holds the app's copy (every file but one with a secret); {@code unchanged}: kubelift did not
     * rewrite it, so that copy is what the ConfigMap would hold.
     */
    public record ConfigEntry(
            String key, ConfigRewriter.Rewritten file, boolean inImage, boolean unchanged) {
        public ConfigEntry(String key, ConfigRewriter.Rewritten file) {
            this(key, file, false, false);
        }

        /** The image holds this very content: the app can read it there. */
        public boolean servedByImage() {
            return inImage && unchanged;
        }

        /** What the entry counts against the ConfigMap's limit: key and value, in UTF-8 bytes. */
        public long size() {
            return key.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                    + (long)
                            file.content().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
    }

    private final Component component;
    private final String image;
    private final List<ConfigEntry> config;
    private final List<String> configFromImage;
    private final List<String> notes;

    ComponentContext(Component component, String image, List<ConfigEntry> config) {
        this(component, image, config, List.of(), List.of());
    }

    ComponentContext(
            Component component,
            String image,
            List<ConfigEntry> config,
            List<String> configFromImage,
            List<String> notes) {
        this.component = component;
        this.image = image;
        this.config = List.copyOf(config);
        this.configFromImage = List.copyOf(configFromImage);
        this.notes = List.copyOf(notes);
    }

    /**
     * Config files of the plan left out of the ConfigMap for its size limit that the app reads from
     * the image (see {@link PlanContext}); named in the pod template's {@code
     * kubelift.io/config-from-image} annotation.
     */
    public List<String> configFromImage() {
        return configFromImage;
    }

    /** What the generator had to decide for this component and the user should know. */
    public List<String> notes() {
        return notes;
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
