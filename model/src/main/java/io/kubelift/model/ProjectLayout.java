package io.kubelift.model;

import java.util.List;

/**
 * Where a build-tool project's runtime goes inside its image, the way jib lays out a Maven project: dependency jars,
 * resources and classes in separate directories (so they become separate layers), and a WAR exploded into a
 * servlet container's webapps directory. The plan's entrypoint classpath is relative to {@link #APP_ROOT}.
 */
public final class ProjectLayout {
    public static final String APP_ROOT = "/app";
    public static final String LIBS = "libs";
    public static final String RESOURCES = "resources";
    public static final String CLASSES = "classes";
    /** Classpath entries, relative to the app root: resources first so they can override what jars carry. */
    public static final List<String> CLASSPATH = List.of(RESOURCES, CLASSES, LIBS + "/*");

    /** Tomcat's home in the official images; a WAR is exploded into {@code webapps/ROOT} below it. */
    public static final String TOMCAT_HOME = "/usr/local/tomcat";
    public static final String WEBAPP_ROOT = TOMCAT_HOME + "/webapps/ROOT";
    public static final List<String> TOMCAT_COMMAND = List.of("catalina.sh", "run");
    public static final int TOMCAT_PORT = 8080;

    private ProjectLayout() {
    }
}
