package io.kubelift.image;

import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A base to build on: where Jib starts from, the layers kubelift adds for it (a jlink runtime,
 * glibc), and what is known about it.
 *
 * @param description what it is, for the {@code org.opencontainers.image.base.name} label
 * @param start a fresh {@link JibContainerBuilder} on this base
 * @param layers layers that belong to the base (least changing; go first)
 * @param hasShell whether {@code /bin/sh} exists, so the entrypoint can be the start script
 * @param env environment the base needs (JAVA_HOME, PATH); empty when unknown
 * @param passwd the base's {@code /etc/passwd}, to which the runtime user is appended; {@code null}
 *     = unknown
 * @param group the base's {@code /etc/group}; {@code null} = unknown
 */
record BaseImage(
        String description,
        Supplier<JibContainerBuilder> start,
        List<FileEntriesLayer> layers,
        boolean hasShell,
        Map<String, String> env,
        String passwd,
        String group) {
    static final String JAVA_HOME = "/opt/java";
    static final String PATH =
            "/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
}
