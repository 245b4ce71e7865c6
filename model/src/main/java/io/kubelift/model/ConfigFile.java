package io.kubelift.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A configuration file of the app (path relative to the app root) that goes into a ConfigMap and is
 * mounted where the app expects it. {@code format}: hadoop-xml, xml, properties, yaml, json, ini,
 * env, shell, text.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ConfigFile(@JsonProperty(required = true) String path, String format) {
    public ConfigFile {
        Lists.require(path, "configFile.path");
        format = format == null ? "text" : format;
    }
}
